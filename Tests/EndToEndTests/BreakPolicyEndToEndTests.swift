import Foundation
import Testing

/// End-to-end: break policies over the socket: unknown reasons and used-up quotas refused with
/// their codes, a break queued for the team's slot and started when it frees, a break deferred
/// while a call rings, the notices agents and supervisors get, usage in the agent view, and a
/// supervisor's override.
@Suite(.serialized) struct BreakPolicyEndToEndTests {
    static let configuration = """
        socket:
          path: SOCKET
          mode: "0666"
        limits:
          adapter_grace: 1s
          position_interval: 0
        queues:
          - id: sales
            required_skills: [sales]
            offer_timeout: 30s
        agents:
          - {id: ana, skills: {sales: 5}, team: north}
          - {id: bo, skills: {sales: 5}, team: north}
        breaks:
          reasons:
            - {id: break, daily_count: 1, staggered: true}
            - {id: lunch, daily_time: 1h}
          defer_while_calls_wait: true
          max_on_break: 1
          over_limit: queue
        """

    func hello(_ client: LineClient, _ role: String, agent: String? = nil) throws {
        let agentField = agent.map { #","agent":"\#($0)""# } ?? ""
        client.send(#"{"type":"hello","id":0,"protocol":1,"role":"\#(role)","client":"test"\#(agentField)}"#)
        #expect(try client.reply(0)["ok"] as? Bool == true)
    }

    func errorCode(_ reply: [String: Any]) -> String? {
        (reply["error"] as? [String: Any])?["code"] as? String
    }

    func notice(_ client: LineClient, _ kind: String) throws -> [String: Any] {
        try client.read { ($0["event"] as? String) == "notice" && ($0["reason"] as? String) == kind }
    }

    @Test func breaksFollowThePolicyOverTheSocket() throws {
        let daemon = try DaemonProcess(configuration: Self.configuration)
        defer { daemon.stop() }
        let ana = try LineClient(path: daemon.socketPath)
        let bo = try LineClient(path: daemon.socketPath)
        let supervisor = try LineClient(path: daemon.socketPath)
        let adapter = try LineClient(path: daemon.socketPath)
        try hello(ana, "agent", agent: "ana")
        try hello(bo, "agent", agent: "bo")
        try hello(supervisor, "supervisor")
        try hello(adapter, "adapter")
        supervisor.send(#"{"type":"subscribe","id":1,"topics":["agents"]}"#)
        _ = try supervisor.reply(1)
        ana.send(#"{"type":"agent.login","id":1}"#)
        #expect(try ana.reply(1)["ok"] as? Bool == true)
        bo.send(#"{"type":"agent.login","id":1}"#)
        #expect(try bo.reply(1)["ok"] as? Bool == true)

        // Only configured reasons.
        ana.send(#"{"type":"agent.not_ready","id":2,"reason":"nap"}"#)
        #expect(errorCode(try ana.reply(2)) == "unknown_reason")

        // ana takes the team's one slot; bo's break waits for it.
        ana.send(#"{"type":"agent.not_ready","id":3,"reason":"break"}"#)
        let started = try ana.reply(3)
        #expect(started["ok"] as? Bool == true)
        #expect(started["pending"] == nil)
        bo.send(#"{"type":"agent.not_ready","id":2,"reason":"break"}"#)
        let queued = try bo.reply(2)
        #expect(queued["ok"] as? Bool == true)
        #expect(queued["pending"] as? String == "team_limit")
        let deferred = try notice(bo, "break_deferred")
        #expect(deferred["break_reason"] as? String == "break")
        #expect(deferred["pending"] as? String == "team_limit")
        let seen = try notice(supervisor, "break_deferred")
        #expect(seen["agent"] as? String == "bo")

        // ana comes back: bo's break starts.
        ana.send(#"{"type":"agent.ready","id":4}"#)
        #expect(try ana.reply(4)["ok"] as? Bool == true)
        let boOnBreak = try bo.event("state.changed")
        #expect(boOnBreak["state"] as? String == "not_ready")
        #expect(boOnBreak["reason"] as? String == "break")
        #expect(try notice(bo, "break_started")["break_reason"] as? String == "break")

        // One break a day.
        ana.send(#"{"type":"agent.not_ready","id":5,"reason":"break"}"#)
        #expect(errorCode(try ana.reply(5)) == "break_quota_exhausted")

        // A call rings for ana: her lunch waits, the offer stays; once the caller hangs up, it starts.
        adapter.send(#"{"type":"call.enqueue","id":1,"call":"c1","queue":"sales"}"#)
        #expect(try adapter.reply(1)["ok"] as? Bool == true)
        #expect(try ana.event("offer")["call"] as? String == "c1")
        ana.send(#"{"type":"agent.not_ready","id":6,"reason":"lunch"}"#)
        #expect(try ana.reply(6)["pending"] as? String == "calls_waiting")
        #expect(try notice(ana, "break_deferred")["pending"] as? String == "calls_waiting")
        adapter.send(#"{"type":"call.abandon","id":2,"call":"c1"}"#)
        #expect(try adapter.reply(2)["ok"] as? Bool == true)
        #expect(try notice(ana, "break_started")["break_reason"] as? String == "lunch")

        // The agent sees what it used and what is left.
        ana.send(#"{"type":"agent.status","id":7}"#)
        let status = try #require(try ana.reply(7)["agent"] as? [String: Any])
        #expect(status["team"] as? String == "north")
        let breaks = try #require(status["breaks"] as? [[String: Any]])
        #expect(breaks.map { $0["reason"] as? String } == ["break", "lunch"])
        #expect(breaks[0]["count"] as? Int == 1)
        #expect(breaks[0]["count_left"] as? Int == 0)
        #expect(breaks[1]["count"] as? Int == 1)
        #expect((breaks[1]["time_left_ms"] as? Int).map { $0 <= 3_600_000 && $0 > 3_500_000 } == true)

        // A supervisor overrides quota and team limit.
        supervisor.send(#"{"type":"agent.force_state","id":2,"agent":"ana","state":"not_ready","reason":"break"}"#)
        let forced = try supervisor.reply(2)
        #expect(forced["ok"] as? Bool == true, "\(forced)")
        let anaOnBreak = try ana.read { ($0["event"] as? String) == "state.changed" && ($0["reason"] as? String) == "break" }
        #expect(anaOnBreak["state"] as? String == "not_ready")
    }
}
