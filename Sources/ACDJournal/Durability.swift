/// What a write must survive before acdd acknowledges it.
public enum Durability: String, Sendable, CaseIterable {
    /// The daemon being killed (kill -9, a crash): SQLite `synchronous = NORMAL` in WAL mode.
    case process
    /// Power loss too: every commit is synced to disk (`synchronous = FULL`).
    case power
}
