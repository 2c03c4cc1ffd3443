import Foundation
import Testing

/// SIGHUP applies the configuration file again while calls wait and talk: nothing is dropped, the
/// clients hear what changed, systemd hears RELOADING=1 then READY=1, a bad file changes nothing,
/// and a restart after kill -9 comes back to the reloaded state.
@Suite(.serialized) struct ReloadEndToEndTests {
    static let before = """
        socket:
          path: SOCKET
          mode: "0600"
        limits:
          adapter_grace: 1h
          position_interval: 0
        queues:
          - {id: sales, required_skills: [sales], offer_timeout: 1h}
          - {id: support, required_skills: [support], offer_timeout: 1h}
        agents:
          - {id: ana, skills: {sales: 5}}
          - {id: bo, skills: {support: 5}}
        """

    /// support removed (its waiting calls move to sales), vip added, cy added, bo removed.
    static let after = """
        socket:
          path: SOCKET
          mode: "0600"
        limits:
          adapter_grace: 1h
          position_interval: 0
        removed_queue_calls: sales
        queues:
          - {id: sales, required_skills: [sales], offer_timeout: 1h}
          - {id: vip, required_skills: [vip], offer_timeout: 1h}
        agents:
          - {id: ana, skills: {sales: 5}}
          - {id: cy, skills: {sales: 5, vip: 5}}
        """

    func status(_ daemon: DaemonProcess) throws -> [String: Any] {
        let supervisor = try daemon.client("supervisor").0
        supervisor.send(#"{"type":"status","id":1}"#)
        return try supervisor.reply(1)
    }

    func hangup(_ daemon: DaemonProcess) {
        kill(daemon.process.processIdentifier, SIGHUP)
    }

    func rewrite(_ daemon: DaemonProcess, _ configuration: String) throws {
        try configuration.replacingOccurrences(of: "SOCKET", with: daemon.socketPath)
            .write(toFile: daemon.path("acdd.yaml"), atomically: true, encoding: .utf8)
    }

    @Test func aReloadCarriesEveryCallIntoTheNewConfigurationAndSurvivesKill9() throws {
        let notify = try NotifyListener()
        let daemon = try DaemonProcess(configuration: Self.before, environment: ["NOTIFY_SOCKET": notify.path])
        let directory = daemon.directory
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try notify.next(containing: "READY=1")

        let adapter = try daemon.client("adapter").0
        let supervisor = try daemon.client("supervisor").0
        supervisor.send(#"{"type":"agent.force_state","id":1,"agent":"ana","state":"ready"}"#)
        #expect(try supervisor.reply(1)["ok"] as? Bool == true)
        adapter.send(#"{"type":"call.enqueue","id":1,"call":"talking","queue":"sales"}"#)
        #expect(try adapter.reply(1)["ok"] as? Bool == true)
        adapter.send(#"{"type":"call.answered","id":2,"call":"talking","agent":"ana"}"#)
        #expect(try adapter.reply(2)["ok"] as? Bool == true)
        adapter.send(#"{"type":"call.enqueue","id":3,"call":"waiting","queue":"support","priority":4}"#)
        #expect(try adapter.reply(3)["ok"] as? Bool == true)

        try rewrite(daemon, Self.after)
        hangup(daemon)
        let reloading = try notify.next(containing: "RELOADING=1")
        #expect(NotifyListener.assignments(reloading).contains { $0.hasPrefix("MONOTONIC_USEC=") })
        _ = try notify.next(containing: "READY=1")
        let moved = try adapter.event("call.moved")
        #expect(moved["call"] as? String == "waiting" && moved["from"] as? String == "support" && moved["to"] as? String == "sales")
        try daemon.waitForLog(containing: "configuration reloaded")
        #expect(daemon.logContains("queues_removed=support"), "\(daemon.log)")

        var now = try status(daemon)
        #expect((now["queues"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["sales", "vip"])
        #expect((now["agents"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["ana", "cy"])
        var calls = now["calls"] as? [[String: Any]] ?? []
        #expect(calls.first { $0["id"] as? String == "talking" }?["state"] as? String == "connected")
        let waiting = calls.first { $0["id"] as? String == "waiting" }
        #expect(waiting?["queue"] as? String == "sales")
        #expect(waiting?["priority"] as? Int == 4)

        // A file that does not load changes nothing, and systemd still hears READY=1.
        try rewrite(daemon, Self.after + "\nunknown_key: 1\n")
        hangup(daemon)
        _ = try notify.next(containing: "RELOADING=1")
        _ = try notify.next(containing: "READY=1")
        try daemon.waitForLog(containing: "configuration not reloaded")
        #expect(daemon.logContains("unknown_key"), "\(daemon.log)")
        now = try status(daemon)
        #expect((now["queues"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["sales", "vip"])

        // After kill -9 the journal brings back the reloaded state.
        daemon.kill()
        try rewrite(daemon, Self.after)
        let restarted = try DaemonProcess(configuration: Self.after, directory: directory)
        defer { restarted.stop() }
        now = try status(restarted)
        calls = now["calls"] as? [[String: Any]] ?? []
        #expect(calls.first { $0["id"] as? String == "talking" }?["agents"] as? [String] == ["ana"])
        #expect(calls.first { $0["id"] as? String == "waiting" }?["queue"] as? String == "sales")
        #expect((now["queues"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["sales", "vip"])
    }
}

/// The daemon writes call records and agent intervals as it routes; `acdctl report` reads them.
@Suite struct RecordsEndToEndTests {
    @Test func aHandledCallShowsInTheReportOfItsQueueAndAgent() throws {
        let daemon = try DaemonProcess(configuration: """
            socket:
              path: SOCKET
            limits:
              position_interval: 0
            queues:
              - {id: q, offer_timeout: 1h, wrap_up: 0}
            agents:
              - {id: ana, tiers: {q: 1}, daily_target: 1}
              - {id: bo, tiers: {q: 2}, daily_target: 2}
            """)
        defer { daemon.stop() }
        let (agent, _) = try daemon.client("agent", agent: "ana")
        agent.send(#"{"type":"agent.login","id":1}"#)
        _ = try agent.reply(1)
        let (adapter, _) = try daemon.client("adapter")
        adapter.send(#"{"type":"call.enqueue","id":1,"call":"c1","queue":"q"}"#)
        adapter.send(#"{"type":"call.enqueue","id":2,"call":"c2","queue":"q"}"#)
        _ = try adapter.reply(2)
        agent.send(#"{"type":"agent.accept","id":2,"call":"c1"}"#)
        _ = try agent.reply(2)
        adapter.send(#"{"type":"call.hangup","id":3,"call":"c1","by":"caller"}"#)
        _ = try adapter.reply(3)
        adapter.send(#"{"type":"call.abandon","id":4,"call":"c2"}"#)
        _ = try adapter.reply(4)
        // An outbound call ana dials and reaches: not offered inbound, handled by ana.
        adapter.send(#"{"type":"call.outbound","id":5,"call":"o1","queue":"q","number":"555"}"#)
        _ = try adapter.reply(5)
        agent.send(#"{"type":"agent.accept","id":3,"call":"o1"}"#)
        _ = try agent.reply(3)
        adapter.send(#"{"type":"call.dial_result","id":6,"call":"o1","result":"reached"}"#)
        _ = try adapter.reply(6)
        adapter.send(#"{"type":"call.hangup","id":7,"call":"o1","by":"agent"}"#)
        _ = try adapter.reply(7)

        let (status, text) = try daemon.report(["--interval", "day", "--json"])
        #expect(status == 0, "\(text)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
        let rows = object["rows"] as? [[String: Any]] ?? []
        let queue = try #require(rows.first { $0["queue"] as? String == "q" }, "\(text)")
        #expect(queue["offered"] as? Int == 2, "\(text)")
        #expect(queue["answered"] as? Int == 1, "\(text)")
        #expect(queue["abandoned"] as? Int == 1, "\(text)")
        #expect(queue["outbound"] as? Int == 1 && queue["outbound_reached"] as? Int == 1 && queue["dial_attempts"] as? Int == 1, "\(text)")

        // The day's calls against each agent's daily target (bo never logged in: no row).
        let (agentStatus, agentText) = try daemon.report(["--by", "agent", "--interval", "day", "--json"])
        #expect(agentStatus == 0, "\(agentText)")
        let agents = (try JSONSerialization.jsonObject(with: Data(agentText.utf8)) as? [String: Any])?["rows"] as? [[String: Any]] ?? []
        let ana = try #require(agents.first { $0["agent"] as? String == "ana" }, "\(agentText)")
        #expect(ana["handled"] as? Int == 2 && ana["dialed"] as? Int == 1 && ana["dial_attempts"] as? Int == 1, "\(agentText)")
        #expect(ana["daily_target"] as? Int == 1, "\(agentText)")
        #expect(ana["target_met"] as? Bool == true, "\(agentText)")
        let (_, table) = try daemon.report(["--by", "agent", "--interval", "day"])
        #expect(table.contains("daily_target") && table.contains("yes"), "\(table)")
    }
}

/// `acdctl replay --until` rebuilds a past instant from the daemon's journal.
@Suite struct ReplayEndToEndTests {
    @Test func aPastInstantShowsTheCallsLiveThenAndExplainsOne() throws {
        let daemon = try DaemonProcess(configuration: """
            socket:
              path: SOCKET
            limits:
              position_interval: 0
            queues:
              - {id: q}
            agents:
              - {id: ana, tiers: {q: 1}}
            """)
        defer { daemon.stop() }
        let (adapter, _) = try daemon.client("adapter")
        adapter.send(#"{"type":"call.enqueue","id":1,"call":"early","queue":"q","priority":3}"#)
        _ = try adapter.reply(1)
        let mark = Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
        // The abandon must fall on a later millisecond than the mark.
        usleep(20_000)
        adapter.send(#"{"type":"call.abandon","id":2,"call":"early"}"#)
        _ = try adapter.reply(2)
        adapter.send(#"{"type":"call.enqueue","id":3,"call":"late","queue":"q"}"#)
        _ = try adapter.reply(3)

        let (status, text) = try daemon.acdctl(["replay", "--config", daemon.path("acdd.yaml"), "--until", "@\(mark)", "--call", "early"])
        #expect(status == 0, "\(text)")
        #expect(text.contains("early in q: waiting"), "\(text)")
        #expect(!text.contains("late"), "\(text)")
        #expect(text.contains("waiting 0s at priority 3, position 1 in queue q"), "\(text)")
        #expect(text.contains("why it waits: no agent of an open tier is logged in"), "\(text)")
    }
}
