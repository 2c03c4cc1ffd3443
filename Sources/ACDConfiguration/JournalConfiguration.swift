public import ACDJournal

/// How the daemon keeps its write-ahead journal in the state directory.
public struct JournalConfiguration: Equatable, Sendable {
    /// What an acknowledged input must survive: the process being killed, or power loss.
    public var durability: Durability
    /// Entries between two snapshots of the engine; recovery replays at most about this many.
    public var snapshotEvery: Int

    /// The defaults, as documented in config/acdd.yaml.
    public static let defaultDurability = Durability.process
    public static let defaultSnapshotEvery = 10_000

    public init(durability: Durability = JournalConfiguration.defaultDurability, snapshotEvery: Int = JournalConfiguration.defaultSnapshotEvery) {
        self.durability = durability
        self.snapshotEvery = snapshotEvery
    }
}
