public import ACDCore
import Foundation
import GRDB

/// A journal opened read-only to rebuild the state at a past instant: the newest snapshot taken
/// at or before it and the entries after that snapshot up to the instant. How far back it goes
/// depends on `journal.history`.
public struct JournalHistory: Sendable {
    public let path: String
    private let database: DatabaseQueue
    /// Where the snapshots are: `snapshots.sqlite`, or the journal itself when no acdd of the
    /// journal's v8 has opened it yet; nil when neither holds any.
    private let snapshots: (path: String, database: DatabaseQueue)?

    /// Opens `journal.sqlite` in `directory` and its snapshots read-only (the daemon may be running).
    public init(directory: String) throws(JournalError) {
        path = Journal.path(in: directory)
        guard FileManager.default.fileExists(atPath: path) else {
            throw .directory(path: directory, reason: "holds no journal.sqlite: acdd has not run with this state directory")
        }
        database = try Self.openReadOnly(path)
        if (try? database.read { db in try db.tableExists("snapshot") }) == true {
            snapshots = (path, database)
        } else {
            let snapshotsPath = SnapshotDatabase.path(in: directory)
            snapshots = FileManager.default.fileExists(atPath: snapshotsPath) ? (snapshotsPath, try Self.openReadOnly(snapshotsPath)) : nil
        }
    }

    private static func openReadOnly(_ path: String) throws(JournalError) -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "acdd.journal.history"
        do {
            return try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw .storage(path: path, reason: "\(error)")
        }
    }

    /// The earliest instant the journal can rebuild (its oldest snapshot's), or nil when it has no
    /// snapshot that says when it was taken.
    public func earliest() throws(JournalError) -> Instant? {
        guard let snapshots else { return nil }
        do {
            return try snapshots.database.read { db in try SnapshotDatabase.earliest(in: db) }.map { Instant(millisecondsSinceEpoch: $0) }
        } catch {
            throw .storage(path: snapshots.path, reason: "\(error)")
        }
    }

    /// The newest snapshot taken at or before `instant` and the entries after it whose instant is
    /// not later than `instant`, in order; nil when the journal does not go back that far. A row
    /// that cannot be decoded is skipped and its entries' sequences listed in `unreadable`.
    public func state(at instant: Instant) throws(JournalError) -> JournalContents? {
        guard let snapshots else { return nil }
        // A running acdd drops the entries a snapshot includes once a newer one replaces it: when
        // the snapshot found is gone after its entries were read, some of them may be gone too.
        for _ in 0..<3 {
            let found: SnapshotDatabase.Stored?
            let rows: [(sequence: Int64, body: Data)]
            let stillThere: Bool
            do {
                found = try snapshots.database.read { db in try SnapshotDatabase.newest(atOrBefore: instant.millisecondsSinceEpoch, in: db) }
                guard let found else { return nil }
                rows = try database.read { db in try Journal.entryRows(after: found.through, in: db) }
                stillThere = try snapshots.database.read { db in try SnapshotDatabase.contains(through: found.through, in: db) }
            } catch {
                throw .storage(path: path, reason: "\(error)")
            }
            guard let found, stillThere else { continue }
            let snapshot: JournalSnapshot
            do {
                snapshot = try SnapshotStorage.decode(body: found.body, records: found.records)
            } catch {
                throw .unreadableSnapshot(path: snapshots.path, reason: "\(error)")
            }
            let decoded = JournalContents.Entries(rows: rows, after: found.through, until: instant)
            return JournalContents(snapshot: snapshot, entries: decoded.entries, unreadable: decoded.unreadable)
        }
        throw .storage(path: path, reason: "acdd replaced the snapshots faster than they could be read; try again")
    }
}
