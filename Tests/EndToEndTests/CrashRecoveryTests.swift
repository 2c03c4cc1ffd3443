import Foundation
import GRDB
import Testing

/// kill -9 at random moments under load (with durability "power", so a commit takes long enough
/// for a kill to land while one is in flight): after each restart no acknowledged call is missing or
/// duplicated, no call acknowledged as ended is back, and no agent holds two calls.
@Suite(.serialized) struct CrashRecoveryTests {
    static let configuration = """
        socket:
          path: SOCKET
          mode: "0600"
        journal:
          durability: power
          snapshot_every: 40
        limits:
          adapter_grace: 1h
          position_interval: 0
        queues:
          - id: q
            required_skills: [q]
            join_when_empty: true
            offer_timeout: 1h
            wrap_up: 0
        agents:
          - {id: a1, skills: {q: 5}}
          - {id: a2, skills: {q: 5}}
          - {id: a3, skills: {q: 5}}
          - {id: a4, skills: {q: 5}}
          - {id: a5, skills: {q: 5}}
        """

    /// What the adapter was told, across restarts.
    struct Told {
        var sent: Set<String> = []
        var enqueued: Set<String> = []
        /// Calls whose hangup was sent; the ones in `ended` were acknowledged.
        var hangupSent: Set<String> = []
        var ended: Set<String> = []
    }

    @Test func nothingAcknowledgedIsLostOverTwentyKills() throws {
        var random = SystemRandomNumberGenerator()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("acdd-crash-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: directory) }
        var told = Told()
        var nextCall = 0
        for round in 1...20 {
            let daemon = try DaemonProcess(configuration: Self.configuration, directory: directory)
            try check(told, against: daemon, round: round)

            let adapter = try LineClient(path: daemon.socketPath)
            adapter.send(#"{"type":"hello","id":0,"protocol":1,"role":"adapter","client":"pbx"}"#)
            _ = try adapter.reply(0)
            let supervisor = try LineClient(path: daemon.socketPath)
            supervisor.send(#"{"type":"hello","id":0,"protocol":1,"role":"supervisor","client":"test"}"#)
            _ = try supervisor.reply(0)
            for agent in 1...5 {
                supervisor.send(#"{"type":"agent.force_state","id":\#(agent),"agent":"a\#(agent)","state":"ready"}"#)
                _ = try supervisor.reply(agent)
            }

            // Calls still ringing or connected from before the kill are answered and ended first,
            // so agents come free.
            func calls(in state: String, id: Int) throws -> [[String: Any]] {
                supervisor.send(#"{"type":"status","id":\#(id)}"#)
                return (try supervisor.reply(id)["calls"] as? [[String: Any]] ?? []).filter { $0["state"] as? String == state }
            }
            for (offset, call) in try calls(in: "offered", id: 8).enumerated() {
                let id = call["id"] as? String ?? "", agent = (call["agents"] as? [String])?.first ?? ""
                adapter.send(#"{"type":"call.answered","id":\#(30 + offset),"call":"\#(id)","agent":"\#(agent)"}"#)
                _ = try adapter.reply(30 + offset)
            }
            for (offset, call) in try calls(in: "connected", id: 9).compactMap({ $0["id"] as? String }).enumerated() {
                told.hangupSent.insert(call)
                adapter.send(#"{"type":"call.hangup","id":\#(50 + offset),"call":"\#(call)","by":"agent"}"#)
                if try adapter.reply(50 + offset)["ok"] as? Bool == true { told.ended.insert(call) }
            }

            // A burst of enqueues; offers are answered and connected calls hung up as they come,
            // and the daemon is killed after a random number of lines, replies still in flight.
            var requests: [Int: (kind: String, call: String)] = [:]
            var id = 100
            func request(_ kind: String, _ call: String, _ line: String) {
                id += 1
                requests[id] = (kind, call)
                adapter.send(line.replacingOccurrences(of: "ID", with: "\(id)"))
            }
            for _ in 0..<12 {
                nextCall += 1
                told.sent.insert("c\(nextCall)")
                request("enqueue", "c\(nextCall)", #"{"type":"call.enqueue","id":ID,"call":"c\#(nextCall)","queue":"q"}"#)
            }
            let linesBeforeKill = Int.random(in: 5...60, using: &random)
            for _ in 0..<linesBeforeKill {
                guard let object = try? adapter.readObject(timeout: .milliseconds(500)) else { break }
                if let replyID = object["id"] as? Int, let (kind, call) = requests[replyID], object["ok"] as? Bool == true {
                    switch kind {
                    case "enqueue": told.enqueued.insert(call)
                    case "hangup": told.ended.insert(call)
                    default: break
                    }
                }
                switch object["event"] as? String {
                case "call.offer"?:
                    let call = object["call"] as? String ?? "", agent = object["agent"] as? String ?? ""
                    request("answered", call, #"{"type":"call.answered","id":ID,"call":"\#(call)","agent":"\#(agent)"}"#)
                case "call.connected"?:
                    let call = object["call"] as? String ?? ""
                    told.hangupSent.insert(call)
                    request("hangup", call, #"{"type":"call.hangup","id":ID,"call":"\#(call)","by":"caller"}"#)
                default:
                    break
                }
            }
            daemon.kill()
        }
        let daemon = try DaemonProcess(configuration: Self.configuration, directory: directory)
        defer { daemon.stop() }
        try check(told, against: daemon, round: 21)
        try checkRecords(told, in: directory)
        print("crash test: \(told.sent.count) sent, \(told.enqueued.count) acknowledged, \(told.ended.count) ended")
        #expect(told.enqueued.count > 20, "the load acknowledged too few calls to say much: \(told.enqueued.count)")
        #expect(told.ended.count > 5, "the load ended too few calls to say much: \(told.ended.count)")
    }

    /// Starts acdd on `directory`, has an adapter enqueue `calls` one after the other (each
    /// acknowledged before the next is sent), and kills acdd (kill -9).
    private func crashWithWaitingCalls(_ calls: [String] = ["kept"], in directory: URL) throws {
        let daemon = try DaemonProcess(configuration: Self.configuration, directory: directory)
        let adapter = try LineClient(path: daemon.socketPath)
        adapter.send(#"{"type":"hello","id":0,"protocol":1,"role":"adapter","client":"pbx"}"#)
        _ = try adapter.reply(0)
        for (index, call) in calls.enumerated() {
            adapter.send(#"{"type":"call.enqueue","id":\#(index + 1),"call":"\#(call)","queue":"q"}"#)
            #expect(try adapter.reply(index + 1)["ok"] as? Bool == true)
        }
        daemon.kill()
    }

    @Test func aChangedConfigurationAppliesToTheRecoveredCallsAndDiscardStateDropsThem() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("acdd-change-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: directory) }
        try crashWithWaitingCalls(in: directory)

        let changed = Self.configuration + "\n  - {id: a6, skills: {q: 5}}\n"
        let second = try DaemonProcess(configuration: changed, directory: directory)
        #expect(second.logContains("configuration changed since the journal was written: applied to the recovered state"), "\(second.log)")
        #expect(second.logContains("agents_added=a6"), "\(second.log)")
        // The journal opened before anything else used SQLite, so its memory statistics are off
        // (the journal and the records would otherwise share a lock on every allocation).
        #expect(!second.logContains("SQLite was in use"), "\(second.log)")
        #expect(try liveCalls(second) == ["kept"])
        let supervisor = try LineClient(path: second.socketPath)
        supervisor.send(#"{"type":"hello","id":0,"protocol":1,"role":"supervisor","client":"check"}"#)
        _ = try supervisor.reply(0)
        supervisor.send(#"{"type":"agent.force_state","id":1,"agent":"a6","state":"ready"}"#)
        #expect(try supervisor.reply(1)["ok"] as? Bool == true, "the added agent exists after the restart")
        second.kill()

        let changedAgain = changed + "  - {id: a7, skills: {q: 5}}\n"
        let third = try DaemonProcess(configuration: changedAgain, directory: directory, arguments: ["--discard-state"])
        defer { third.stop() }
        #expect(third.logContains("starting from an empty state"), "\(third.log)")
        #expect(try liveCalls(third) == [])
    }

    /// A last write torn by the crash (its row cut short here) is skipped with a warning naming
    /// its entries; acdd starts, and everything before it is back.
    @Test func aTornLastWriteIsSkippedWithAWarningAndTheRestRecovers() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("acdd-torn-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: directory) }
        try crashWithWaitingCalls(["kept", "torn"], in: directory)

        let journal = try DatabaseQueue(path: directory.appendingPathComponent("state/journal.sqlite").path)
        let last = try journal.write { db in
            let last = try Int64.fetchOne(db, sql: "SELECT max(sequence) FROM entry") ?? 0
            try db.execute(sql: "UPDATE entry SET body = substr(body, 1, length(body) - 3) WHERE sequence = ?", arguments: [last])
            return last
        }
        try journal.close()

        let second = try DaemonProcess(configuration: Self.configuration, directory: directory)
        defer { second.stop() }
        #expect(second.logContains("journal entries unreadable (torn or corrupted write): skipped"), "\(second.log)")
        #expect(second.logContains("sequences=\(last)-\(last)"), "\(second.log)")
        #expect(try liveCalls(second) == ["kept"])
    }

    /// The journal left by a crash is read while the configuration is parsed: a mistake after the
    /// state settings still stops acdd with the file's line and column, and the next start on a
    /// mended file recovers the journal whole.
    @Test func aMistakeInTheFileStopsTheStartWhileTheJournalIsReadAndTheNextStartRecovers() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("acdd-mistake-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: directory) }
        try crashWithWaitingCalls(in: directory)

        let mistaken = Self.configuration.replacingOccurrences(of: "{id: a5, skills: {q: 5}}", with: "{id: a5, skills: {q: high}}")
        let second = try DaemonProcess(configuration: mistaken, directory: directory, readiness: .started)
        #expect(second.waitForExit() == 2)
        #expect(second.logContains("acdd.yaml:21:26: the proficiency in 'q' must be a whole number, not 'high'"), "\(second.log)")

        let third = try DaemonProcess(configuration: Self.configuration, directory: directory)
        defer { third.stop() }
        #expect(try liveCalls(third) == ["kept"])
    }

    /// The call records agree with what the adapter was told: every call acknowledged as ended has
    /// exactly one record, ended; no record is of a call nobody sent. Records lag the journal (the
    /// last start's replay writes the rows the kills lost, on the recorder's thread, while the
    /// daemon already answers), so the rows are read again until every ended call has one, for at
    /// most 10 s.
    private func checkRecords(_ told: Told, in directory: URL) throws {
        let database = try DatabaseQueue(path: directory.appendingPathComponent("state/records.sqlite").path)
        var outcomes: [String: [String]] = [:]
        let deadline = Date().addingTimeInterval(10)
        repeat {
            let rows = try database.read { db in
                try Row.fetchAll(db, sql: "SELECT call_id, outcome FROM records_call").map { ($0[0] as String, $0[1] as String) }
            }
            outcomes = [:]
            for (call, outcome) in rows { outcomes[call, default: []].append(outcome) }
            if told.ended.allSatisfy({ outcomes[$0] != nil }) { break }
            Thread.sleep(forTimeInterval: 0.05)
        } while Date() < deadline
        for call in told.ended.sorted() {
            #expect(outcomes[call] == ["ended"], "call \(call), acknowledged as ended, has records \(outcomes[call] ?? [])")
        }
        for (call, recorded) in outcomes {
            #expect(told.sent.contains(call), "a record of \(call), which nobody sent")
            #expect(recorded.count == 1, "call \(call) is recorded \(recorded.count) times")
        }
    }

    private func liveCalls(_ daemon: DaemonProcess) throws -> [String] {
        let supervisor = try LineClient(path: daemon.socketPath)
        supervisor.send(#"{"type":"hello","id":0,"protocol":1,"role":"supervisor","client":"check"}"#)
        _ = try supervisor.reply(0)
        supervisor.send(#"{"type":"status","id":1}"#)
        return (try supervisor.reply(1)["calls"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    /// The daemon's live calls against what the adapter was told.
    private func check(_ told: Told, against daemon: DaemonProcess, round: Int) throws {
        let supervisor = try LineClient(path: daemon.socketPath)
        supervisor.send(#"{"type":"hello","id":0,"protocol":1,"role":"supervisor","client":"check"}"#)
        _ = try supervisor.reply(0)
        supervisor.send(#"{"type":"status","id":1}"#)
        let status = try supervisor.reply(1)
        let calls = status["calls"] as? [[String: Any]] ?? []
        let live = calls.compactMap { $0["id"] as? String }
        #expect(Set(live).isSubset(of: told.sent), "round \(round): calls nobody sent: \(Set(live).subtracting(told.sent).sorted())")
        #expect(Set(live).count == live.count, "round \(round): a call is listed twice: \(live.sorted())")
        for call in told.enqueued.subtracting(told.hangupSent).sorted() {
            #expect(live.contains(call), "round \(round): acknowledged call \(call) is missing after the restart")
        }
        for call in told.ended.sorted() {
            #expect(!live.contains(call), "round \(round): call \(call), acknowledged as ended, is back")
        }
        var holders: [String: [String]] = [:]
        for call in calls {
            for agent in call["agents"] as? [String] ?? [] {
                holders[agent, default: []].append(call["id"] as? String ?? "?")
            }
        }
        for (agent, held) in holders where held.count > 1 {
            Issue.record("round \(round): agent \(agent) holds \(held.count) calls: \(held)")
        }
    }
}
