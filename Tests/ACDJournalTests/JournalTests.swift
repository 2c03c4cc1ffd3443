import ACDCore
import ACDJournal
import Foundation
import GRDB
import Synchronization
import Testing

/// The journal on disk: what goes in comes back, snapshots cut the tail, bad data is skipped or
/// refused with a clear reason.
struct JournalTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("acdd-journal-\(UUID().uuidString.prefix(8))").path

    static let configuration = CenterConfiguration(
        queues: [QueueConfiguration(id: "q", requiredSkills: [SkillRequirement("q")])],
        agents: [AgentConfiguration(id: "a1", skills: ["q": 5])]
    )

    func snapshot(through: Int64) throws -> JournalSnapshot {
        JournalSnapshot(
            through: through, configuration: Self.configuration,
            engine: try RoutingEngine(configuration: Self.configuration, start: .seconds(1000), seed: 7), callOwners: ["c1": "0/pbx"]
        )
    }

    func entries(_ range: ClosedRange<Int64>) -> [JournalEntry] {
        range.map { JournalEntry(sequence: $0, at: .seconds(1000 + $0), command: .enqueue(NewCall(id: CallID("c\($0)"), queue: "q")), owner: "0/pbx") }
    }

    func append(_ entries: [JournalEntry], to journal: Journal) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            journal.append(entries) { continuation.resume(with: $0.mapError { $0 as any Error }) }
        }
    }

    @Test func entriesComeBackInOrderAfterTheSnapshot() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let journal = try Journal(directory: directory, durability: .process)
        try journal.writeNow(try snapshot(through: 0))
        try await append(entries(1...3), to: journal)
        try await append(entries(4...5), to: journal)
        let reopened = try Journal(directory: directory, durability: .power)
        let contents = try reopened.contents()
        #expect(contents.snapshot?.through == 0)
        #expect(contents.snapshot?.callOwners == ["c1": "0/pbx"])
        #expect(contents.entries == entries(1...5))
        #expect(contents.unreadable.isEmpty)
    }

    @Test func entriesWrittenAtOnceComeBackAndAFailedBatchLeavesNoneOfItsEntries() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let journal = try Journal(directory: directory, durability: .process)
        try journal.writeNow(try snapshot(through: 0))
        try journal.appendNow(entries(1...1))
        try journal.appendNow(entries(2...4))
        // A commit ending at a sequence written before is refused, and so are entries out of
        // order; neither leaves any of its entries (5 here).
        #expect(throws: JournalError.self) { try journal.appendNow(entries(3...4)) }
        #expect {
            try journal.appendNow(entries(6...6) + entries(5...5))
        } throws: { error in
            "\(error)".contains("entry 5 after entry 6: out of order")
        }
        try journal.appendNow(entries(5...6))
        let contents = try Journal(directory: directory, durability: .process).contents()
        #expect(contents.entries == entries(1...6))
        #expect(contents.unreadable.isEmpty)
    }

    /// Another connection reading the journal (a checkpoint, `acdctl replay`) may take the WAL's
    /// write lock for a moment, when it reads the WAL's header while a commit rewrites it; a commit
    /// then waits for the lock instead of failing with "database is locked" (which would refuse new
    /// calls for a second).
    @Test func commitsWaitForAReaderThatHoldsTheLockForAMoment() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let journal = try Journal(directory: directory, durability: .process)
        try journal.writeNow(try snapshot(through: 0))
        let done = Mutex(false)
        let path = journal.path
        let reading = Thread {
            while !done.withLock({ $0 }) {
                guard let reader = try? DatabaseQueue(path: path) else { continue }
                _ = try? reader.writeWithoutTransaction { db in try db.checkpoint(.passive) }
                _ = try? reader.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM entry") }
            }
        }
        let checkpointing = Thread {
            guard let checkpointer = try? DatabaseQueue(path: path) else { return }
            while !done.withLock({ $0 }) {
                _ = try? checkpointer.writeWithoutTransaction { db in try db.checkpoint(.passive) }
            }
        }
        reading.start()
        checkpointing.start()
        defer { done.withLock { $0 = true } }
        for sequence in Int64(1)...100_000 {
            try journal.appendNow(entries(sequence...sequence))
        }
    }

    @Test func theWriteAheadLogStaysBoundedUnderManySmallCommits() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // The writer empties the WAL at 1,024 pages here (4 MB; the daemon's default is 16,384).
        let journal = try Journal(directory: directory, durability: .process, checkpointPages: 1024)
        try journal.writeNow(try snapshot(through: 0))
        // 6,000 commits of one entry write at least 6,000 pages of 4 KB (24 MB) to the WAL.
        var largest: UInt64 = 0
        for sequence in Int64(1)...6000 {
            try journal.appendNow(entries(sequence...sequence))
            if sequence % 100 == 0 {
                let size = try FileManager.default.attributesOfItem(atPath: journal.path + "-wal")[.size] as? UInt64 ?? 0
                largest = max(largest, size)
            }
        }
        #expect(largest > 512 * 4096)
        // More pages may come while a background checkpoint (its sync: milliseconds, longer on a
        // busy machine) keeps the writer's from running. Without the writer's checkpoint: 6,000
        // pages (24.7 MB).
        #expect(largest <= 3072 * (4096 + 24) + 32, "the writer empties the WAL once it reaches 1,024 pages")
        #expect(try Journal(directory: directory, durability: .process).contents().entries.count == 6000)
    }

    /// Snapshots have a file and a writer of their own: one that cannot be written (another
    /// connection holds its file's write lock past `Journal.lockWait`) fails with an error naming
    /// that file, while commits go on; its entries stay, and recovery reads them after the
    /// snapshot before it.
    @Test func aSnapshotThatCannotBeWrittenDoesNotStopCommits() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let journal = try Journal(directory: directory, durability: .process)
        try journal.writeNow(try snapshot(through: 0))
        try journal.appendNow(entries(1...2))
        // Another connection holds the snapshots' write lock until the commits are done.
        let blocker = try DatabaseQueue(path: directory + "/snapshots.sqlite")
        let (locked, release) = (DispatchSemaphore(value: 0), DispatchSemaphore(value: 0))
        Thread {
            try? blocker.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    locked.signal()
                    release.wait()
                    return .rollback
                }
            }
        }.start()
        locked.wait()
        let pending = try snapshot(through: 2)
        var commitFailure: (any Error)?
        let failure = await withCheckedContinuation { (continuation: CheckedContinuation<String?, Never>) in
            journal.write(pending) { result in
                if case .failure(let error) = result { continuation.resume(returning: "\(error)") } else { continuation.resume(returning: nil) }
            }
            do {
                for sequence in Int64(3)...200 {
                    try journal.appendNow(entries(sequence...sequence))
                }
            } catch {
                commitFailure = error
            }
        }
        release.signal()
        #expect(commitFailure == nil, "\(commitFailure.map { "\($0)" } ?? "")")
        #expect(failure?.contains("snapshots.sqlite") == true && failure?.contains("locked") == true, "\(failure ?? "written")")
        try journal.appendNow(entries(201...201))
        let contents = try Journal(directory: directory, durability: .process).contents()
        #expect(contents.snapshot?.through == 0)
        #expect(contents.entries == entries(1...201))
    }

    @Test func aSnapshotDropsTheEntriesItIncludes() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let journal = try Journal(directory: directory, durability: .process)
        try journal.writeNow(try snapshot(through: 0))
        try await append(entries(1...4), to: journal)
        try await append(entries(5...6), to: journal)
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            journal.write(try! snapshot(through: 4)) { continuation.resume(with: $0.mapError { $0 as any Error }) }
        }
        let contents = try journal.contents()
        #expect(contents.snapshot?.through == 4)
        #expect(contents.entries == entries(5...6))
        #expect(try strings("SELECT sequence FROM entry") == ["6"])
        #expect(try count("SELECT count(*) FROM snapshot", in: "snapshots.sqlite") == 1)
        // The snapshot was copied into the file and the WAL emptied: a restart reads it from there.
        #expect(try FileManager.default.attributesOfItem(atPath: directory + "/snapshots.sqlite-wal")[.size] as? UInt64 == 0)
    }

    /// A snapshot that includes more entries than `Journal.dropChunk`: once its completion runs,
    /// every one of them is gone, and only they are.
    @Test func aSnapshotOfMoreEntriesThanOneChunkDropsEveryOneOfThem() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let journal = try Journal(directory: directory, durability: .process)
        try journal.writeNow(try snapshot(through: 0))
        let count = Int64(2) * Journal.dropChunk + 500
        for sequence in 1...count {
            try journal.appendNow(entries(sequence...sequence))
        }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            journal.write(try! snapshot(through: count - 50)) { continuation.resume(with: $0.mapError { $0 as any Error }) }
        }
        #expect(try self.count("SELECT count(*) FROM entry") == 50)
        #expect(try self.count("SELECT min(sequence) FROM entry") == Int(count - 49))
        #expect(try journal.contents().entries == entries((count - 49)...count))
    }

    /// The entries of a commit share one row, keyed by the last one's sequence.
    @Test func aCommitIsOneRow() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let journal = try Journal(directory: directory, durability: .process)
        try journal.writeNow(try snapshot(through: 0))
        try journal.appendNow(entries(1...64))
        try await append(entries(65...66), to: journal)
        try journal.appendNow(entries(67...67))
        #expect(try strings("SELECT sequence FROM entry ORDER BY sequence") == ["64", "66", "67"])
        #expect(try Journal(directory: directory, durability: .process).contents().entries == entries(1...67))
    }

    /// A snapshot taken inside a commit's row (the daemon takes them between commits) reads only
    /// the entries after it, and its drop keeps that row.
    @Test func aSnapshotInsideACommitsRowTakesTheRestOfIt() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let journal = try Journal(directory: directory, durability: .process)
        try journal.writeNow(try snapshot(through: 0))
        try journal.appendNow(entries(1...10))
        try journal.appendNow(entries(11...20))
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            journal.write(try! snapshot(through: 15)) { continuation.resume(with: $0.mapError { $0 as any Error }) }
        }
        #expect(try strings("SELECT sequence FROM entry") == ["20"])
        #expect(try journal.contents().entries == entries(16...20))
    }

    /// A damaged row is skipped and reported as the entries after the row before it, through its own.
    @Test func aCorruptedRowIsSkippedAndItsEntriesReported() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let journal = try Journal(directory: directory, durability: .process)
        try journal.writeNow(try snapshot(through: 0))
        try await append(entries(1...3), to: journal)
        try await append(entries(4...6), to: journal)
        try await append(entries(7...7), to: journal)
        try await append(entries(8...9), to: journal)
        try sqlite("UPDATE entry SET body = x'7b2273657175656e6365223a' WHERE sequence = 6")
        // Cut short: the count says two entries, the bytes hold one and part of the next.
        try sqlite("UPDATE entry SET body = substr(body, 1, length(body) - 3) WHERE sequence = 9")
        let contents = try Journal(directory: directory, durability: .process).contents()
        #expect(contents.entries.map(\.sequence) == [1, 2, 3, 7])
        #expect(contents.unreadable == [4...6, 8...9])
    }

    @Test func aJournalFromANewerVersionIsRefused() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try Journal(directory: directory, durability: .process)
        try sqlite("INSERT INTO grdb_migrations (identifier) VALUES ('v99')")
        #expect {
            _ = try Journal(directory: directory, durability: .process)
        } throws: { error in
            "\(error)".contains("was written by a newer acdd")
        }
    }

    @Test func aMissingDirectoryIsCreatedAndAFileInItsPlaceRefused() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let nested = directory + "/deeper/state"
        _ = try Journal(directory: nested, durability: .process)
        #expect(FileManager.default.fileExists(atPath: nested + "/journal.sqlite"))
        let file = directory + "/plain"
        #expect(FileManager.default.createFile(atPath: file, contents: Data()))
        #expect {
            _ = try Journal(directory: file, durability: .process)
        } throws: { error in
            "\(error)" == "state directory \(file): is not a directory"
        }
    }

    @Test(.enabled(if: geteuid() != 0, "root may write to any directory, so the refusal cannot be provoked"))
    func anUnwritableDirectoryIsAClearError() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        chmod(directory, 0o500)
        #expect {
            _ = try Journal(directory: directory, durability: .process)
        } throws: { error in
            "\(error)".hasPrefix("state directory \(directory): is not writable")
        }
    }

    /// An earlier acdd kept the records inside journal.sqlite: they move to records.sqlite, once.
    @Test func recordsKeptInTheJournalByAnEarlierVersionMoveToTheirOwnFile() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try Journal(directory: directory, durability: .process)
        try FileManager.default.removeItem(atPath: directory + "/records.sqlite")
        // The tables as records-v1 made them in the journal's file, before v4 moved them out.
        try sqlite("""
            DELETE FROM grdb_migrations WHERE identifier = 'v4-records-apart';
            CREATE TABLE records_call (
                call_id TEXT NOT NULL, arrived INTEGER NOT NULL, ordinal INTEGER NOT NULL, entered_system INTEGER NOT NULL,
                queue TEXT NOT NULL, final_queue TEXT NOT NULL, priority INTEGER NOT NULL, segment TEXT,
                service_level_ms INTEGER NOT NULL, answered INTEGER, agent TEXT, finished INTEGER NOT NULL, outcome TEXT NOT NULL,
                destination TEXT, hung_up_by TEXT, wait_ms INTEGER NOT NULL, talk_ms INTEGER NOT NULL, wrap_up_ms INTEGER NOT NULL,
                PRIMARY KEY (call_id, arrived, ordinal)) WITHOUT ROWID;
            CREATE TABLE records_agent_interval (
                agent TEXT NOT NULL, started INTEGER NOT NULL, ended INTEGER, activity TEXT NOT NULL, reason TEXT, call_id TEXT,
                PRIMARY KEY (agent, started)) WITHOUT ROWID;
            INSERT INTO records_call VALUES ('c1', 1000, 0, 1000, 'q', 'q', 0, NULL, 20000, 3000, 'a1', 9000, 'ended', NULL, 'caller', 2000, 6000, 0);
            INSERT INTO records_agent_interval VALUES ('a1', 1000, 3000, 'ready', NULL, NULL);
            """)
        for _ in 1...2 {
            _ = try Journal(directory: directory, durability: .process)
            #expect(try count("SELECT count(*) FROM sqlite_master WHERE name LIKE 'records_%'") == 0)
            let records = try DatabaseQueue(path: directory + "/records.sqlite")
            #expect(try records.read { db in try String.fetchAll(db, sql: "SELECT call_id || ' ' || outcome FROM records_call") } == ["c1 ended"])
            #expect(try records.read { db in try Int.fetchOne(db, sql: "SELECT ended FROM records_agent_interval") } == 3000)
        }
    }

    private func sqlite(_ sql: String) throws {
        try DatabaseQueue(path: directory + "/journal.sqlite").write { try $0.execute(sql: sql) }
    }

    private func strings(_ sql: String) throws -> [String] {
        try DatabaseQueue(path: directory + "/journal.sqlite").read { try String.fetchAll($0, sql: sql) }
    }

    private func count(_ sql: String, in file: String = "journal.sqlite") throws -> Int {
        try DatabaseQueue(path: directory + "/" + file).read { try Int.fetchOne($0, sql: sql) } ?? -1
    }
}
