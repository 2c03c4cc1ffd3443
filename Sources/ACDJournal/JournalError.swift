/// Why the journal cannot be used.
public enum JournalError: Error, CustomStringConvertible, Sendable {
    /// The state directory does not exist and cannot be created, or is not writable.
    case directory(path: String, reason: String)
    /// SQLite refused to open or to write the journal.
    case storage(path: String, reason: String)
    /// The journal was written by a newer acdd with a format this one does not know.
    case newerFormat(path: String)
    /// The latest snapshot cannot be decoded.
    case unreadableSnapshot(path: String, reason: String)

    public var description: String {
        switch self {
        case .directory(let path, let reason):
            "state directory \(path): \(reason)"
        case .storage(let path, let reason):
            "journal \(path): \(reason)"
        case .newerFormat(let path):
            "journal \(path) was written by a newer acdd (its format is unknown to this version); refusing to touch it"
        case .unreadableSnapshot(let path, let reason):
            "journal \(path): the latest snapshot cannot be read: \(reason)"
        }
    }
}
