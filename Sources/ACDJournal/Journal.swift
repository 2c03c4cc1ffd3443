import ACDCore
import ACDRecords
import Foundation
import GRDB
import Synchronization

/// The write-ahead journal: an SQLite database (WAL mode, through GRDB) in the state directory
/// holding every state-changing input after the latest snapshot of the engine, which is kept in a
/// database of its own beside it (`SnapshotDatabase`). Writes run
/// on the database's own serial queue, never on the caller's thread; the caller hands over a batch
/// of entries and learns when it is durable, so many inputs share one commit (group commit).
public final class Journal: Sendable {
    /// The journal file.
    public let path: String

    /// Where the journal of the state directory `directory` is.
    public static func path(in directory: String) -> String {
        (directory as NSString).appendingPathComponent("journal.sqlite")
    }
    /// What a commit survives.
    public let durability: Durability
    private let database: DatabaseQueue
    /// A second connection that checkpoints the WAL into the database file in the background,
    /// every `backgroundCheckpointEvery` commits and after each snapshot, so that the copying and
    /// the sync a checkpoint needs mostly happen away from the writer.
    private let checkpointer: DatabaseQueue
    /// Commits since the last background checkpoint began (any thread commits: a lock).
    private let commitsSinceCheckpoint = Mutex(0)
    /// About 2 MB of WAL: each commit writes at least one 4 KB page.
    private static let backgroundCheckpointEvery = 512
    /// The writer's own checkpoint, by default after the commit that brings the WAL to this many
    /// pages (64 MB): the background checkpoints have copied most of it, so it copies the rest and
    /// syncs the WAL and the database file; being the only writer then, it empties the WAL, which
    /// the next commit starts again from the beginning. Background checkpoints alone cannot:
    /// commits keep coming while they run, and the WAL grew without end under a steady load (150 MB
    /// in 20 s at 1,000 calls/s). The writer is the event loop, which waits meanwhile (the two
    /// syncs took 4-10 ms here), so the larger the WAL may grow, the rarer that wait: at 16 MB it
    /// came about three times a second at 1,000 calls/s.
    public static let defaultCheckpointPages = 16384
    /// How long a write waits for a lock of the WAL that another connection holds: one reading
    /// the journal (the background checkpoint, `acdctl replay`) takes the WAL's write lock for a
    /// moment when it reads the WAL's header while a commit rewrites it. Without a wait, the
    /// commit failed at once with "database is locked", which refuses new calls until a retry a
    /// second later (the journal benchmark's single-entry commits, beside the background
    /// checkpoints, failed so in each of two runs).
    static let lockWait: TimeInterval = 0.1

    /// How far back snapshots and entries are kept for replaying a past instant; nil keeps only
    /// what recovery needs (the latest snapshot and the entries after it).
    private let history: Duration?

    /// Call records and agent intervals, in a file of their own beside the journal.
    public let records: RecordDatabase
    /// Snapshots, in a file of their own beside the journal.
    private let snapshots: SnapshotDatabase
    /// Held while the journal is open: one daemon per state directory.
    private let lock: StateDirectoryLock

    /// Opens (or creates) `journal.sqlite` in `directory`, creating the directory if it is missing,
    /// once it holds the directory's lock (`StateDirectoryLock`: another process holding it is an error).
    /// With a `history`, snapshots (the newest of each hour) and entries of that span are kept.
    /// `checkpointPages` is the WAL's size, in 4 KB pages, at which the writer empties it.
    public init(
        directory: String, durability: Durability, history: Duration? = nil, checkpointPages: Int = Journal.defaultCheckpointPages
    ) throws(JournalError) {
        // Before the first connection: it cannot be changed after.
        _ = SQLiteTuning.memoryStatisticsOff
        self.history = history
        self.durability = durability
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw .directory(path: directory, reason: "cannot be created: \(Self.reason(error))")
            }
        } else if !isDirectory.boolValue {
            throw .directory(path: directory, reason: "is not a directory")
        }
        guard access(directory, W_OK | X_OK) == 0 else {
            throw .directory(path: directory, reason: "is not writable: \(String(cString: strerror(errno)))")
        }
        lock = try StateDirectoryLock(directory: directory)
        path = Self.path(in: directory)
        let synchronous = durability == .power ? "FULL" : "NORMAL"
        let records = try RecordDatabase(directory: directory, synchronous: synchronous)
        self.records = records
        let snapshots = try SnapshotDatabase(directory: directory, synchronous: synchronous)
        self.snapshots = snapshots
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.label = "acdd.journal"
        configuration.busyMode = .timeout(Self.lockWait)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(synchronous)")
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(checkpointPages)")
            // The WAL file, once emptied, is cut back to this size (it is reused from its start).
            try db.execute(sql: "PRAGMA journal_size_limit = \(checkpointPages * 4096)")
        }
        database = try Self.open(path, configuration, migrator: Self.migrator) { journal throws(JournalError) in
            try records.adoptRecords(fromJournal: journal)
            try snapshots.adoptSnapshots(fromJournal: journal)
        }
        var checkpointing = Configuration()
        checkpointing.label = "acdd.journal.checkpoint"
        checkpointing.qos = .utility
        do {
            checkpointer = try DatabaseQueue(path: path, configuration: checkpointing)
        } catch {
            throw .storage(path: path, reason: Self.reason(error))
        }
    }

    /// How a database beside the journal (records, snapshots) is opened: WAL, the journal's
    /// synchronous setting and lock wait, its writes on a queue of `qos`.
    static func besideConfiguration(label: String, qos: DispatchQoS, synchronous: String) -> Configuration {
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.label = label
        configuration.busyMode = .timeout(lockWait)
        configuration.qos = qos
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(synchronous)")
        }
        return configuration
    }

    /// Opens the database at `path` and brings it to the latest version of `migrator`, after
    /// `beforeMigrating`; a database with a migration this version does not know (written by a
    /// newer acdd) is refused.
    static func open(
        _ path: String, _ configuration: Configuration, migrator: DatabaseMigrator,
        beforeMigrating: (DatabaseQueue) throws(JournalError) -> Void = { _ in }
    ) throws(JournalError) -> DatabaseQueue {
        do {
            let database = try DatabaseQueue(path: path, configuration: configuration)
            guard try !database.read({ db in try migrator.hasBeenSuperseded(db) }) else {
                throw JournalError.newerFormat(path: path)
            }
            try beforeMigrating(database)
            try migrator.migrate(database)
            return database
        } catch let error as JournalError {
            throw error
        } catch {
            throw .storage(path: path, reason: reason(error))
        }
    }

    /// The journal's format, one migration per version. A journal with a migration this version
    /// does not know was written by a newer acdd.
    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "entry") { table in
                table.primaryKey("sequence", .integer)
                table.column("body", .blob).notNull()
            }
            try db.create(table: "snapshot") { table in
                table.primaryKey("through", .integer)
                table.column("body", .blob).notNull()
            }
        }
        // Bodies are written in the binary form from here on (see `JournalBody`); the tables stay
        // as they are, and v1's JSON bodies are still read. An acdd that knows only v1 cannot
        // read binary bodies: this migration makes it refuse the journal as a newer one.
        migrator.registerMigration("v2-binary-bodies") { _ in }
        // Call records and agent intervals lived here, written with the entries, until v4.
        migrator.registerMigration("records-v1") { _ in }
        // The engine's instant of each snapshot, to find the one to replay a past instant from.
        migrator.registerMigration("v3-snapshot-instant") { db in
            try db.alter(table: "snapshot") { table in table.add(column: "at", .integer) }
        }
        // The records moved to records.sqlite (`RecordDatabase.adoptRecords` copied them there).
        migrator.registerMigration("v4-records-apart") { db in
            for table in RecordStore.tables {
                try db.execute(sql: "DROP TABLE IF EXISTS \(table)")
            }
        }
        // Snapshots hold the engine's and the record keeper's large tables packed (the binary
        // form's `packed` values), and the keeper in a column of its own (see `SnapshotStorage`);
        // bodies without packed values, holding the keeper, are still read. An acdd that knows
        // neither refuses the journal as newer.
        migrator.registerMigration("v5-packed-snapshots") { db in
            try db.alter(table: "snapshot") { table in table.add(column: "records", .blob) }
        }
        // Entries are written in their packed form (`JournalBody.Format.packedEntry`); entries
        // in the binary form are still read. An acdd that knows only v5 would take packed entries
        // for damaged ones: this migration makes it refuse the journal as newer.
        migrator.registerMigration("v6-packed-entries") { _ in }
        // The entries of a commit share one row, keyed by the last one's sequence
        // (`JournalBody.Format.packedEntries`); rows of one entry are still read. An acdd that
        // knows only v6 would take such rows for damaged ones: this migration makes it refuse the
        // journal as newer.
        migrator.registerMigration("v7-entry-batches") { _ in }
        // The snapshots moved to snapshots.sqlite (`SnapshotDatabase.adoptSnapshots` copied them
        // there), so that storing one never holds up a commit.
        migrator.registerMigration("v8-snapshots-apart") { db in
            try db.execute(sql: "DROP TABLE IF EXISTS snapshot")
        }
        return migrator
    }

    /// The latest snapshot and the entries after it. A row that cannot be decoded (a torn or
    /// corrupted write) is skipped and its entries reported in `unreadable`; a snapshot that cannot
    /// be is an error. The snapshot is read, then the rows after it; then the snapshot and the
    /// entries (in chunks of rows) decode on every thread there is.
    public func contents() throws(JournalError) -> JournalContents {
        let snapshotsPath = snapshots.path
        let stored = try snapshots.latest()
        let snapshotColumns = stored.map { (body: $0.body, records: $0.records) }
        let through = stored?.through ?? 0
        let entryRows: [(sequence: Int64, body: Data)]
        do {
            entryRows = try database.read { db in try Self.entryRows(after: through, in: db) }
        } catch {
            throw .storage(path: path, reason: Self.reason(error))
        }
        let decodedSnapshot = Mutex<Result<JournalSnapshot?, JournalError>>(.success(nil))
        let decodedRecords = Mutex<Result<RecordKeeper?, JournalError>>(.success(nil))
        // The rows decode in chunks, spread with the snapshot's two halves over the threads.
        let chunkSize = 512
        let chunks = (entryRows.count + chunkSize - 1) / chunkSize
        let decodedChunks = Mutex<[JournalContents.Entries]>(Array(repeating: .init(), count: chunks))
        DispatchQueue.concurrentPerform(iterations: 2 + chunks) { part in
            switch part {
            case 0:
                guard let body = snapshotColumns?.body else { return }
                let result = Result { () throws(JournalError) in
                    do {
                        return try JournalBody.decode(JournalSnapshot.self, from: body)
                    } catch {
                        throw .unreadableSnapshot(path: snapshotsPath, reason: "\(error)")
                    }
                }
                decodedSnapshot.withLock { $0 = result.map { $0 } }
            case 1:
                guard let records = snapshotColumns?.records else { return }
                let result = Result { () throws(JournalError) in
                    do {
                        return try SnapshotStorage.decodeRecords(records)
                    } catch {
                        throw .unreadableSnapshot(path: snapshotsPath, reason: "its records: \(error)")
                    }
                }
                decodedRecords.withLock { $0 = result.map { $0 } }
            default:
                let start = (part - 2) * chunkSize
                let rows = entryRows[start..<min(start + chunkSize, entryRows.count)]
                let decoded = JournalContents.Entries(rows: rows, after: start == 0 ? through : entryRows[start - 1].sequence)
                decodedChunks.withLock { $0[part - 2] = decoded }
            }
        }
        var snapshot = try decodedSnapshot.withLock { $0 }.get()
        if let records = try decodedRecords.withLock({ $0 }).get() {
            snapshot?.records = records
        }
        return decodedChunks.withLock { chunks in
            JournalContents(snapshot: snapshot, entries: chunks.flatMap(\.entries), unreadable: chunks.flatMap(\.unreadable))
        }
    }

    /// The rows of entries after `through`, in order: a row's `sequence` is its last entry's.
    static func entryRows(after through: Int64, in db: Database) throws -> [(sequence: Int64, body: Data)] {
        var entries: [(sequence: Int64, body: Data)] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT sequence, body FROM entry WHERE sequence > ? ORDER BY sequence", arguments: [through])
        while let row = try rows.next() {
            // A body that is not a blob (damage) reads as empty, and is then reported unreadable.
            entries.append((row[0], Data.fromDatabaseValue(row[1]) ?? Data()))
        }
        return entries
    }

    /// Writes `entries` in one transaction on the journal's queue; `completion` runs there once
    /// they are durable, or with the error that kept them from being written (then none of them is).
    public func append(_ entries: [JournalEntry], completion: @escaping @Sendable (Result<Void, JournalError>) -> Void) {
        let path = path
        // The commit's one insert is a transaction by itself, as in `appendNow`.
        database.asyncWriteWithoutTransaction { db in
            let result = Result { try Self.insert(entries, in: db) }
            completion(result.mapError { .storage(path: path, reason: Self.reason($0)) })
            self.committed()
        }
    }

    /// Writes `entries` in one transaction on the caller's thread, once the journal's queue is free
    /// (a snapshot being stored holds it); when it returns they are durable, and when it throws
    /// none of them is. For `process` durability, whose commits only write to the file system:
    /// that costs less than handing the batch to another thread and back.
    public func appendNow(_ entries: [JournalEntry]) throws(JournalError) {
        do {
            // The commit's one insert is a transaction by itself.
            try database.writeWithoutTransaction { db in try Self.insert(entries, in: db) }
        } catch {
            throw .storage(path: path, reason: Self.reason(error))
        }
        committed()
    }

    /// Counts a commit, and starts a background checkpoint every `backgroundCheckpointEvery`.
    private func committed() {
        let due = commitsSinceCheckpoint.withLock { count in
            count += 1
            guard count >= Self.backgroundCheckpointEvery else { return false }
            count = 0
            return true
        }
        if due { checkpointInBackground() }
    }

    /// Copies the WAL into the database file from the checkpointing connection, without holding
    /// up the writer.
    private func checkpointInBackground() {
        checkpointer.asyncWriteWithoutTransaction { db in
            _ = try? db.checkpoint(.passive)
        }
    }

    /// Inserts the entries as one row, keyed by the last one's sequence, their packed forms one
    /// after the other in its body (`JournalBody.write(_:into:)`): one insert per commit, however
    /// many entries it holds (a row per entry cost about 0.6 us more per entry: 1.62 against
    /// 1.04 ms per 1,000 entries committed 16 at a time, `JournalBenchmarks`). Bound and stepped
    /// through SQLite's own calls (`BoundStatement`): GRDB's argument arrays cost more than the
    /// insert itself. The entries must come in order, after those written before (the row's key,
    /// the last sequence, is unique: a commit ending at a written sequence is refused).
    private static func insert(_ entries: [JournalEntry], in db: Database) throws {
        guard let last = entries.last else { return }
        if let (earlier, later) = JournalBody.firstOutOfOrder(entries) {
            throw DatabaseError(resultCode: .SQLITE_CONSTRAINT, message: "entry \(later) after entry \(earlier): out of order")
        }
        var body = PackedWriter()
        try JournalBody.write(entries, into: &body)
        try BoundStatement(db, sql: "INSERT INTO entry (sequence, body) VALUES (?, ?)").run { values in
            values.add(last.sequence)
            values.add(body.bytes)
        }
    }

    /// Writes `snapshot` into the snapshots' file and drops the snapshots it makes unnecessary
    /// (see `SnapshotDatabase`), on that file's own writer: appends go on meanwhile; then drops
    /// the entries it includes, `dropChunk` at a time (see `dropEntries`), and checkpoints the WAL;
    /// `completion` runs once all that is done.
    public func write(_ snapshot: JournalSnapshot, completion: @escaping @Sendable (Result<Void, JournalError>) -> Void) {
        snapshots.write(snapshot, history: history) { result in
            switch result {
            case .success(let through):
                self.dropEntries(through: through) {
                    completion(.success(()))
                    self.checkpointInBackground()
                }
            case .failure(let error):
                completion(.failure(error))
            }
        }
    }

    /// Entries dropped in one transaction after a snapshot (and the rest of the last one's row).
    public static let dropChunk: Int64 = 1_000

    /// Deletes the entries up to `through`, the rows of about `dropChunk` per transaction (a row
    /// goes once its last entry is in the chunk), each queued once the one before it is done: the
    /// writer (the event loop, which appends on the same connection) then waits for one chunk at
    /// the most, about half a millisecond, instead of one transaction that deleted every entry of
    /// the snapshot (10,000 by default: 4-5 ms in a measurement of the same table). Entries left
    /// at or before a snapshot are never read (recovery and replay read after it), so a crash
    /// midway loses nothing; the next snapshot drops them. A failed chunk stops the dropping: the
    /// next snapshot does it. `done` runs at the end, on the journal's queue.
    private func dropEntries(through: Int64, done: @escaping @Sendable () -> Void) {
        database.asyncWrite({ db in
            guard let first = try Int64.fetchOne(db, sql: "SELECT MIN(sequence) FROM entry"), first <= through else { return false }
            try db.execute(sql: "DELETE FROM entry WHERE sequence <= ?", arguments: [min(through, first + Self.dropChunk - 1)])
            return first + Self.dropChunk - 1 < through
        }, completion: { _, result in
            guard case .success(true) = result else { return done() }
            self.dropEntries(through: through, done: done)
        })
    }

    /// Writes `snapshot` at once (at start, before anything else is written), and drops the
    /// entries it includes.
    public func writeNow(_ snapshot: JournalSnapshot) throws(JournalError) {
        let through = try snapshots.writeNow(snapshot, history: history)
        do {
            try database.write { db in
                try db.execute(sql: "DELETE FROM entry WHERE sequence <= ?", arguments: [through])
            }
        } catch {
            throw .storage(path: path, reason: Self.reason(error))
        }
    }

    static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return error.message ?? "\(error.resultCode)"
        }
        return (error as NSError).localizedDescription
    }
}
