/// What a journal holds when the daemon starts: the latest snapshot and the entries written after
/// it, in order, and the entries that could not be read (skipped).
public struct JournalContents: Sendable {
    public var snapshot: JournalSnapshot?
    public var entries: [JournalEntry]
    /// Sequences of entries whose body could not be decoded (a torn or corrupted write).
    public var unreadable: [Int64]
}
