import Foundation
import Testing

/// acdd as a systemd service, with no systemd running: READY and STOPPING read from a
/// NOTIFY_SOCKET the test binds, socket activation through `systemd-socket-activate`, and the
/// journal fields of one call read back from a journald the test starts itself.
@Suite(.serialized) struct SystemdEndToEndTests {
    static let configuration = """
        socket:
          path: SOCKET
          mode: "0666"
        limits:
          position_interval: 0
        queues:
          - id: sales
            required_skills: [sales]
        agents:
          - id: ana
            skills: {sales: 5}
        """

    static let socketActivate = DaemonProcess.tool("systemd-socket-activate")

    func hello(_ client: LineClient, _ role: String, agent: String? = nil) throws {
        let agentField = agent.map { #","agent":"\#($0)""# } ?? ""
        client.send(#"{"type":"hello","id":0,"protocol":1,"role":"\#(role)","client":"systemd-test"\#(agentField)}"#)
        let welcome = try client.reply(0)
        #expect(welcome["type"] as? String == "welcome", "\(welcome)")
    }

    @Test func readyOnlyOnceTheSocketListensAndStoppingOnSigterm() throws {
        let notify = try NotifyListener()
        let daemon = try DaemonProcess(configuration: Self.configuration, environment: ["NOTIFY_SOCKET": notify.path], readiness: .started)
        defer { daemon.stop() }
        let ready = try notify.next()
        // The first message is READY=1, and by then the socket accepts connections.
        #expect(NotifyListener.assignments(ready) == ["READY=1", "STATUS=listening on \(daemon.socketPath)"])
        let client = try LineClient(path: daemon.socketPath)
        try hello(client, "supervisor")

        daemon.process.terminate()
        let stopping = try notify.next(containing: "STOPPING=1")
        #expect(NotifyListener.assignments(stopping).contains("STATUS=stopping: telling clients"))
        #expect(try client.event("shutdown")["event"] as? String == "shutdown")
        #expect(daemon.stop() == 0)
        #expect(notify.pending().allSatisfy { !NotifyListener.assignments($0).contains("READY=1") })
    }

    @Test func noReadyWhenAnotherDaemonHoldsTheSocket() throws {
        let first = try DaemonProcess(configuration: Self.configuration)
        defer { first.stop() }
        let notify = try NotifyListener()
        let second = try DaemonProcess(
            configuration: Self.configuration.replacingOccurrences(of: "SOCKET", with: first.socketPath),
            environment: ["NOTIFY_SOCKET": notify.path], readiness: .started
        )
        defer { second.stop() }
        #expect(second.waitForExit() != 0)
        #expect(second.log.contains("another acdd is listening there"), "\(second.log)")
        #expect(notify.pending().allSatisfy { !NotifyListener.assignments($0).contains("READY=1") })
    }

    @Test(.enabled(if: socketActivate != nil, "systemd-socket-activate is not installed (Debian package systemd)"))
    func socketActivationAdoptsThePassedSocket() throws {
        let notify = try NotifyListener()
        let daemon = try DaemonProcess(
            configuration: Self.configuration, environment: ["NOTIFY_SOCKET": notify.path],
            launch: .socketActivated(sockets: ["activated.sock"], names: nil), readiness: .started
        )
        defer { daemon.stop() }
        let client = try connect(daemon.path("activated.sock"))
        try hello(client, "supervisor")
        let ready = try notify.next(containing: "READY=1")
        #expect(NotifyListener.assignments(ready).contains("STATUS=listening on the socket systemd passed"))
        #expect(!FileManager.default.fileExists(atPath: daemon.socketPath), "the configured path is not bound")

        daemon.process.terminate()
        _ = try notify.next(containing: "STOPPING=1")
        #expect(daemon.stop() == 0)
    }

    @Test(.enabled(if: socketActivate != nil, "systemd-socket-activate is not installed (Debian package systemd)"))
    func withSeveralSocketsTheOneNamedAcddIsAdopted() throws {
        let daemon = try DaemonProcess(
            configuration: Self.configuration,
            launch: .socketActivated(sockets: ["metrics.sock", "clients.sock"], names: ["metrics", "acdd.socket"]),
            readiness: .started
        )
        defer { daemon.stop() }
        // Only the adopted socket is served: a welcome on clients.sock means fd 4 was chosen.
        let client = try connect(daemon.path("clients.sock"))
        try hello(client, "supervisor")
    }

    @Test(.enabled(if: socketActivate != nil, "systemd-socket-activate is not installed (Debian package systemd)"))
    func severalSocketsWithNoneNamedAcddIsAClearError() throws {
        let daemon = try DaemonProcess(
            configuration: Self.configuration,
            launch: .socketActivated(sockets: ["a.sock", "b.sock"], names: ["a", "b"]),
            readiness: .started
        )
        defer { daemon.stop() }
        _ = try connect(daemon.path("a.sock"))
        #expect(daemon.waitForExit() == 1)
        #expect(daemon.log.contains("systemd passed 2 sockets named a, b; expected exactly one named acdd.socket or acdd"), "\(daemon.log)")
    }

    @Test func watchdogKeepAlivesComeAtHalfTheIntervalFromTheExecutor() throws {
        let notify = try NotifyListener()
        let daemon = try DaemonProcess(
            configuration: Self.configuration,
            environment: ["NOTIFY_SOCKET": notify.path, "WATCHDOG_USEC": "1000000"], readiness: .started
        )
        defer { daemon.stop() }
        _ = try notify.next(containing: "READY=1")
        var pings: [ContinuousClock.Instant] = []
        while pings.count < 5 {
            _ = try notify.next(containing: "WATCHDOG=1", timeout: .seconds(2))
            pings.append(.now)
        }
        // Four half-second intervals.
        let span = pings[4] - pings[0]
        #expect(span > .milliseconds(1500) && span < .milliseconds(3000), "\(span)")
    }

    @Test func theStatusLineFollowsTheCenter() throws {
        let notify = try NotifyListener()
        let daemon = try DaemonProcess(configuration: Self.configuration, environment: ["NOTIFY_SOCKET": notify.path], readiness: .started)
        defer { daemon.stop() }
        _ = try notify.next(containing: "READY=1")
        let adapter = try LineClient(path: daemon.socketPath)
        try hello(adapter, "adapter")
        adapter.send(#"{"type":"call.enqueue","id":1,"call":"c1","queue":"sales"}"#)
        _ = try adapter.reply(1)
        let deadline = ContinuousClock.now + .seconds(5)
        var status = ""
        while !status.hasPrefix("STATUS=1 waiting") {
            status = NotifyListener.assignments(try notify.next(timeout: deadline - .now)).first { $0.hasPrefix("STATUS=") } ?? ""
        }
        #expect(status.hasSuffix("0/0 agents ready, no calls yet today"), "\(status)")
    }

    @Test func theInstalledConfigurationIsValid() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let check = Process()
        check.executableURL = DaemonProcess.binary
        check.arguments = ["--check-config", "--config", repository.appendingPathComponent("systemd/acdd.yaml").path]
        let output = Pipe()
        check.standardOutput = output
        check.standardError = output
        try check.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        check.waitUntilExit()
        #expect(check.terminationStatus == 0, "\(printed)")
    }

    /// Why the journal test cannot run here, or nil when it can.
    static let journalUnavailable: String? = {
        guard getuid() == 0 else { return "needs root, to mount a private /run for its own journald" }
        for tool in ["unshare", "journalctl", "systemd-cat", "stat"] where DaemonProcess.tool(tool) == nil {
            return "\(tool) is not installed"
        }
        guard FileManager.default.isExecutableFile(atPath: "/lib/systemd/systemd-journald") else {
            return "/lib/systemd/systemd-journald is not installed (Debian package systemd)"
        }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: DaemonProcess.tool("unshare") ?? "/usr/bin/unshare")
        probe.arguments = ["-m", "true"]
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return "unshare cannot run" }
        probe.waitUntilExit()
        return probe.terminationStatus == 0 ? nil : "unshare -m is not permitted here (no CAP_SYS_ADMIN)"
    }()

    /// Inside a private mount namespace, with tmpfs over /run (and /var/log/journal): starts
    /// journald (without NOTIFY_SOCKET: it would send its own READY=1), runs acdd with stderr connected to it and JOURNAL_STREAM naming that stream (as
    /// systemd does), forwards SIGTERM to acdd, then syncs and writes `journalctl -o json` for
    /// the call to a file. Arguments: the file, the call id, then acdd's command line.
    static let journalScript = #"""
        out="$1"; call="$2"; shift 2
        mount -t tmpfs tmpfs /run || exit 10
        if [ -d /var/log/journal ]; then mount -t tmpfs tmpfs /var/log/journal || exit 11; fi
        env -u NOTIFY_SOCKET /lib/systemd/systemd-journald & journald=$!
        tries=0
        until [ -S /run/systemd/journal/socket ] && [ -S /run/systemd/journal/stdout ]; do
            tries=$((tries + 1)); [ "$tries" -lt 400 ] || exit 12; sleep 0.05
        done
        systemd-cat -t acdd-stderr sh -c 'export JOURNAL_STREAM="$(stat -L -c %d:%i /proc/self/fd/2)"; exec "$@"' sh "$@" &
        acdd=$!
        trap 'kill -TERM $acdd' TERM
        while :; do
            wait $acdd; status=$?
            kill -0 $acdd 2>/dev/null || break
        done
        journalctl --sync
        journalctl -o json --no-pager "CALL_ID=$call" > "$out"
        kill $journald; wait $journald
        exit $status
        """#

    @Test(.enabled(if: journalUnavailable == nil, Comment(rawValue: journalUnavailable ?? "")))
    func journalEntriesCarryTheCallAsAField() throws {
        let call = "c-journal-\(UUID().uuidString.prefix(8))"
        let notify = try NotifyListener()
        let daemon = try DaemonProcess(
            configuration: Self.configuration, environment: ["NOTIFY_SOCKET": notify.path],
            launch: .wrapped { acdd, directory in
                [DaemonProcess.tool("unshare") ?? "/usr/bin/unshare", "-m", "--propagation", "private",
                 "/bin/sh", "-c", Self.journalScript, "sh", directory.appendingPathComponent("journal.json").path, call] + acdd
            },
            readiness: .started
        )
        defer { daemon.stop() }
        _ = try notify.next(containing: "READY=1")
        let agent = try LineClient(path: daemon.socketPath)
        let adapter = try LineClient(path: daemon.socketPath)
        try hello(agent, "agent", agent: "ana")
        try hello(adapter, "adapter")
        agent.send(#"{"type":"agent.login","id":1}"#)
        #expect(try agent.reply(1)["ok"] as? Bool == true)
        adapter.send(#"{"type":"call.enqueue","id":1,"call":"\#(call)","queue":"sales"}"#)
        #expect(try adapter.reply(1)["ok"] as? Bool == true)
        _ = try agent.event("offer")
        agent.send(#"{"type":"agent.accept","id":2,"call":"\#(call)"}"#)
        #expect(try agent.reply(2)["ok"] as? Bool == true)
        adapter.send(#"{"type":"call.hangup","id":2,"call":"\#(call)","by":"caller"}"#)
        #expect(try adapter.reply(2)["ok"] as? Bool == true)

        daemon.process.terminate()
        #expect(daemon.waitForExit() == 0, "\(daemon.log)")
        let json = try String(contentsOfFile: daemon.path("journal.json"), encoding: .utf8)
        let entries = try json.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        let messages = entries.compactMap { $0["MESSAGE"] as? String }
        #expect(messages.first == "call queued", "\(entries)")
        #expect(messages.contains("call connected"), "\(entries)")
        #expect(messages.last == "call finished", "\(entries)")
        let queued = try #require(entries.first)
        #expect(queued["CALL_ID"] as? String == call)
        #expect(queued["QUEUE"] as? String == "sales")
        #expect(queued["PRIORITY"] as? String == "6")
        #expect(queued["SYSLOG_IDENTIFIER"] as? String == "acdd")
        #expect((queued["CODE_FILE"] as? String)?.hasSuffix(".swift") == true)
        #expect(Int(queued["CODE_LINE"] as? String ?? "") != nil)
        #expect((queued["CODE_FUNC"] as? String)?.isEmpty == false)
        #expect(entries.contains { $0["AGENT_ID"] as? String == "ana" })
    }

    /// Connects to a socket systemd-socket-activate listens on, polling until it does.
    func connect(_ path: String, timeout: Duration = .seconds(10)) throws -> LineClient {
        let deadline = ContinuousClock.now + timeout
        while true {
            do {
                return try LineClient(path: path)
            } catch {
                guard ContinuousClock.now < deadline else { throw error }
                usleep(10_000)
            }
        }
    }
}
