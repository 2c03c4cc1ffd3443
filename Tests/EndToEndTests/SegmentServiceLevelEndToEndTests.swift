import Foundation
import Testing

/// End-to-end: a VIP call waits past its segment's target over the socket: the enqueue reply gives
/// the segment's priority, a subscribed supervisor sees the escalation and then the breach, the
/// breach is in `stats`, and `acdctl report --by segment` shows it once the call's record is written.
@Suite(.serialized) struct SegmentServiceLevelEndToEndTests {
    static let configuration = """
        socket:
          path: SOCKET
          mode: "0666"
        limits:
          adapter_grace: 10s
          position_interval: 0
        queues:
          - {id: sales, offer_timeout: 30s}
        agents:
          - {id: ana, tiers: {sales: 1}}
        segments:
          vip: {priority: 5, target: 1500ms, escalate_at: 50%, max_wait: 1m}
        """

    @Test func aVIPCallIsEscalatedThenBreachesAndTheReportShowsIt() throws {
        let daemon = try DaemonProcess(configuration: Self.configuration)
        defer { daemon.stop() }
        let (supervisor, _) = try daemon.client("supervisor")
        let (adapter, _) = try daemon.client("adapter")
        supervisor.send(#"{"type":"subscribe","id":1,"topics":["calls"]}"#)
        _ = try supervisor.reply(1)

        // No agent is logged in: the call waits, at its segment's priority.
        adapter.send(#"{"type":"call.enqueue","id":1,"call":"v1","queue":"sales","segment":"vip","priority":2}"#)
        let enqueued = try adapter.reply(1)
        #expect(enqueued["ok"] as? Bool == true, "\(enqueued)")
        #expect(enqueued["priority"] as? Int == 5)

        let escalated = try supervisor.event("call.sla_escalated")
        #expect(escalated["call"] as? String == "v1")
        #expect(escalated["queue"] as? String == "sales")
        #expect(escalated["segment"] as? String == "vip")
        #expect(escalated["priority"] as? Int == 9)
        #expect(escalated["reason"] as? String == "sla")
        let breached = try supervisor.event("call.sla_breached")
        #expect(breached["call"] as? String == "v1")
        #expect(breached["segment"] as? String == "vip")

        supervisor.send(#"{"type":"stats","id":2}"#)
        let stats = try supervisor.reply(2)
        let queues = try #require(stats["queues"] as? [[String: Any]], "\(stats)")
        let sales = try #require(queues.first { $0["id"] as? String == "sales" }?["stats"] as? [String: Any], "\(stats)")
        let segments = try #require(sales["segments"] as? [[String: Any]], "\(sales)")
        #expect(segments.count == 1)
        #expect(segments.first?["segment"] as? String == "vip")
        #expect(segments.first?["offered"] as? Int == 1)
        #expect(segments.first?["escalations"] as? Int == 1)
        #expect(segments.first?["breaches"] as? Int == 1)
        #expect(segments.first?["answered_in_target"] as? Int == 0)
        #expect(segments.first?["service_level"] as? Double == 0)

        // The caller gives up: the call's record is written, and the report shows the breach.
        adapter.send(#"{"type":"call.abandon","id":3,"call":"v1"}"#)
        #expect(try adapter.reply(3)["ok"] as? Bool == true)
        let (status, text) = try daemon.report(["--interval", "day", "--by", "segment", "--json"])
        #expect(status == 0, "\(text)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
        #expect(object["by"] as? String == "segment")
        let rows = object["rows"] as? [[String: Any]] ?? []
        let vip = try #require(rows.first { $0["segment"] as? String == "vip" }, "\(text)")
        #expect(vip["queue"] as? String == "sales")
        #expect(vip["offered"] as? Int == 1)
        #expect(vip["escalated"] as? Int == 1)
        #expect(vip["breaches"] as? Int == 1)
        #expect(vip["answered_in_target"] as? Int == 0)
        #expect(vip["service_level"] as? Double == 0)
    }

    @Test func aCallPastItsSegmentsMaxWaitAtEntryLeavesAndTheAdapterIsTold() throws {
        let daemon = try DaemonProcess(configuration: Self.configuration)
        defer { daemon.stop() }
        let (adapter, _) = try daemon.client("adapter")
        // It spent two minutes in the IVR: past the escalation, the target and the max wait at once.
        let entered = Int64(Date().timeIntervalSince1970 * 1000) - 120_000
        adapter.send(#"{"type":"call.enqueue","id":1,"call":"old","queue":"sales","segment":"vip","entered_ms":\#(entered)}"#)
        let enqueued = try adapter.reply(1)
        #expect(enqueued["ok"] as? Bool == true, "\(enqueued)")
        #expect(enqueued["priority"] as? Int == 5, "the segment's: it joined at that and left at once")
        let left = try adapter.event("call.leave")
        #expect(left["call"] as? String == "old")
        #expect(left["reason"] as? String == "timeout")
    }
}
