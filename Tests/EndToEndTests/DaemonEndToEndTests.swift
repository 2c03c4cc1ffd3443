import Foundation
import Testing

/// End-to-end: the built daemon on a temporary socket, driven with raw protocol lines.
@Suite(.serialized) struct DaemonEndToEndTests {
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
            offer_timeout: 2s
            wrap_up: 30s
          - id: ring
            strategy: ring-all
            required_skills: [ring]
          - id: short
            required_skills: [short]
            overflow:
              - after: 1s
                leave: true
        agents:
          - id: ana
            name: Ana
            contact: "sip:1001@pbx.test"
            skills: {sales: 5, ring: 5}
          - id: bo
            name: Bo
            skills: {sales: 5, ring: 5}
          - id: cy
            name: Cy
            skills: {short: 5}
        routing:
          - match: {dnis: "100"}
            queue: sales
            priority: 3
        """

    func hello(_ client: LineClient, _ role: String, agent: String? = nil, name: String = "test") throws {
        let agentField = agent.map { #","agent":"\#($0)""# } ?? ""
        client.send(#"{"type":"hello","id":0,"protocol":1,"role":"\#(role)","client":"\#(name)"\#(agentField)}"#)
        let welcome = try client.reply(0)
        #expect(welcome["ok"] as? Bool == true, "\(welcome)")
        #expect(welcome["type"] as? String == "welcome")
    }

    @Test func aCallsWholeLifeOverTheSocket() throws {
        let daemon = try DaemonProcess(configuration: Self.configuration)
        defer { daemon.stop() }
        let agent = try LineClient(path: daemon.socketPath)
        let adapter = try LineClient(path: daemon.socketPath)
        try hello(agent, "agent", agent: "ana")
        try hello(adapter, "adapter", name: "pbx")

        agent.send(#"{"type":"agent.login","id":1}"#)
        #expect(try agent.reply(1)["ok"] as? Bool == true)
        #expect(try agent.event("state.changed")["state"] as? String == "ready")

        adapter.send(#"{"type":"call.enqueue","id":1,"call":"c1","attributes":{"dnis":"100"}}"#)
        let queued = try adapter.reply(1)
        #expect(queued["ok"] as? Bool == true)
        #expect(queued["queue"] as? String == "sales")
        #expect(queued["priority"] as? Int == 3)
        let offer = try adapter.event("call.offer")
        #expect(offer["call"] as? String == "c1")
        #expect(offer["agent"] as? String == "ana")
        #expect(offer["contact"] as? String == "sip:1001@pbx.test")
        #expect((offer["rule"] as? String)?.contains("longest-idle") == true)
        let agentOffer = try agent.event("offer")
        #expect(agentOffer["call"] as? String == "c1")
        #expect(agentOffer["priority"] as? Int == 3)

        agent.send(#"{"type":"agent.accept","id":2,"call":"c1"}"#)
        #expect(try agent.reply(2)["ok"] as? Bool == true)
        #expect(try adapter.event("call.connected")["agent"] as? String == "ana")

        adapter.send(#"{"type":"call.answered","id":20,"call":"c1","agent":"ana"}"#)
        #expect(try adapter.reply(20)["ok"] as? Bool == true, "a retried answer is answered as the first")
        adapter.send(#"{"type":"call.hangup","id":2,"call":"c1","by":"caller"}"#)
        #expect(try adapter.reply(2)["ok"] as? Bool == true)
        #expect(try adapter.event("call.ended")["outcome"] as? String == "ended")
        adapter.send(#"{"type":"call.hangup","id":21,"call":"c1","by":"caller"}"#)
        #expect(try adapter.reply(21)["ok"] as? Bool == true, "a retried hangup is answered as the first")
        #expect(try agent.event("call.ended")["call"] as? String == "c1")
        #expect(try agent.event("wrapup.started")["agent"] as? String == "ana")

        agent.send(#"{"type":"agent.wrapup_done","id":3}"#)
        #expect(try agent.reply(3)["ok"] as? Bool == true)
        #expect(try agent.event("state.changed")["state"] as? String == "ready")
        agent.send(#"{"type":"agent.status","id":4}"#)
        let status = try agent.reply(4)
        let view = status["agent"] as? [String: Any]
        #expect(view?["calls_answered"] as? Int == 1)
    }

    @Test func ringAllOffersEveryoneAndTheFirstAcceptWins() throws {
        let daemon = try DaemonProcess(configuration: Self.configuration)
        defer { daemon.stop() }
        let ana = try LineClient(path: daemon.socketPath)
        let bo = try LineClient(path: daemon.socketPath)
        let adapter = try LineClient(path: daemon.socketPath)
        try hello(ana, "agent", agent: "ana")
        try hello(bo, "agent", agent: "bo")
        try hello(adapter, "adapter")
        for (client, id) in [(ana, 1), (bo, 1)] {
            client.send(#"{"type":"agent.login","id":\#(id)}"#)
            _ = try client.reply(id)
        }
        adapter.send(#"{"type":"call.enqueue","id":1,"call":"r1","queue":"ring"}"#)
        _ = try adapter.reply(1)
        #expect(try ana.event("offer")["call"] as? String == "r1")
        #expect(try bo.event("offer")["call"] as? String == "r1")
        bo.send(#"{"type":"agent.accept","id":2,"call":"r1"}"#)
        #expect(try bo.reply(2)["ok"] as? Bool == true)
        #expect(try ana.event("offer.withdrawn")["reason"] as? String == "accepted-elsewhere")
        ana.send(#"{"type":"agent.accept","id":3,"call":"r1"}"#)
        let late = try ana.reply(3)
        #expect((late["error"] as? [String: Any])?["code"] as? String == "not_offered")
    }

    @Test func anOfferRingsOutAndMaxWaitSendsTheCallerOff() throws {
        let daemon = try DaemonProcess(configuration: Self.configuration)
        defer { daemon.stop() }
        let agent = try LineClient(path: daemon.socketPath)
        let adapter = try LineClient(path: daemon.socketPath)
        try hello(agent, "agent", agent: "ana")
        try hello(adapter, "adapter")
        agent.send(#"{"type":"agent.login","id":1}"#)
        _ = try agent.reply(1)
        adapter.send(#"{"type":"call.enqueue","id":1,"call":"c1","queue":"sales"}"#)
        _ = try adapter.reply(1)
        _ = try adapter.event("call.offer")
        // Nobody answers: after the 2 s offer timeout the offer is withdrawn.
        let withdrawn = try adapter.event("call.withdraw")
        #expect(withdrawn["reason"] as? String == "not-answered")
        #expect(try agent.event("offer.withdrawn")["call"] as? String == "c1")

        adapter.send(#"{"type":"call.enqueue","id":2,"call":"s1","queue":"short"}"#)
        _ = try adapter.reply(2)
        let leave = try adapter.event("call.leave")
        #expect(leave["call"] as? String == "s1")
        #expect(leave["reason"] as? String == "timeout")
    }

    @Test func badInputGetsItsOwnErrorAndTheConnectionStaysOpen() throws {
        let daemon = try DaemonProcess(configuration: Self.configuration)
        defer { daemon.stop() }
        let client = try LineClient(path: daemon.socketPath)
        func code(_ line: String, id: Int? = nil) throws -> String? {
            client.send(line)
            let reply = id.map { id in try? client.reply(id) } ?? (try? client.readObject())
            return ((reply ?? nil)?["error"] as? [String: Any])?["code"] as? String
        }
        #expect(try code(#"{"type":"status","id":1}"#, id: 1) == "hello_required")
        #expect(try code("this is not json") == "bad_json")
        #expect(try code(#"{"type":"teleport","id":2}"#, id: 2) == "unknown_type")
        try hello(client, "adapter")
        #expect(try code(#"{"type":"hello","id":3,"protocol":1,"role":"adapter"}"#, id: 3) == "already_greeted")
        #expect(try code(#"{"type":"agent.ready","id":4}"#, id: 4) == "wrong_role")
        #expect(try code(#"{"type":"call.enqueue","id":5,"call":"c1","queue":"sales","colour":"red"}"#, id: 5) == "invalid_field")
        #expect(try code(#"{"type":"call.enqueue","id":6,"call":"c1","queue":"nowhere"}"#, id: 6) == "unknown_queue")
        #expect(try code(#"{"type":"call.enqueue","id":7,"call":"c1","attributes":{"dnis":"999"}}"#, id: 7) == "no_route")
        #expect(try code(#"{"type":"call.answered","id":8,"call":"ghost","agent":"ana"}"#, id: 8) == "unknown_call")
        #expect(try code(#"{"type":"call.hangup","id":9,"call":"ghost","by":"caller"}"#, id: 9) == "unknown_call")
        // Still open and working.
        client.send(#"{"type":"call.enqueue","id":10,"call":"c1","queue":"sales"}"#)
        #expect(try client.reply(10)["ok"] as? Bool == true)
        #expect(try code(#"{"type":"call.answered","id":11,"call":"c1","agent":"ana"}"#, id: 11) == "not_offered")
    }

    @Test func anOverlongLineClosesOnlyThatConnection() throws {
        let daemon = try DaemonProcess(configuration: Self.configuration)
        defer { daemon.stop() }
        let greedy = try LineClient(path: daemon.socketPath)
        let other = try LineClient(path: daemon.socketPath)
        try hello(other, "supervisor")
        greedy.sendRaw(Array(repeating: UInt8(ascii: "x"), count: 70_000))
        let reply = try greedy.readObject()
        #expect((reply["error"] as? [String: Any])?["code"] as? String == "line_too_long")
        #expect(try greedy.readLine() == nil)
        other.send(#"{"type":"status","id":1}"#)
        #expect(try other.reply(1)["ok"] as? Bool == true)
    }

    @Test func aHalfClosedClientStillGetsItsReplies() throws {
        let daemon = try DaemonProcess(configuration: Self.configuration)
        defer { daemon.stop() }
        let client = try LineClient(path: daemon.socketPath)
        client.send(#"{"type":"hello","id":1,"protocol":1,"role":"supervisor"}"#)
        client.send(#"{"type":"status","id":2}"#)
        client.halfClose()
        #expect(try client.reply(1)["ok"] as? Bool == true)
        #expect(try client.reply(2)["ok"] as? Bool == true)
        #expect(try client.readLine() == nil)
    }

    @Test func aRetriedEnqueueAfterAReconnectDoesNotEnqueueTwice() throws {
        let daemon = try DaemonProcess(configuration: Self.configuration)
        defer { daemon.stop() }
        do {
            let first = try LineClient(path: daemon.socketPath)
            try hello(first, "adapter", name: "pbx-1")
            first.send(#"{"type":"call.enqueue","id":1,"call":"c1","queue":"sales"}"#)
            #expect(try first.reply(1)["position"] as? Int == 1)
        }
        let again = try LineClient(path: daemon.socketPath)
        try hello(again, "adapter", name: "pbx-1")
        again.send(#"{"type":"call.enqueue","id":1,"call":"c1","queue":"sales"}"#)
        let retry = try again.reply(1)
        #expect(retry["ok"] as? Bool == true)
        #expect(retry["position"] as? Int == 1)
        again.send(#"{"type":"calls","id":2}"#)
        let calls = try again.reply(2)["calls"] as? [[String: Any]]
        #expect(calls?.map { $0["id"] as? String } == ["c1"])
    }

    @Test func theCallsOfAnAdapterThatDoesNotComeBackAreAbandoned() throws {
        let daemon = try DaemonProcess(configuration: Self.configuration)
        defer { daemon.stop() }
        let supervisor = try LineClient(path: daemon.socketPath)
        try hello(supervisor, "supervisor")
        supervisor.send(#"{"type":"subscribe","id":1,"topics":["calls"]}"#)
        _ = try supervisor.reply(1)
        do {
            let adapter = try LineClient(path: daemon.socketPath)
            try hello(adapter, "adapter", name: "pbx-gone")
            adapter.send(#"{"type":"call.enqueue","id":1,"call":"orphan","queue":"sales"}"#)
            _ = try adapter.reply(1)
        }
        // The 1 s grace passes without the adapter: the call counts as abandoned.
        let ended = try supervisor.event("call.ended")
        #expect(ended["call"] as? String == "orphan")
        #expect(ended["outcome"] as? String == "abandoned")
    }

    @Test func stoppingTellsTheClientsAndExitsCleanly() throws {
        let daemon = try DaemonProcess(configuration: Self.configuration)
        let client = try LineClient(path: daemon.socketPath)
        try hello(client, "supervisor")
        daemon.process.terminate()
        #expect(try client.event("shutdown")["event"] as? String == "shutdown")
        #expect(try client.readLine() == nil)
        #expect(daemon.stop() == 0)
        #expect(!FileManager.default.fileExists(atPath: daemon.socketPath))
    }

    @Test func aSecondDaemonOnALiveSocketIsRefused() throws {
        let daemon = try DaemonProcess(configuration: Self.configuration)
        defer { daemon.stop() }
        // Another state directory, the same socket.
        let output = try runSecondDaemon(configuration: Self.configuration.replacingOccurrences(of: "SOCKET", with: daemon.socketPath))
        #expect(output.status != 0)
        #expect(output.log.contains("another acdd is listening there"), "\(output.log)")
    }

    /// Another socket, the same state directory: refused before it reads the journal, naming the
    /// process that holds it; the first daemon goes on serving.
    @Test func aSecondDaemonOnALiveStateDirectoryIsRefused() throws {
        let daemon = try DaemonProcess(configuration: Self.configuration)
        defer { daemon.stop() }
        let output = try runSecondDaemon(configuration: "state_directory: \(daemon.path("state"))\n" + Self.configuration)
        #expect(output.status != 0)
        #expect(output.log.contains("is in use by another acdd (pid \(daemon.process.processIdentifier))"), "\(output.log)")
        #expect(!output.log.contains("recovered"))
        let client = try LineClient(path: daemon.socketPath)
        try hello(client, "supervisor")
        client.send(#"{"type":"status","id":2}"#)
        #expect(try client.reply(2)["ok"] as? Bool == true)
    }

    /// Runs acdd on `configuration` (`SOCKET`: a socket in a directory of its own) until it exits,
    /// or for 10 s at most (then it is stopped).
    private func runSecondDaemon(configuration: String) throws -> (status: Int32, log: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("acdd-second-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let configPath = directory.appendingPathComponent("acdd.yaml")
        try configuration.replacingOccurrences(of: "SOCKET", with: directory.appendingPathComponent("acdd.sock").path)
            .write(to: configPath, atomically: true, encoding: .utf8)
        let second = Process()
        second.executableURL = DaemonProcess.binary
        second.arguments = ["--config", configPath.path]
        let pipe = Pipe()
        second.standardError = pipe
        try second.run()
        DispatchQueue.global().asyncAfter(deadline: .now() + 10) { if second.isRunning { second.terminate() } }
        let log = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        second.waitUntilExit()
        return (second.terminationStatus, log)
    }

    @Test func checkConfigNamesTheFileLineAndColumnOfAProblem() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("acdd-check-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bad.yaml").path
        try "queues:\n  - id: q\n    stratgy: random\n".write(toFile: path, atomically: true, encoding: .utf8)
        let check = Process()
        check.executableURL = DaemonProcess.binary
        check.arguments = ["--check-config", "--config", path]
        let pipe = Pipe()
        check.standardError = pipe
        try check.run()
        check.waitUntilExit()
        #expect(check.terminationStatus == 2)
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(output.hasPrefix("\(path):3:5: "), "\(output)")
        #expect(output.contains("strategy"))
    }
}

@Suite(.serialized) struct SupervisorEndToEndTests {
    @Test func aSupervisorMessageReachesTheAgentAsANotice() throws {
        let daemon = try DaemonProcess(configuration: DaemonEndToEndTests.configuration)
        defer { daemon.stop() }
        let agent = try LineClient(path: daemon.socketPath)
        try DaemonEndToEndTests().hello(agent, "agent", agent: "ana")
        let supervisor = try LineClient(path: daemon.socketPath)
        try DaemonEndToEndTests().hello(supervisor, "supervisor")
        supervisor.send(#"{"type":"agent.message","id":1,"agent":"ana","message":"Team meeting at 3"}"#)
        #expect(try supervisor.reply(1)["ok"] as? Bool == true)
        let notice = try agent.event("notice")
        #expect(notice["reason"] as? String == "supervisor_message")
        #expect(notice["message"] as? String == "Team meeting at 3")
        supervisor.send(#"{"type":"agent.message","id":2,"agent":"nobody","message":"hi"}"#)
        #expect((try supervisor.reply(2)["error"] as? [String: Any])?["code"] as? String == "unknown_agent")
        supervisor.send(#"{"type":"agent.message","id":3,"agent":"ana"}"#)
        #expect((try supervisor.reply(3)["error"] as? [String: Any])?["code"] as? String == "invalid_field")
        agent.send(#"{"type":"agent.message","id":4,"agent":"ana","message":"me"}"#)
        #expect((try agent.reply(4)["error"] as? [String: Any])?["code"] as? String == "wrong_role")
    }

    @Test func aSupervisorMovesAndReprioritizesCallsAndReadsTheDaysFigures() throws {
        let daemon = try DaemonProcess(configuration: DaemonEndToEndTests.configuration)
        defer { daemon.stop() }
        let adapter = try LineClient(path: daemon.socketPath)
        let supervisor = try LineClient(path: daemon.socketPath)
        for (client, role) in [(adapter, "adapter"), (supervisor, "supervisor")] {
            client.send(#"{"type":"hello","id":0,"protocol":1,"role":"\#(role)"}"#)
            _ = try client.reply(0)
        }
        adapter.send(#"{"type":"call.enqueue","id":1,"call":"c1","queue":"sales"}"#)
        adapter.send(#"{"type":"call.enqueue","id":2,"call":"c2","queue":"sales"}"#)
        _ = try adapter.reply(2)
        supervisor.send(#"{"type":"call.reprioritize","id":1,"call":"c2","priority":9}"#)
        #expect(try supervisor.reply(1)["ok"] as? Bool == true)
        supervisor.send(#"{"type":"call.move","id":2,"call":"c1","queue":"ring"}"#)
        #expect(try supervisor.reply(2)["ok"] as? Bool == true)
        let moved = try adapter.event("call.moved")
        #expect(moved["from"] as? String == "sales")
        #expect(moved["to"] as? String == "ring")
        adapter.send(#"{"type":"call.abandon","id":3,"call":"c2"}"#)
        _ = try adapter.reply(3)
        supervisor.send(#"{"type":"stats","id":3}"#)
        let queues = try supervisor.reply(3)["queues"] as? [[String: Any]] ?? []
        let sales = queues.first { $0["id"] as? String == "sales" }?["stats"] as? [String: Any]
        #expect(sales?["offered"] as? Int == 2)
        #expect(sales?["abandoned"] as? Int == 1)
        #expect(sales?["abandon_rate"] as? Double == 1)
        let ring = queues.first { $0["id"] as? String == "ring" }?["stats"] as? [String: Any]
        #expect(ring?["offered"] as? Int == 1)
        supervisor.send(#"{"type":"call.move","id":4,"call":"c1","queue":"nowhere"}"#)
        #expect((try supervisor.reply(4)["error"] as? [String: Any])?["code"] as? String == "unknown_queue")
        adapter.send(#"{"type":"call.move","id":5,"call":"c1","queue":"sales"}"#)
        #expect((try adapter.reply(5)["error"] as? [String: Any])?["code"] as? String == "wrong_role")
    }
}

@Suite struct PositionUpdateEndToEndTests {
    @Test func waitingCallsGetTheirPositionEveryInterval() throws {
        let daemon = try DaemonProcess(configuration: """
            socket:
              path: SOCKET
            limits:
              position_interval: 1s
            queues:
              - id: q
                expected_handle_time: 2m
            agents:
              - {id: ana, tiers: {q: 1}}
            """)
        defer { daemon.stop() }
        let agent = try LineClient(path: daemon.socketPath)
        agent.send(#"{"type":"hello","id":0,"protocol":1,"role":"agent","agent":"ana"}"#)
        agent.send(#"{"type":"agent.login","id":1,"reason":"lunch"}"#)
        _ = try agent.reply(1)
        let adapter = try LineClient(path: daemon.socketPath)
        adapter.send(#"{"type":"hello","id":0,"protocol":1,"role":"adapter"}"#)
        adapter.send(#"{"type":"call.enqueue","id":1,"call":"c1","queue":"q"}"#)
        adapter.send(#"{"type":"call.enqueue","id":2,"call":"c2","queue":"q"}"#)
        _ = try adapter.reply(2)
        var positions: [String: Int] = [:]
        while positions.count < 2 {
            let event = try adapter.event("call.position")
            positions[event["call"] as? String ?? ""] = event["position"] as? Int
        }
        #expect(positions == ["c1": 1, "c2": 2])
    }
}

@Suite struct AgentResynchronisationEndToEndTests {
    @Test func aReconnectingAgentClientLearnsItsStateAndItsOpenOfferOrCall() throws {
        let daemon = try DaemonProcess(configuration: """
            socket:
              path: SOCKET
            limits:
              position_interval: 0
            queues:
              - {id: q, offer_timeout: 1h}
            agents:
              - {id: ana, tiers: {q: 1}}
            """)
        defer { daemon.stop() }
        var (agent, welcome) = try daemon.client("agent", agent: "ana")
        #expect((welcome["agent"] as? [String: Any])?["state"] as? String == "logged_out")
        agent.send(#"{"type":"agent.login","id":1}"#)
        _ = try agent.reply(1)
        let (adapter, _) = try daemon.client("adapter")
        adapter.send(#"{"type":"call.enqueue","id":1,"call":"c1","queue":"q","segment":"vip"}"#)
        _ = try adapter.reply(1)
        let first = try agent.event("offer")

        // The client goes away while the call rings; the new connection hears the same offer.
        agent.halfClose()
        (agent, welcome) = try daemon.client("agent", agent: "ana")
        #expect((welcome["agent"] as? [String: Any])?["state"] as? String == "offered")
        let again = try agent.event("offer")
        #expect(again["call"] as? String == "c1")
        #expect(again["expires_ms"] as? Int == first["expires_ms"] as? Int)
        #expect(again["segment"] as? String == "vip")

        agent.send(#"{"type":"agent.accept","id":2,"call":"c1"}"#)
        #expect(try agent.reply(2)["ok"] as? Bool == true)
        agent.halfClose()
        (agent, welcome) = try daemon.client("agent", agent: "ana")
        #expect((welcome["agent"] as? [String: Any])?["state"] as? String == "busy")
        #expect((welcome["agent"] as? [String: Any])?["call"] as? String == "c1")
        let connected = try agent.event("call.connected")
        #expect(connected["call"] as? String == "c1")
        #expect(connected["agent"] as? String == "ana")
    }
}

@Suite struct DailyTargetEndToEndTests {
    @Test func theAgentSeesItsTargetAndHearsWhenItIsReached() throws {
        let daemon = try DaemonProcess(configuration: """
            socket:
              path: SOCKET
            limits:
              position_interval: 0
            queues:
              - {id: q, offer_timeout: 1h, wrap_up: 0}
            agents:
              - {id: ana, tiers: {q: 1}, team: sales}
            team_targets: {sales: 1}
            """)
        defer { daemon.stop() }
        let (agent, welcome) = try daemon.client("agent", agent: "ana")
        #expect((welcome["agent"] as? [String: Any])?["daily_target"] as? Int == 1)
        agent.send(#"{"type":"agent.login","id":1}"#)
        _ = try agent.reply(1)
        let (adapter, _) = try daemon.client("adapter")
        adapter.send(#"{"type":"call.enqueue","id":1,"call":"c1","queue":"q"}"#)
        _ = try adapter.reply(1)
        _ = try agent.event("offer")
        agent.send(#"{"type":"agent.accept","id":2,"call":"c1"}"#)
        _ = try agent.reply(2)
        let notice = try agent.read(until: { $0["event"] as? String == "notice" && $0["reason"] as? String == "daily_target_reached" })
        #expect(notice["target"] as? Int == 1)
        agent.send(#"{"type":"agent.status","id":3}"#)
        let status = try agent.reply(3)["agent"] as? [String: Any]
        #expect(status?["calls_answered"] as? Int == 1)
        #expect(status?["daily_target"] as? Int == 1)
    }
}

@Suite struct SocketGroupEndToEndTests {
    static let isRoot = getuid() == 0

    @Test(.enabled(if: isRoot, "giving the socket to another group needs root"))
    func theBoundSocketBelongsToTheConfiguredGroup() throws {
        let daemon = try DaemonProcess(configuration: """
            socket:
              path: SOCKET
              mode: "0660"
              group: daemon
            queues: [{id: q}]
            """)
        defer { daemon.stop() }
        var info = stat()
        #expect(stat(daemon.socketPath, &info) == 0)
        #expect(info.st_gid == getgrnam("daemon").pointee.gr_gid)
        #expect(info.st_mode & 0o777 == 0o660)
    }

    @Test func anUnknownGroupStopsTheStartWithItsName() throws {
        let daemon = try DaemonProcess(configuration: """
            socket:
              path: SOCKET
              group: no-such-group-here
            queues: [{id: q}]
            """, readiness: .started)
        defer { daemon.stop() }
        #expect(daemon.waitForExit() != 0)
        #expect(daemon.log.contains("socket.group names an unknown Unix group"), "\(daemon.log)")
    }
}

@Suite struct LastAgentEndToEndTests {
    @Test func theLastAgentOfAQueueWithWaitingCallsIsRefusedUnlessASupervisorForcesIt() throws {
        let daemon = try DaemonProcess(configuration: """
            socket:
              path: SOCKET
            limits:
              position_interval: 0
            last_agent_leaving: refuse
            queues:
              - {id: q, offer_timeout: 1h, wrap_up: 1h}
            agents:
              - {id: ana, tiers: {q: 1}}
            """)
        defer { daemon.stop() }
        let (agent, _) = try daemon.client("agent", agent: "ana")
        agent.send(#"{"type":"agent.login","id":1}"#)
        _ = try agent.reply(1)
        let (adapter, _) = try daemon.client("adapter")
        adapter.send(#"{"type":"call.enqueue","id":1,"call":"c1","queue":"q"}"#)
        _ = try adapter.reply(1)
        agent.send(#"{"type":"agent.accept","id":2,"call":"c1"}"#)
        _ = try agent.reply(2)
        adapter.send(#"{"type":"call.hangup","id":2,"call":"c1","by":"caller"}"#)
        _ = try adapter.reply(2)
        adapter.send(#"{"type":"call.enqueue","id":3,"call":"c2","queue":"q"}"#)
        _ = try adapter.reply(3)

        agent.send(#"{"type":"agent.logout","id":3}"#)
        let refused = try agent.reply(3)
        #expect((refused["error"] as? [String: Any])?["code"] as? String == "last_agent", "\(refused)")
        let (supervisor, _) = try daemon.client("supervisor")
        supervisor.send(#"{"type":"agent.force_state","id":1,"agent":"ana","state":"logged_out"}"#)
        #expect(try supervisor.reply(1)["ok"] as? Bool == true)
        agent.send(#"{"type":"agent.status","id":4}"#)
        #expect((try agent.reply(4)["agent"] as? [String: Any])?["state"] as? String == "logged_out")
    }
}

/// `--no-journal`: the state in memory only (for measuring what the journal costs): calls are
/// served, nothing is written in the state directory, and a restart starts empty.
@Suite struct NoJournalEndToEndTests {
    @Test func callsAreServedAndNothingIsKept() throws {
        let configuration = """
            socket: {path: SOCKET}
            limits: {position_interval: 0}
            queues: [{id: sales}]
            agents: [{id: ana, tiers: {sales: 1}}]
            """
        let first = try DaemonProcess(configuration: configuration, arguments: ["--no-journal"])
        let directory = first.directory
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(first.logContains("running without a journal"), "\(first.log)")
        let (adapter, _) = try first.client("adapter")
        let (ana, _) = try first.client("agent", agent: "ana")
        _ = try ana.ask(#""type":"agent.login""#)
        #expect(try adapter.ask(#""type":"call.enqueue","call":"c1","queue":"sales""#)["ok"] as? Bool == true)
        #expect(try ana.event("offer")["call"] as? String == "c1")
        #expect(try adapter.ask(#""type":"call.enqueue","call":"c2","queue":"sales""#)["position"] as? Int == 1)
        first.kill()
        let state = directory.appendingPathComponent("state")
        #expect(!FileManager.default.fileExists(atPath: state.appendingPathComponent("journal.sqlite").path))

        let second = try DaemonProcess(configuration: configuration, directory: directory, arguments: ["--no-journal"])
        defer { second.stop() }
        let (supervisor, _) = try second.client("supervisor")
        #expect((try supervisor.ask(#""type":"status""#)["calls"] as? [Any])?.isEmpty == true)
    }
}
