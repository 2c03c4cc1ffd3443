import Foundation
import Testing

/// End-to-end: a caller asks for a callback and keeps their place; an adapter pushes an outbound
/// call, which waits behind the inbound ones; the agent accepts, the adapter is told to dial and
/// reports how it went; an unanswered callback is scheduled again, survives kill -9, and is
/// withdrawn. A queue closed with `when_closed: callback` takes a call as a callback.
@Suite struct DialingEndToEndTests {
    static let configuration = """
        socket:
          path: SOCKET
        limits:
          position_interval: 0
        queues:
          - {id: sales, offer_timeout: 1h, wrap_up: 0s, dialing: {max_attempts: 2, retry_delay: 1h}}
          - id: night
            hours: {time_zone: UTC, week: {}, when_closed: callback}
        agents:
          - {id: ana, contact: "sip:1001@pbx", tiers: {sales: 1, night: 1}}
        """

    func errorCode(_ reply: [String: Any]) -> String? {
        (reply["error"] as? [String: Any])?["code"] as? String
    }

    @Test func callbacksAndOutboundCallsAreDialedAndSurviveARestart() throws {
        let first = try DaemonProcess(configuration: Self.configuration)
        let directory = first.directory
        defer { try? FileManager.default.removeItem(at: directory) }
        let (adapter, _) = try first.client("adapter")
        let (ana, _) = try first.client("agent", agent: "ana")
        #expect(try adapter.ask(#""type":"call.enqueue","call":"c1","queue":"sales""#)["ok"] as? Bool == true)
        let callback = try adapter.ask(#""type":"call.callback","call":"c1","number":"+34600111222""#)
        #expect(callback["kind"] as? String == "callback" && callback["position"] as? Int == 1, "\(callback)")
        let queued = try adapter.event("call.dial_queued")
        #expect(queued["call"] as? String == "c1" && queued["number"] as? String == "+34600111222", "\(queued)")
        // A retry of the same callback answers as the first did; mistakes change nothing.
        #expect(try adapter.ask(#""type":"call.callback","call":"c1","number":"+34600111222""#)["kind"] as? String == "callback")
        #expect(errorCode(try adapter.ask(#""type":"call.callback","call":"zz","number":"1""#)) == "unknown_call")
        #expect(errorCode(try adapter.ask(#""type":"call.callback","call":"c1""#)) == "invalid_field")
        #expect(errorCode(try adapter.ask(#""type":"call.dial_result","call":"c1","result":"reached""#)) == "not_dialing")
        #expect(errorCode(try adapter.ask(#""type":"call.dial_result","call":"c1","result":"maybe""#)) == "invalid_field")

        // Outbound work waits behind the inbound call that came after it.
        let outbound = try adapter.ask(#""type":"call.outbound","call":"o1","queue":"sales","number":"+34911222333""#)
        #expect(outbound["kind"] as? String == "outbound", "\(outbound)")
        #expect(try adapter.ask(#""type":"call.enqueue","call":"c2","queue":"sales""#)["position"] as? Int == 2)

        // The callback kept its place: offered first, with the number; the adapter dials it.
        _ = try ana.ask(#""type":"agent.login""#)
        let offer = try ana.event("offer")
        #expect(offer["call"] as? String == "c1" && offer["kind"] as? String == "callback" && offer["number"] as? String == "+34600111222", "\(offer)")
        _ = try ana.ask(#""type":"agent.accept","call":"c1""#)
        let dial = try adapter.event("call.dial")
        #expect(dial["call"] as? String == "c1" && dial["agent"] as? String == "ana" && dial["contact"] as? String == "sip:1001@pbx", "\(dial)")
        #expect(dial["attempt"] as? Int == 1 && dial["number"] as? String == "+34600111222", "\(dial)")
        #expect(errorCode(try adapter.ask(#""type":"call.abandon","call":"c1""#)) == "dial_in_progress")
        // An agent client that connects meanwhile hears what it is dialing.
        let (reconnected, welcome) = try first.client("agent", agent: "ana")
        #expect((welcome["agent"] as? [String: Any])?["state"] as? String == "busy", "\(welcome)")
        let resent = try reconnected.event("call.dial")
        #expect(resent["call"] as? String == "c1" && resent["attempt"] as? Int == 1 && resent["number"] as? String == "+34600111222", "\(resent)")
        // No answer: scheduled again in an hour; the agent is free and gets the inbound call next.
        _ = try adapter.ask(#""type":"call.dial_result","call":"c1","result":"no_answer""#)
        let again = try adapter.event("call.dial_queued")
        let due = try #require((again["due_ms"] as? NSNumber)?.int64Value, "\(again)")
        #expect(try ana.event("call.dial_failed")["result"] as? String == "no_answer")
        #expect(try ana.event("offer")["call"] as? String == "c2")
        _ = try ana.ask(#""type":"agent.accept","call":"c2""#)
        _ = try adapter.ask(#""type":"call.hangup","call":"c2","by":"caller""#)
        // Then the outbound call, reached.
        #expect(try ana.event("offer")["call"] as? String == "o1")
        _ = try ana.ask(#""type":"agent.accept","call":"o1""#)
        #expect(try adapter.event("call.dial")["call"] as? String == "o1")
        _ = try adapter.ask(#""type":"call.dial_result","call":"o1","result":"reached""#)
        #expect(try ana.event("call.connected")["call"] as? String == "o1")

        // A call arriving at a closed queue with a number to call back is kept for the opening.
        let parked = try adapter.ask(#""type":"call.enqueue","call":"n1","queue":"night","callback_number":"+34600999888""#)
        #expect(parked["kind"] as? String == "callback" && parked["queue"] as? String == "night", "\(parked)")
        #expect(errorCode(try adapter.ask(#""type":"call.enqueue","call":"n2","queue":"night""#)) == "closed")
        first.kill()

        // After kill -9: the scheduled callback and the parked one are back as they were.
        let second = try DaemonProcess(configuration: Self.configuration, directory: directory)
        defer { second.stop() }
        let (supervisor, _) = try second.client("supervisor")
        let status = try supervisor.ask(#""type":"status""#)
        let calls = status["calls"] as? [[String: Any]] ?? []
        let c1 = calls.first { $0["id"] as? String == "c1" }
        #expect(c1?["state"] as? String == "scheduled" && c1?["kind"] as? String == "callback", "\(calls)")
        #expect((c1?["due_ms"] as? NSNumber)?.int64Value == due && c1?["attempts"] as? Int == 1, "\(calls)")
        #expect(calls.first { $0["id"] as? String == "o1" }?["state"] as? String == "connected", "\(calls)")
        let night = (status["queues"] as? [[String: Any]])?.first { $0["id"] as? String == "night" }
        #expect(night?["parked_callbacks"] as? Int == 1, "\(status)")
        // The adapter withdraws the callback: it leaves, cancelled.
        let (adapter2, _) = try second.client("adapter")
        _ = try adapter2.ask(#""type":"call.abandon","call":"c1""#)
        let left = try adapter2.event("call.leave")
        #expect(left["call"] as? String == "c1" && left["reason"] as? String == "cancelled", "\(left)")
        let (shown, text) = try second.acdctl(["calls", "--socket", second.socketPath])
        #expect(shown == 0 && text.contains("n1") && text.contains("scheduled (callback)"), "\(text)")
    }
}
