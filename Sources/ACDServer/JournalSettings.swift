public import ACDJournal

/// Where and how the daemon keeps its write-ahead journal.
public struct JournalSettings: Sendable {
    /// The state directory: the journal is `journal.sqlite` in it, the snapshots `snapshots.sqlite`,
    /// the call records `records.sqlite`.
    public var directory: String
    public var durability: Durability
    /// Entries between two snapshots.
    public var snapshotEvery: Int
    /// Start from an empty state when the configuration changed since the journal was written,
    /// instead of applying the new configuration to the recovered calls and agents.
    public var discardStateOnChange: Bool
    /// Call records and agent intervals older than this are pruned at each new day; nil keeps them.
    public var recordRetention: Duration?
    /// How far back snapshots and entries are kept for replay; nil: only what recovery needs.
    public var history: Duration?
    /// The journal already being opened and read (in this directory, with these settings), or nil
    /// to open it when the executor starts.
    public var opening: JournalOpening?

    public init(
        directory: String, durability: Durability, snapshotEvery: Int, discardStateOnChange: Bool = false,
        recordRetention: Duration? = nil, history: Duration? = nil
    ) {
        self.directory = directory
        self.durability = durability
        self.snapshotEvery = snapshotEvery
        self.discardStateOnChange = discardStateOnChange
        self.recordRetention = recordRetention
        self.history = history
    }
}
