public import ACDCore
public import ACDRecords
import Foundation
import GRDB

/// Call records and agent intervals in `records.sqlite`, beside the journal in the state
/// directory. A database of its own, with its own writer thread, so that writing records never
/// delays the journal's commits that replies wait for. Records may lag the journal: the latest
/// snapshot is written only once the records of everything it includes are written (the executor
/// sees to it), so replaying the entries after it writes again whatever a crash lost.
public final class RecordDatabase: Sendable {
    /// The records' file.
    public let path: String
    private let database: DatabaseQueue

    /// The file's name in the state directory.
    public static let fileName = "records.sqlite"

    /// The migrations an existing file went through when it was opened, in order, and how long
    /// they took (a rebuild of large tables can take a while); nil when there were none or the file
    /// was new.
    public let upgrade: (migrations: [String], milliseconds: Int64)?

    /// Opens (or creates) the records' file in `directory`, which must exist.
    init(directory: String, synchronous: String) throws(JournalError) {
        path = (directory as NSString).appendingPathComponent(Self.fileName)
        // Below the event loop, like the call recorder that writes through it.
        let configuration = Journal.besideConfiguration(label: "acdd.records", qos: .background, synchronous: synchronous)
        let migrator = Self.migrator
        var applied: Set<String> = []
        let started = ContinuousClock.now
        database = try Journal.open(path, configuration, migrator: migrator) { database throws(JournalError) in
            applied = (try? database.read { db in try migrator.appliedIdentifiers(db) }) ?? []
        }
        let pending = migrator.migrations.filter { !applied.contains($0) }
        if applied.isEmpty || pending.isEmpty {
            upgrade = nil
        } else {
            upgrade = (pending, (ContinuousClock.now - started).milliseconds)
        }
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        RecordStore.registerMigrations(in: &migrator)
        return migrator
    }

    /// Writes `batch` in one transaction, on the caller's thread once the records' queue is free;
    /// when it throws none of it is written.
    public func writeNow(_ batch: RecordBatch) throws(JournalError) {
        do {
            try database.write { db in try RecordStore.write(batch, to: db) }
        } catch {
            throw .storage(path: path, reason: Journal.reason(error))
        }
    }

    /// Removes call records and agent intervals that ended before `instant` (retention), after
    /// every write handed over before it.
    public func prune(before instant: Instant, completion: @escaping @Sendable (Result<Void, JournalError>) -> Void) {
        let path = path
        database.asyncWrite({ db in
            try RecordStore.prune(before: instant, in: db)
        }, completion: { _, result in
            completion(result.mapError { .storage(path: path, reason: Journal.reason($0)) })
        })
    }

    /// Closes the agent intervals left open by a state that was discarded (a fresh start over an
    /// existing journal), at `instant`.
    public func closeOpenIntervals(at instant: Instant) throws(JournalError) {
        let path = path
        do {
            try database.write { db in try RecordStore.closeOpenIntervals(at: instant, in: db) }
        } catch {
            throw .storage(path: path, reason: Journal.reason(error))
        }
    }

    /// Copies the records an earlier acdd kept inside the journal's own file into this one; the
    /// journal's `v4-records-apart` migration, which runs next, drops them there. Copying again
    /// (a crash in between) rewrites the same rows. Done on the journal's own connection: a
    /// connection of its own would, closing, checkpoint the whole write-ahead log a crash left.
    func adoptRecords(fromJournal journal: DatabaseQueue) throws(JournalError) {
        let path = path
        do {
            try journal.writeWithoutTransaction { db in
                guard try db.tableExists("records_call") else { return }
                try db.execute(sql: "ATTACH DATABASE ? AS records", arguments: [path])
                defer { try? db.execute(sql: "DETACH DATABASE records") }
                try db.inTransaction {
                    for table in RecordStore.tables where try db.tableExists(table, in: "main") {
                        let columns = try db.columns(in: table).map { "\"\($0.name)\"" }.joined(separator: ", ")
                        try db.execute(sql: "INSERT OR REPLACE INTO records.\(table) (\(columns)) SELECT \(columns) FROM main.\(table)")
                    }
                    return .commit
                }
            }
        } catch {
            throw .storage(path: path, reason: "the records in \(journal.path) cannot be moved here: \(Journal.reason(error))")
        }
    }
}
