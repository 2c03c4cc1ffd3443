import ACDRecords
import Foundation
import Synchronization

/// How a snapshot is stored: the engine, its configuration and the call owners in the `body`
/// column, the record keeper in the `records` column (since the journal's v5), so that the two
/// halves, each about as large as the other, encode and decode at the same time on two threads.
/// A snapshot written before v5 holds the keeper in its body (and no `records`): it is read so.
enum SnapshotStorage {
    /// The snapshot's two columns, encoded side by side.
    static func encode(_ snapshot: JournalSnapshot) throws -> (body: Data, records: Data?) {
        var copy = snapshot
        copy.records = nil
        let withoutRecords = copy
        let body = Mutex<Result<Data, any Error>?>(nil)
        let records = Mutex<Result<Data?, any Error>?>(nil)
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                let result = Result { try JournalBody.encode(withoutRecords) }
                body.withLock { $0 = result }
            } else {
                let result = Result { try snapshot.records.map { try JournalBody.encode($0) } }
                records.withLock { $0 = result }
            }
        }
        // Both parts ran: concurrentPerform returns once every iteration has.
        return (try body.withLock { $0! }.get(), try records.withLock { $0! }.get())
    }

    /// The keeper stored apart from the body.
    static func decodeRecords(_ records: Data) throws -> RecordKeeper {
        try JournalBody.decode(RecordKeeper.self, from: records)
    }

    /// The snapshot of a row's `body` and `records` columns.
    static func decode(body: Data, records: Data?) throws -> JournalSnapshot {
        var snapshot = try JournalBody.decode(JournalSnapshot.self, from: body)
        if let records {
            snapshot.records = try decodeRecords(records)
        }
        return snapshot
    }
}
