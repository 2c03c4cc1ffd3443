public import ACDCore
import Foundation
import GRDB

/// A journal opened read-only to rebuild the state at a past instant: the newest snapshot taken
/// at or before it and the entries after that snapshot up to the instant. How far back it goes
/// depends on `journal.history`.
public struct JournalHistory: Sendable {
    public let path: String
    private let database: DatabaseQueue

    /// Opens `journal.sqlite` in `directory` read-only (the daemon may be running).
    public init(directory: String) throws(JournalError) {
        path = Journal.path(in: directory)
        guard FileManager.default.fileExists(atPath: path) else {
            throw .directory(path: directory, reason: "holds no journal.sqlite: acdd has not run with this state directory")
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "acdd.journal.history"
        do {
            database = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw .storage(path: path, reason: "\(error)")
        }
    }

    /// The earliest instant the journal can rebuild (its oldest snapshot's), or nil when it has no
    /// snapshot that says when it was taken.
    public func earliest() throws(JournalError) -> Instant? {
        let path = path
        do {
            return try database.read { db in
                try Int64.fetchOne(db, sql: "SELECT MIN(at) FROM snapshot WHERE at IS NOT NULL")
            }.map { Instant(millisecondsSinceEpoch: $0) }
        } catch {
            throw .storage(path: path, reason: "\(error)")
        }
    }

    /// The newest snapshot taken at or before `instant` and the entries after it whose instant is
    /// not later than `instant`, in order; nil when the journal does not go back that far. A row
    /// that cannot be decoded is skipped and its entries' sequences listed in `unreadable`.
    public func state(at instant: Instant) throws(JournalError) -> JournalContents? {
        let path = path
        let rows: (snapshot: Data, records: Data?, through: Int64, entries: [(sequence: Int64, body: Data)])?
        do {
            rows = try database.read { db in
                // `SELECT *`: a journal not yet opened by an acdd of v5 has no `records` column.
                guard let snapshot = try Row.fetchOne(
                    db, sql: "SELECT * FROM snapshot WHERE at IS NOT NULL AND at <= ? ORDER BY through DESC LIMIT 1",
                    arguments: [instant.millisecondsSinceEpoch]
                ) else { return nil }
                let through: Int64 = snapshot["through"]
                let records = snapshot.hasColumn("records") ? Data.fromDatabaseValue(snapshot["records"]) : nil
                return (Data.fromDatabaseValue(snapshot["body"]) ?? Data(), records, through, try Journal.entryRows(after: through, in: db))
            }
        } catch {
            throw .storage(path: path, reason: "\(error)")
        }
        guard let rows else { return nil }
        let snapshot: JournalSnapshot
        do {
            snapshot = try SnapshotStorage.decode(body: rows.snapshot, records: rows.records)
        } catch {
            throw .unreadableSnapshot(path: path, reason: "\(error)")
        }
        let decoded = JournalContents.Entries(rows: rows.entries, after: rows.through, until: instant)
        return JournalContents(snapshot: snapshot, entries: decoded.entries, unreadable: decoded.unreadable)
    }
}
