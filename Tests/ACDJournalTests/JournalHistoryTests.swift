import ACDCore
import ACDJournal
import Foundation
import GRDB
import Testing

/// With a history, the journal keeps what a replay of a past instant needs (the snapshot before
/// it, the newest of each hour, the entries after); without one, only what recovery needs.
struct JournalHistoryTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("acdd-history-\(UUID().uuidString.prefix(8))").path
    static let configuration = JournalTests.configuration
    static let minute: Int64 = 60_000

    /// A snapshot through `through` whose engine stands at `minutes` past the epoch.
    func snapshot(through: Int64, minutes: Int64) throws -> JournalSnapshot {
        JournalSnapshot(
            through: through, configuration: Self.configuration,
            engine: try RoutingEngine(configuration: Self.configuration, start: Instant(millisecondsSinceEpoch: minutes * Self.minute)),
            callOwners: [:]
        )
    }

    /// One entry a minute: entry N at minute N.
    func entries(_ range: ClosedRange<Int64>) -> [JournalEntry] {
        range.map { JournalEntry(sequence: $0, at: Instant(millisecondsSinceEpoch: $0 * Self.minute), command: .enqueue(NewCall(id: CallID("c\($0)"), queue: "q"))) }
    }

    func fill(_ journal: Journal, snapshotsAt minutes: [Int64], through last: Int64) async throws {
        var written: Int64 = 0
        for minute in minutes {
            if minute > written {
                try await append(entries((written + 1)...minute), to: journal)
                written = minute
            }
            try journal.writeNow(try snapshot(through: minute, minutes: minute))
        }
        if last > written { try await append(entries((written + 1)...last), to: journal) }
    }

    func append(_ entries: [JournalEntry], to journal: Journal) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            journal.append(entries) { continuation.resume(with: $0.mapError { $0 as any Error }) }
        }
    }

    @Test func aPastInstantComesBackFromTheSnapshotBeforeItAndTheEntriesUpToIt() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let journal = try Journal(directory: directory, durability: .process, history: .seconds(2 * 3600))
        // Snapshots at minutes 10, 40, 70, 90, 130, 200, 245; entries one a minute up to 250.
        try await fill(journal, snapshotsAt: [10, 40, 70, 90, 130, 200, 245], through: 250)
        let history = try JournalHistory(directory: directory)
        // The window starts at 245 - 120 = 125 minutes: the newest snapshot at or before it is 90's
        // (it stays, to replay from; 10, 40 and 70 go). 90, 130, 200 and 245 are each alone in
        // their hour (1, 2, 3, 4), so all four stay.
        #expect(try history.earliest() == Instant(millisecondsSinceEpoch: 90 * Self.minute))
        let then = try #require(try history.state(at: Instant(millisecondsSinceEpoch: 125 * Self.minute + 30_000)))
        #expect(then.snapshot?.through == 90)
        #expect(then.entries.map(\.sequence) == Array(91...125))
        #expect(try history.state(at: Instant(millisecondsSinceEpoch: 80 * Self.minute)) == nil)
        let latest = try #require(try history.state(at: Instant(millisecondsSinceEpoch: 300 * Self.minute)))
        #expect(latest.snapshot?.through == 245)
        #expect(latest.entries.map(\.sequence) == Array(246...250))
        // Recovery is unchanged: the latest snapshot and the entries after it.
        #expect(try journal.contents().snapshot?.through == 245)
        #expect(try journal.contents().entries.map(\.sequence) == Array(246...250))
    }

    @Test func theNewestSnapshotOfEachHourStays() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let journal = try Journal(directory: directory, durability: .process, history: .seconds(24 * 3600))
        try await fill(journal, snapshotsAt: [5, 20, 50, 65, 70, 119], through: 120)
        let history = try JournalHistory(directory: directory)
        // Hour 0 keeps 50, hour 1 keeps 119; 5, 20, 65 and 70 go.
        #expect(try history.state(at: Instant(millisecondsSinceEpoch: 60 * Self.minute))?.snapshot?.through == 50)
        #expect(try history.state(at: Instant(millisecondsSinceEpoch: 118 * Self.minute))?.snapshot?.through == 50)
        #expect(try history.state(at: Instant(millisecondsSinceEpoch: 49 * Self.minute)) == nil)
    }

    @Test func withoutAHistoryOnlyTheLatestSnapshotStays() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let journal = try Journal(directory: directory, durability: .process)
        try await fill(journal, snapshotsAt: [10, 20, 30], through: 35)
        let history = try JournalHistory(directory: directory)
        #expect(try history.earliest() == Instant(millisecondsSinceEpoch: 30 * Self.minute))
        #expect(try history.state(at: Instant(millisecondsSinceEpoch: 25 * Self.minute)) == nil)
        #expect(try history.state(at: Instant(millisecondsSinceEpoch: 40 * Self.minute))?.entries.map(\.sequence) == Array(31...35))
    }

    /// Snapshots an acdd before v8 kept inside journal.sqlite are read there by a replay (beside
    /// such an acdd still running), and move to snapshots.sqlite, every one as it was, at the first
    /// start of this one.
    @Test func snapshotsKeptInTheJournalAreReadThereAndMoveToTheirOwnFile() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            let journal = try Journal(directory: directory, durability: .process, history: .seconds(24 * 3600))
            try await fill(journal, snapshotsAt: [50, 119], through: 120)
        }
        // Back to the layout before v8: the snapshots in the journal's own table.
        let snapshots = directory + "/snapshots.sqlite"
        try await DatabaseQueue(path: directory + "/journal.sqlite").writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS s", arguments: [snapshots])
            try db.execute(sql: """
                CREATE TABLE main.snapshot (through INTEGER PRIMARY KEY, body BLOB NOT NULL, at INTEGER, records BLOB);
                INSERT INTO main.snapshot SELECT through, body, at, records FROM s.snapshot;
                DELETE FROM main.grdb_migrations WHERE identifier = 'v8-snapshots-apart';
                DETACH DATABASE s;
                """)
        }
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: snapshots + suffix)
        }
        func expectPastInstantsRebuilt() throws {
            let history = try JournalHistory(directory: directory)
            #expect(try history.earliest() == Instant(millisecondsSinceEpoch: 50 * Self.minute))
            let then = try #require(try history.state(at: Instant(millisecondsSinceEpoch: 100 * Self.minute)))
            #expect(then.snapshot?.through == 50 && then.entries.map(\.sequence) == Array(51...100))
        }
        try expectPastInstantsRebuilt()

        let journal = try Journal(directory: directory, durability: .process, history: .seconds(24 * 3600))
        #expect(try await DatabaseQueue(path: directory + "/journal.sqlite").read { db in try db.tableExists("snapshot") } == false)
        #expect(try await DatabaseQueue(path: snapshots).read { db in try Int64.fetchAll(db, sql: "SELECT through FROM snapshot ORDER BY through") } == [50, 119])
        try expectPastInstantsRebuilt()
        #expect(try journal.contents().snapshot?.through == 119)
        #expect(try journal.contents().entries.map(\.sequence) == [120])
    }

    @Test func aMissingJournalIsAClearError() {
        #expect(throws: JournalError.self) { try JournalHistory(directory: directory) }
    }
}
