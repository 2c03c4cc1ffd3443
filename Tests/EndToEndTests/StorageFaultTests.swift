import Foundation
import Testing

/// The journal's disk fills up while acdd runs: new calls are refused with `storage_unavailable`,
/// what is already held goes on, nothing unwritten is acknowledged, and service resumes by itself
/// once writes work again. The state directory is a small tmpfs the test mounts (root only). (A
/// read-only remount cannot be tested the same way: Linux refuses it while acdd holds the journal
/// open for writing; any write error takes the same path as a full disk.)
@Suite(.serialized) struct StorageFaultTests {
    /// A tmpfs of `size` mounted on a new directory, or nil when this process may not mount.
    static func mountTmpfs(size: String) -> URL? {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("acdd-tmpfs-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        guard run("/bin/mount", "-t", "tmpfs", "-o", "size=\(size)", "tmpfs", directory.path) == 0 else {
            try? FileManager.default.removeItem(at: directory)
            return nil
        }
        return directory
    }

    @discardableResult
    static func run(_ command: String...) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    static let canMount: Bool = {
        guard getuid() == 0, let probe = mountTmpfs(size: "64k") else { return false }
        run("/bin/umount", probe.path)
        try? FileManager.default.removeItem(at: probe)
        return true
    }()

    static func configuration(state: URL) -> String {
        """
        socket:
          path: SOCKET
          mode: "0600"
        state_directory: \(state.path)/state
        journal:
          snapshot_every: 1000000
        limits:
          adapter_grace: 1h
          position_interval: 0
        queues:
          - {id: q, required_skills: [q], offer_timeout: 1h}
        agents:
          - {id: ana, skills: {q: 5}}
        """
    }

    /// Enqueues calls one at a time until one is not answered within a second (its journal entry
    /// could not be written); returns its id and the number acknowledged before it.
    func enqueueUntilHeld(_ adapter: LineClient, from first: Int) throws -> (held: Int, acknowledged: Int)? {
        for number in first..<(first + 5_000) {
            adapter.send(#"{"type":"call.enqueue","id":\#(number),"call":"c\#(number)","queue":"q","attributes":{"pad":"\#(String(repeating: "x", count: 2_000))"}}"#)
            do {
                let reply = try adapter.read(until: { $0["id"] as? Int == number }, timeout: .seconds(1))
                guard reply["ok"] as? Bool == true else {
                    Issue.record("enqueue refused before the disk was full: \(reply)")
                    return nil
                }
            } catch {
                return (number, number - first)
            }
        }
        return nil
    }

    @Test(.enabled(if: canMount, "needs root and permission to mount a tmpfs"))
    func aFullDiskRefusesNewCallsUntilSpaceComesBack() throws {
        let mount = try #require(Self.mountTmpfs(size: "4m"))
        defer {
            Self.run("/bin/umount", "-l", mount.path)
            try? FileManager.default.removeItem(at: mount)
        }
        let daemon = try DaemonProcess(configuration: Self.configuration(state: mount))
        defer { daemon.stop() }
        let adapter = try LineClient(path: daemon.socketPath)
        adapter.send(#"{"type":"hello","id":0,"protocol":1,"role":"adapter","client":"pbx"}"#)
        _ = try adapter.reply(0)
        let supervisor = try LineClient(path: daemon.socketPath)
        supervisor.send(#"{"type":"hello","id":0,"protocol":1,"role":"supervisor","client":"test"}"#)
        _ = try supervisor.reply(0)

        for number in 101...103 {
            adapter.send(#"{"type":"call.enqueue","id":\#(number),"call":"early\#(number)","queue":"q"}"#)
            #expect(try adapter.reply(number)["ok"] as? Bool == true)
        }

        // Fill the disk, leaving a little for SQLite to start a write and fail it cleanly.
        Self.run("/bin/dd", "if=/dev/zero", "of=\(mount.path)/filler", "bs=64k", "count=1000")
        let (held, acknowledged) = try #require(try enqueueUntilHeld(adapter, from: 1))
        print("storage fault test: \(acknowledged) calls acknowledged before the disk was full")
        try daemon.waitForLog(containing: "journal write failed")

        // New calls are refused at once; the supervisor still gets answers.
        adapter.send(#"{"type":"call.enqueue","id":90001,"call":"refused","queue":"q"}"#)
        let refused = try adapter.read(until: { $0["id"] as? Int == 90001 })
        #expect((refused["error"] as? [String: Any])?["code"] as? String == "storage_unavailable", "\(refused)")

        // Space comes back: the held call is acknowledged, and new calls are taken again.
        try FileManager.default.removeItem(at: mount.appendingPathComponent("filler"))
        let late = try adapter.read(until: { $0["id"] as? Int == held }, timeout: .seconds(5))
        #expect(late["ok"] as? Bool == true, "\(late)")
        try daemon.waitForLog(containing: "journal writes work again")
        adapter.send(#"{"type":"call.enqueue","id":90002,"call":"after","queue":"q"}"#)
        #expect(try adapter.read(until: { $0["id"] as? Int == 90002 })["ok"] as? Bool == true)

        supervisor.send(#"{"type":"status","id":1}"#)
        let calls = (try supervisor.reply(1)["calls"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(calls.count == 3 + acknowledged + 2, "the early calls, every acknowledged one, the held one and the one after: \(calls)")
        #expect(!calls.contains("refused"))
    }
}
