import Foundation
import Testing

/// Who may connect as what, checked with real Unix identities (needs root, setpriv and socat), and
/// a client too slow to read its events.
@Suite(.serialized) struct PermissionAndSlowClientTests {
    static let canSwitchUsers = getuid() == 0
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/socat")

    /// Groups that exist on every Debian system: users (100), staff (50), nogroup (65534).
    static let configuration = """
        socket:
          path: SOCKET
          mode: "0666"
        roles:
          adapter_groups: [users]
          supervisor_groups: [nogroup]
          agent_gateway_groups: [staff]
        limits:
          max_output_queue: 50
          position_interval: 0
        queues:
          - id: sales
            required_skills: [sales]
        agents:
          - id: ana
            user: nobody
            skills: {sales: 5}
          - id: bo
            user: root
            skills: {sales: 5}
        """

    /// Runs socat as `uid`/`gid` (no supplementary groups), sends `lines`, half-closes, and returns
    /// the error code of each reply (nil for a success), in order.
    func codes(uid: Int, gid: Int, socket: String, lines: [String]) throws -> [String?] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=\(uid)", "--regid=\(gid)", "--clear-groups", "/usr/bin/socat", "-t", "5", "-", "UNIX-CONNECT:\(socket)"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(lines.map { $0 + "\n" }.joined().utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], object["id"] != nil else {
                return nil
            }
            return .some((object["error"] as? [String: Any])?["code"] as? String)
        }
    }

    func hello(_ role: String, agent: String? = nil) -> String {
        #"{"type":"hello","id":0,"protocol":1,"role":"\#(role)""# + (agent.map { #","agent":"\#($0)""# } ?? "") + "}"
    }

    @Test(.enabled(if: canSwitchUsers, "needs root, /usr/bin/setpriv and /usr/bin/socat to connect as other users"))
    func rolesFollowUnixGroupsAndAgentsTheirUsers() throws {
        let daemon = try DaemonProcess(configuration: Self.configuration)
        defer { daemon.stop() }
        let socket = daemon.socketPath
        let status = #"{"type":"status","id":1}"#
        let login = #"{"type":"agent.login","id":1}"#
        // nobody in group users: an adapter, nothing else.
        #expect(try codes(uid: 65534, gid: 100, socket: socket, lines: [hello("adapter"), #"{"type":"calls","id":1}"#]) == [nil, nil])
        let supervisorAsUsers = try codes(uid: 65534, gid: 100, socket: socket, lines: [hello("supervisor"), status])
        #expect(supervisorAsUsers == ["forbidden"], "\(supervisorAsUsers)")
        // nobody in nogroup: a supervisor, not an adapter.
        #expect(try codes(uid: 65534, gid: 65534, socket: socket, lines: [hello("supervisor"), status]) == [nil, nil])
        #expect(try codes(uid: 65534, gid: 65534, socket: socket, lines: [hello("adapter"), status]) == ["forbidden"])
        // nobody is ana's user: it may be ana, not bo, and ana may not act as bo.
        #expect(try codes(uid: 65534, gid: 65534, socket: socket, lines: [hello("agent", agent: "ana"), login]) == [nil, nil])
        #expect(try codes(uid: 65534, gid: 65534, socket: socket, lines: [hello("agent", agent: "bo"), login]) == ["forbidden"])
        #expect(try codes(uid: 65534, gid: 65534, socket: socket, lines: [
            hello("agent", agent: "ana"), #"{"type":"agent.ready","id":2,"agent":"bo"}"#,
        ]) == [nil, "forbidden"])
        // A gateway (group staff) may act as any agent.
        #expect(try codes(uid: 12345, gid: 50, socket: socket, lines: [
            hello("agent", agent: "ana"), #"{"type":"agent.login","id":2,"agent":"bo"}"#,
        ]) == [nil, nil])
        // A uid with no role at all.
        #expect(try codes(uid: 12345, gid: 12345, socket: socket, lines: [hello("adapter")]) == ["forbidden"])
        #expect(daemon.process.isRunning)
    }

    @Test func aClientThatStopsReadingIsDisconnectedAndOthersCarryOn() throws {
        let daemon = try DaemonProcess(configuration: Self.configuration)
        defer { daemon.stop() }
        let slow = try LineClient(path: daemon.socketPath)
        slow.send(hello("supervisor"))
        slow.send(#"{"type":"subscribe","id":1,"topics":["all"]}"#)
        let adapter = try LineClient(path: daemon.socketPath)
        adapter.send(hello("adapter"))
        _ = try adapter.reply(0)
        // Each call makes two events for the subscriber, which reads none of them.
        for number in 1...3_000 {
            adapter.send(#"{"type":"call.enqueue","id":\#(number),"call":"c\#(number)","queue":"sales"}"#)
            adapter.send(#"{"type":"call.abandon","id":\#(number + 100_000),"call":"c\#(number)"}"#)
            _ = try adapter.reply(number + 100_000)
            if daemon.logContains("client too slow") { break }
        }
        try daemon.waitForLog(containing: "client too slow: disconnected")
        // The slow client gets what was already sent, then the end of the connection.
        var lines = 0
        while try slow.readLine(timeout: .seconds(10)) != nil { lines += 1 }
        #expect(lines > 0)
        // Everyone else is served as before.
        adapter.send(#"{"type":"call.enqueue","id":999999,"call":"after","queue":"sales"}"#)
        #expect(try adapter.reply(999_999)["ok"] as? Bool == true)
    }
}
