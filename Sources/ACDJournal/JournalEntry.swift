public import ACDCore

/// One state-changing input, as the engine took it: the instant, the command, and the adapter that
/// owns the command's call afterwards. Replaying the entries after a snapshot, in order, through
/// the same engine rebuilds the same state.
public struct JournalEntry: Sendable, Codable, Equatable {
    /// Increases by one per entry, across restarts.
    public var sequence: Int64
    /// The engine's time when it took the command.
    public var at: Instant
    public var command: Command
    /// The adapter identity that owns the call the command concerns, if an adapter sent it.
    public var owner: String?

    public init(sequence: Int64, at: Instant, command: Command, owner: String? = nil) {
        self.sequence = sequence
        self.at = at
        self.command = command
        self.owner = owner
    }
}
