import Foundation
import Testing

/// End-to-end: agent ana transfers its call to bo, who consents: the adapter is told to connect
/// the call to bo and ana is in wrap-up; then a consult that is declined, an escalation to the
/// queue's escalation queue, and `acdctl report --by transfer` counting them.
@Suite struct TransferEndToEndTests {
    static let configuration = """
        socket:
          path: SOCKET
        limits:
          position_interval: 0
        queues:
          - {id: sales, offer_timeout: 1h, wrap_up: 1h, escalation_queue: supervisors}
          - {id: supervisors}
        agents:
          - {id: ana, tiers: {sales: 1}}
          - {id: bo, tiers: {sales: 1}}
          - {id: cy, tiers: {sales: 1}}
          - {id: sue, tiers: {supervisors: 1}}
        transfers:
          consult_timeout: 10m
        """

    func errorCode(_ reply: [String: Any]) -> String? {
        (reply["error"] as? [String: Any])?["code"] as? String
    }

    @Test func consentedAndDeclinedConsultsAndAnEscalation() throws {
        let daemon = try DaemonProcess(configuration: Self.configuration)
        defer { daemon.stop() }
        var agents: [String: LineClient] = [:]
        var next = 100
        func ask(_ client: LineClient, _ fields: String) throws -> [String: Any] {
            next += 1
            client.send(#"{"id":\#(next),\#(fields)}"#)
            return try client.reply(next)
        }
        let (adapter, _) = try daemon.client("adapter")
        for name in ["ana", "bo", "cy"] {
            agents[name] = try daemon.client("agent", agent: name).0
        }
        let ana = agents["ana"]!, bo = agents["bo"]!
        _ = try ask(ana, #""type":"agent.login""#)
        _ = try ask(adapter, #""type":"call.enqueue","call":"c1","queue":"sales""#)
        _ = try ask(ana, #""type":"agent.accept","call":"c1""#)
        _ = try ask(bo, #""type":"agent.login""#)

        // Refused, changing nothing.
        #expect(errorCode(try ask(ana, #""type":"agent.transfer","call":"c1","to_agent":"ana""#)) == "transfer_to_self")
        #expect(errorCode(try ask(ana, #""type":"agent.transfer","call":"c1","to_agent":"zed""#)) == "unknown_agent")
        #expect(errorCode(try ask(ana, #""type":"agent.transfer","call":"c1","to_agent":"cy""#)) == "agent_unavailable")
        #expect(errorCode(try ask(ana, #""type":"agent.transfer","call":"c1""#)) == "invalid_field")
        #expect(errorCode(try ask(bo, #""type":"agent.consult_accept","call":"c1""#)) == "no_consult")

        // Consent: the adapter connects the call to bo, ana wraps up.
        #expect(try ask(ana, #""type":"agent.transfer","call":"c1","to_agent":"bo""#)["ok"] as? Bool == true)
        let offered = try bo.event("consult.offered")
        #expect(offered["call"] as? String == "c1" && offered["from"] as? String == "ana" && offered["queue"] as? String == "sales", "\(offered)")
        let (supervisor, _) = try daemon.client("supervisor")
        let status = try ask(supervisor, #""type":"status""#)
        let call = (status["calls"] as? [[String: Any]])?.first { $0["id"] as? String == "c1" }
        #expect(call?["consult_agent"] as? String == "bo", "\(status)")
        // A client that connects meanwhile hears the consult still open.
        let (again, _) = try daemon.client("agent", agent: "bo")
        let reminded = try again.event("consult.offered")
        let expires = try #require(offered["expires_ms"] as? Int64, "\(offered)")
        #expect(reminded["call"] as? String == "c1" && reminded["expires_ms"] as? Int64 == expires, "\(reminded)")
        #expect(try ask(bo, #""type":"agent.consult_accept","call":"c1""#)["ok"] as? Bool == true)
        let handover = try adapter.event("call.handover")
        #expect(handover["call"] as? String == "c1" && handover["agent"] as? String == "bo" && handover["from"] as? String == "ana", "\(handover)")
        _ = try ana.read { ($0["event"] as? String) == "state.changed" && ($0["state"] as? String) == "wrap_up" }
        let anaStatus = try ask(ana, #""type":"agent.status""#)
        #expect((anaStatus["agent"] as? [String: Any])?["state"] as? String == "wrap_up", "\(anaStatus)")
        _ = try ask(adapter, #""type":"call.hangup","call":"c1","by":"caller""#)
        _ = try ask(bo, #""type":"agent.wrapup_done""#)
        _ = try ask(ana, #""type":"agent.wrapup_done""#)

        // A declined consult: the call stays with its agent, who is told why; then it escalates.
        let cy = agents["cy"]!
        _ = try ask(cy, #""type":"agent.login""#)
        _ = try ask(adapter, #""type":"call.enqueue","call":"c2","queue":"sales""#)
        let offer = try adapter.event("call.offer")
        let first = try #require(offer["agent"] as? String, "\(offer)")
        let target = ["ana", "bo", "cy"].first { $0 != first }!
        let taker = agents[first]!
        _ = try ask(taker, #""type":"agent.accept","call":"c2""#)
        #expect(try ask(taker, #""type":"agent.transfer","call":"c2","to_agent":"\#(target)""#)["ok"] as? Bool == true)
        _ = try agents[target]!.event("consult.offered")
        #expect(try ask(agents[target]!, #""type":"agent.consult_decline","call":"c2""#)["ok"] as? Bool == true)
        let ended = try taker.event("consult.ended")
        #expect(ended["reason"] as? String == "declined" && ended["agent"] as? String == target, "\(ended)")

        let escalated = try ask(taker, #""type":"call.escalate","call":"c2""#)
        #expect(escalated["queue"] as? String == "supervisors", "\(escalated)")
        let event = try adapter.event("call.escalated")
        #expect(event["from"] as? String == "sales" && event["to"] as? String == "supervisors" && event["agent"] as? String == first, "\(event)")
        _ = try ask(taker, #""type":"agent.wrapup_done""#)
        _ = try ask(adapter, #""type":"call.abandon","call":"c2""#)

        let (code, text) = try daemon.report(["--by", "transfer", "--interval", "day", "--json"])
        #expect(code == 0, "\(text)")
        let rows = (try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])?["rows"] as? [[String: Any]] ?? []
        #expect(rows.count == 1, "\(text)")
        #expect(rows.first?["queue"] as? String == "sales")
        #expect(rows.first?["transfers"] as? Int == 0)
        #expect(rows.first?["consult_transfers"] as? Int == 1)
        #expect(rows.first?["escalations"] as? Int == 1)
    }
}
