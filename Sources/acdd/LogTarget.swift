import ACDSystemd
import ArgumentParser

/// Where the daemon's logs go.
enum LogTarget: String, CaseIterable, ExpressibleByArgument {
    /// The journal when stderr is connected to it (started by systemd), else stderr.
    case auto
    /// The journal, with structured fields (CALL_ID, AGENT_ID...).
    case journal
    /// Plain text on stderr.
    case stderr

    /// Whether to log with `JournalLogHandler`.
    var usesJournal: Bool {
        switch self {
        case .auto: JournalStream.isStandardError()
        case .journal: true
        case .stderr: false
        }
    }
}
