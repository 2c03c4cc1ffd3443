public import ACDJournal

/// How the daemon keeps its write-ahead journal in the state directory.
public struct JournalConfiguration: Equatable, Sendable {
    /// What an acknowledged input must survive: the process being killed, or power loss.
    public var durability: Durability
    /// Entries between two snapshots of the engine; recovery replays at most about this many.
    public var snapshotEvery: Int
    /// How far back the journal keeps snapshots and entries so that `acdctl replay` can rebuild a
    /// past instant; zero keeps only what recovery needs.
    public var history: Duration

    /// The history to keep, nil when none is (zero).
    public var keptHistory: Duration? { history > .zero ? history : nil }

    /// The defaults, as documented in config/acdd.yaml.
    public static let defaultDurability = Durability.process
    public static let defaultSnapshotEvery = 10_000
    public static let defaultHistory = Duration.seconds(86_400)

    public init(
        durability: Durability = JournalConfiguration.defaultDurability, snapshotEvery: Int = JournalConfiguration.defaultSnapshotEvery,
        history: Duration = JournalConfiguration.defaultHistory
    ) {
        self.durability = durability
        self.snapshotEvery = snapshotEvery
        self.history = history
    }
}
