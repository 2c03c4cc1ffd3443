import ACDCore
import Foundation

/// What a journal holds when the daemon starts: the latest snapshot and the entries written after
/// it, in order, and the entries that could not be read (skipped).
public struct JournalContents: Sendable {
    public var snapshot: JournalSnapshot?
    public var entries: [JournalEntry]
    /// The sequences of the entries that could not be decoded (a torn or corrupted write), one
    /// range per unreadable row: the entries of a commit share a row.
    public var unreadable: [ClosedRange<Int64>]

    /// Entries decoded from consecutive rows of the journal, and the ranges of those that could not be.
    struct Entries {
        var entries: [JournalEntry] = []
        var unreadable: [ClosedRange<Int64>] = []

        init() {}

        /// Decodes `rows` (each keyed by its last entry's sequence, in order), the first of which
        /// follows the entry `after`: a row holds the entries after the row before it, so an
        /// unreadable one stands for those, and entries at or before `after` are not taken. With
        /// `until`, decoding stops at the first entry later than it.
        init(rows: some Collection<(sequence: Int64, body: Data)>, after: Int64, until: Instant? = nil) {
            var previous = after
            for row in rows {
                if let decoded = try? JournalBody.entries(from: row.body, last: row.sequence) {
                    for entry in decoded where entry.sequence > previous {
                        if let until, entry.at > until { return }
                        entries.append(entry)
                    }
                } else {
                    unreadable.append(previous + 1...max(previous + 1, row.sequence))
                }
                previous = row.sequence
            }
        }
    }
}
