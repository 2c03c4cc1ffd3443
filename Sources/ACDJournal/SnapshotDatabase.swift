import ACDCore
import Foundation
import GRDB

/// Snapshots of the engine in `snapshots.sqlite`, beside the journal in the state directory. A
/// database of its own, with its own writer thread (which encodes each snapshot too), so that
/// encoding and storing a snapshot never hold up the journal's commits, which replies wait for: a
/// snapshot is as large as the state (0.65 MB for 1,000 agents and a few hundred calls), and while
/// snapshots lived in the journal's file the event loop, which commits there, waited for each
/// one's transaction (futex waits of 13-80 ms on the loop in a syscall trace at 1,000 calls/s, a
/// snapshot every 10,000 entries).
final class SnapshotDatabase: Sendable {
    /// The snapshots' file.
    let path: String
    private let database: DatabaseQueue

    /// The file's name in the state directory.
    static let fileName = "snapshots.sqlite"

    /// A snapshot as stored: its entries' last sequence and its two encoded columns (see
    /// `SnapshotStorage`); `records` is nil in snapshots written before the journal's v5.
    struct Stored: Sendable {
        let through: Int64
        let body: Data
        let records: Data?

        init(_ row: Row) {
            through = row["through"]
            // A body that is not a blob (damage) reads as empty, and then fails to decode.
            body = Data.fromDatabaseValue(row["body"]) ?? Data()
            // `SELECT *`: a journal from before v5 has no `records` column.
            records = row.hasColumn("records") ? Data.fromDatabaseValue(row["records"]) : nil
        }
    }

    /// Opens (or creates) the snapshots' file in `directory`, which must exist.
    init(directory: String, synchronous: String) throws(JournalError) {
        path = Self.path(in: directory)
        let configuration = Journal.besideConfiguration(label: "acdd.snapshots", qos: .utility, synchronous: synchronous)
        database = try Journal.open(path, configuration, migrator: Self.migrator)
    }

    /// Where the snapshots of the state directory `directory` are.
    static func path(in directory: String) -> String {
        (directory as NSString).appendingPathComponent(fileName)
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            // The table the journal's file held until its v8, with the same columns.
            try db.create(table: "snapshot") { table in
                table.primaryKey("through", .integer)
                table.column("body", .blob).notNull()
                table.column("at", .integer)
                table.column("records", .blob)
            }
        }
        return migrator
    }

    /// The latest snapshot, nil when there is none.
    func latest() throws(JournalError) -> Stored? {
        do {
            return try database.read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM snapshot ORDER BY through DESC LIMIT 1").map(Stored.init)
            }
        } catch {
            throw .storage(path: path, reason: Journal.reason(error))
        }
    }

    /// Encodes `snapshot` and stores it, and drops the snapshots it makes unnecessary (see
    /// `store`), on this database's queue; `completion` gets the last entry no snapshot kept needs.
    func write(_ snapshot: JournalSnapshot, history: Duration?, completion: @escaping @Sendable (Result<Int64, JournalError>) -> Void) {
        database.asyncWriteWithoutTransaction { db in
            completion(Result { () throws(JournalError) in try self.encodeAndStore(snapshot, history: history, in: db) })
        }
    }

    /// `write`, on the caller's thread; returns the last entry no snapshot kept needs.
    func writeNow(_ snapshot: JournalSnapshot, history: Duration?) throws(JournalError) -> Int64 {
        try database.writeWithoutTransaction { db in
            Result { () throws(JournalError) in try self.encodeAndStore(snapshot, history: history, in: db) }
        }.get()
    }

    /// Encodes `snapshot` (see `SnapshotStorage`) and stores it with `storeAndEmptyLog`.
    private func encodeAndStore(_ snapshot: JournalSnapshot, history: Duration?, in db: Database) throws(JournalError) -> Int64 {
        let columns: (body: Data, records: Data?)
        do {
            columns = try SnapshotStorage.encode(snapshot)
        } catch {
            throw .storage(path: path, reason: "the snapshot cannot be encoded: \(error)")
        }
        do {
            return try Self.storeAndEmptyLog(snapshot, columns: columns, history: history, in: db)
        } catch {
            throw .storage(path: path, reason: Journal.reason(error))
        }
    }

    /// Stores the snapshot in one transaction, then copies it into the database file and empties
    /// the WAL: left in the WAL, a snapshot (40 MB with 100,000 calls) is read back at the next
    /// start from there, after SQLite has read the whole WAL to index it (the recovery benchmark's
    /// restart took 577 ms so, 472 and 355 ms with the WAL emptied).
    private static func storeAndEmptyLog(
        _ snapshot: JournalSnapshot, columns: (body: Data, records: Data?), history: Duration?, in db: Database
    ) throws -> Int64 {
        var through: Int64 = 0
        try db.inTransaction {
            through = try store(snapshot, columns: columns, history: history, in: db)
            return .commit
        }
        // A reader (`acdctl replay`) may keep the WAL from being emptied: the next snapshot's does.
        _ = try? db.checkpoint(.truncate)
        return through
    }

    /// Stores a snapshot and drops the snapshots no one needs any more: without a history, every
    /// older one; with one, those wholly before the history's start (the newest snapshot at or
    /// before the start stays, to replay from), and all but the newest snapshot of each hour.
    /// Returns the last entry no snapshot kept needs, for the caller to drop the entries up to it.
    private static func store(
        _ snapshot: JournalSnapshot, columns: (body: Data, records: Data?), history: Duration?, in db: Database
    ) throws -> Int64 {
        let through = snapshot.through
        let at = snapshot.engine.now.millisecondsSinceEpoch
        try db.execute(
            sql: "INSERT OR REPLACE INTO snapshot (through, body, at, records) VALUES (?, ?, ?, ?)",
            arguments: [through, columns.body, at, columns.records]
        )
        guard let history else {
            try db.execute(sql: "DELETE FROM snapshot WHERE through < ?", arguments: [through])
            return through
        }
        let start = at - history.milliseconds
        let anchor = try Int64.fetchOne(db, sql: "SELECT MAX(through) FROM snapshot WHERE at IS NOT NULL AND at <= ?", arguments: [start])
        if let anchor {
            try db.execute(sql: "DELETE FROM snapshot WHERE through < ?", arguments: [anchor])
        }
        try db.execute(sql: "DELETE FROM snapshot WHERE at IS NULL AND through <> ?", arguments: [through])
        try db.execute(sql: """
            DELETE FROM snapshot WHERE through NOT IN (SELECT MAX(through) FROM snapshot GROUP BY at / 3600000)
            """)
        return try Int64.fetchOne(db, sql: "SELECT MIN(through) FROM snapshot") ?? through
    }

    /// The newest snapshot in `db` taken at or before `millisecondsSinceEpoch`.
    static func newest(atOrBefore millisecondsSinceEpoch: Int64, in db: Database) throws -> Stored? {
        try Row.fetchOne(
            db, sql: "SELECT * FROM snapshot WHERE at IS NOT NULL AND at <= ? ORDER BY through DESC LIMIT 1",
            arguments: [millisecondsSinceEpoch]
        ).map(Stored.init)
    }

    /// Whether `db` still holds the snapshot through `through` (a running acdd drops old ones).
    static func contains(through: Int64, in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM snapshot WHERE through = ?)", arguments: [through]) ?? false
    }

    /// When the oldest snapshot in `db` that says when it was taken was, in milliseconds since 1970.
    static func earliest(in db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT MIN(at) FROM snapshot WHERE at IS NOT NULL")
    }

    /// Copies the snapshots an earlier acdd kept inside the journal's own file into this one; the
    /// journal's `v8-snapshots-apart` migration, which runs next, drops them there. Copying again
    /// (a crash in between) rewrites the same rows. Done on the journal's own connection, as
    /// `RecordDatabase.adoptRecords` is.
    func adoptSnapshots(fromJournal journal: DatabaseQueue) throws(JournalError) {
        let path = path
        do {
            try journal.writeWithoutTransaction { db in
                guard try db.tableExists("snapshot", in: "main") else { return }
                try db.execute(sql: "ATTACH DATABASE ? AS snapshots", arguments: [path])
                defer { try? db.execute(sql: "DETACH DATABASE snapshots") }
                // A journal from before v3 or v5 lacks `at` or `records`: they stay empty here.
                let columns = try db.columns(in: "snapshot", in: "main").map { "\"\($0.name)\"" }.joined(separator: ", ")
                try db.execute(sql: "INSERT OR REPLACE INTO snapshots.snapshot (\(columns)) SELECT \(columns) FROM main.snapshot")
            }
        } catch {
            throw .storage(path: path, reason: "the snapshots in \(journal.path) cannot be moved here: \(Journal.reason(error))")
        }
    }
}
