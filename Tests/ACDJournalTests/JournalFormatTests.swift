import ACDCore
@testable import ACDJournal
import ACDRecords
import Foundation
import GRDB
import Testing

/// Journals written before the binary form (v1, JSON bodies) still recover, and go on with packed
/// entries and binary snapshots; an acdd that knows only v1 refuses the result rather than
/// misreading it.
struct JournalFormatTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("acdd-format-\(UUID().uuidString.prefix(8))").path

    /// A journal as acdd wrote it before the binary form: v1 tables, JSON bodies.
    func writeVersion1Journal(snapshot: JournalSnapshot, entries: [JournalEntry]) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let database = try DatabaseQueue(path: directory + "/journal.sqlite")
        try database.write { db in
            try db.execute(sql: """
                CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                INSERT INTO grdb_migrations VALUES ('v1');
                CREATE TABLE entry (sequence INTEGER PRIMARY KEY, body BLOB NOT NULL);
                CREATE TABLE snapshot (through INTEGER PRIMARY KEY, body BLOB NOT NULL);
                """)
            try db.execute(sql: "INSERT INTO snapshot VALUES (?, ?)", arguments: [snapshot.through, JSONEncoder().encode(snapshot)])
            for entry in entries {
                try db.execute(sql: "INSERT INTO entry VALUES (?, ?)", arguments: [entry.sequence, JSONEncoder().encode(entry)])
            }
        }
    }

    func entries(_ range: ClosedRange<Int64>) -> [JournalEntry] {
        range.map { JournalEntry(sequence: $0, at: .seconds(1000 + $0), command: .enqueue(NewCall(id: CallID("c\($0)"), queue: "sales")), owner: "0/pbx") }
    }

    @Test func aVersion1JournalRecoversAndGoesOnInTheBinaryForm() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var run = RandomCenterRun(seed: 3)
        var engine = try RandomCenterRun.engine(seed: 3)
        for _ in 0..<300 {
            _ = RandomCenterRun.apply(run.nextAction(for: engine), to: &engine)
        }
        let snapshot = JournalSnapshot(through: 0, configuration: RandomCenterRun.configuration, engine: engine, callOwners: ["c1": "0/pbx"])
        try writeVersion1Journal(snapshot: snapshot, entries: entries(1...3))

        let journal = try Journal(directory: directory, durability: .process)
        // The snapshot moved to snapshots.sqlite as it was (JSON).
        #expect(try firstBytes("SELECT body FROM snapshot", in: "snapshots.sqlite") == [UInt8(ascii: "{")])
        #expect(try await DatabaseQueue(path: directory + "/journal.sqlite").read { db in try db.tableExists("snapshot") } == false)
        let contents = try journal.contents()
        #expect(contents.entries == entries(1...3))
        #expect(contents.unreadable.isEmpty)
        #expect(contents.snapshot?.callOwners == ["c1": "0/pbx"])
        var recovered = try #require(contents.snapshot).engine
        #expect(recovered.nextDeadline == engine.nextDeadline)
        for _ in 0..<200 {
            let action = run.nextAction(for: engine)
            #expect(RandomCenterRun.apply(action, to: &recovered) == RandomCenterRun.apply(action, to: &engine))
        }

        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            journal.append(entries(4...5)) { continuation.resume(with: $0.mapError { $0 as any Error }) }
        }
        #expect(try Journal(directory: directory, durability: .process).contents().entries == entries(1...5))
        #expect(try firstBytes("SELECT body FROM entry ORDER BY sequence") == [UInt8(ascii: "{"), UInt8(ascii: "{"), UInt8(ascii: "{"), 3])
        #expect(try migrations() == [
            "records-v1", "v1", "v2-binary-bodies", "v3-snapshot-instant", "v4-records-apart", "v5-packed-snapshots", "v6-packed-entries",
            "v7-entry-batches", "v8-snapshots-apart",
        ])

        try journal.writeNow(JournalSnapshot(through: 5, configuration: RandomCenterRun.configuration, engine: engine, callOwners: [:]))
        #expect(try firstBytes("SELECT body FROM snapshot", in: "snapshots.sqlite") == [1])
        let afterSnapshot = try Journal(directory: directory, durability: .process).contents()
        #expect(afterSnapshot.snapshot?.through == 5)
        #expect(afterSnapshot.entries.isEmpty)
    }

    /// Rows of one packed entry each, as v6 wrote them, are read with the rows of a commit that
    /// follow them.
    @Test func aVersion6JournalsRowsAreReadWithTheCommitsAfterThem() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let journal = try Journal(directory: directory, durability: .process)
        try journal.writeNow(JournalSnapshot(through: 0, configuration: RandomCenterRun.configuration, engine: try RandomCenterRun.engine(seed: 1), callOwners: [:]))
        try DatabaseQueue(path: directory + "/journal.sqlite").write { db in
            for entry in entries(1...3) {
                try db.execute(sql: "INSERT INTO entry (sequence, body) VALUES (?, ?)", arguments: [entry.sequence, JournalBody.encode(entry)])
            }
        }
        try journal.appendNow(entries(4...6))
        #expect(try firstBytes("SELECT body FROM entry ORDER BY sequence") == [2, 2, 2, 3])
        let contents = try Journal(directory: directory, durability: .process).contents()
        #expect(contents.entries == entries(1...6))
        #expect(contents.unreadable.isEmpty)
    }

    @Test func anEntryInAnUnknownFormatIsSkippedAndReported() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let journal = try Journal(directory: directory, durability: .process)
        try journal.writeNow(JournalSnapshot(through: 0, configuration: RandomCenterRun.configuration, engine: try RandomCenterRun.engine(seed: 1), callOwners: [:]))
        for sequence in Int64(1)...3 {
            try journal.appendNow(entries(sequence...sequence))
        }
        try await DatabaseQueue(path: directory + "/journal.sqlite").write { db in
            try db.execute(sql: "UPDATE entry SET body = CAST(x'07' || substr(body, 2) AS BLOB) WHERE sequence = 1")
            try db.execute(sql: "UPDATE entry SET body = 42 WHERE sequence = 3")
        }
        let contents = try Journal(directory: directory, durability: .process).contents()
        #expect(contents.entries == entries(2...2))
        #expect(contents.unreadable == [1...1, 3...3])
    }

    private func firstBytes(_ sql: String, in file: String = "journal.sqlite") throws -> [UInt8] {
        try DatabaseQueue(path: directory + "/" + file).read { db in
            try Data.fetchAll(db, sql: sql).map { $0.first ?? 0 }
        }
    }

    private func migrations() throws -> [String] {
        try DatabaseQueue(path: directory + "/journal.sqlite").read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
        }
    }

    /// A records file written by an earlier version goes through the migrations it lacks when the
    /// journal opens, and says which; a new one, or one already up to date, says nothing.
    @Test func anOlderRecordsFileReportsItsUpgrade() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        #expect(try Journal(directory: directory, durability: .process).records.upgrade == nil)
        try FileManager.default.removeItem(atPath: directory)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var migrator = DatabaseMigrator()
        RecordStore.registerMigrations(in: &migrator)
        try migrator.migrate(try DatabaseQueue(path: directory + "/records.sqlite"), upTo: "records-dialing")
        let upgrade = try #require(try Journal(directory: directory, durability: .process).records.upgrade)
        #expect(upgrade.migrations == ["records-arrival-order", "records-transfer-index-equalities"] && upgrade.milliseconds >= 0)
        #expect(try Journal(directory: directory, durability: .process).records.upgrade == nil)
    }
}
