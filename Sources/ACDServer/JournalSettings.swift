public import ACDJournal

/// Where and how the daemon keeps its write-ahead journal.
public struct JournalSettings: Sendable {
    /// The state directory; the journal is `journal.sqlite` in it.
    public var directory: String
    public var durability: Durability
    /// Entries between two snapshots.
    public var snapshotEvery: Int
    /// Start from an empty state when the configuration changed while the journal's calls or
    /// agents were live, instead of serving them under the configuration they were recorded under.
    public var discardStateOnChange: Bool

    public init(directory: String, durability: Durability, snapshotEvery: Int, discardStateOnChange: Bool = false) {
        self.directory = directory
        self.durability = durability
        self.snapshotEvery = snapshotEvery
        self.discardStateOnChange = discardStateOnChange
    }
}
