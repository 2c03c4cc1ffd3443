/// Why a reload was refused; the settings in use stay as they were.
public enum ReloadError: Error, Equatable, CustomStringConvertible {
    /// The server is not listening yet, or no longer.
    case notRunning
    /// The engine refused the new configuration.
    case invalidConfiguration(String)

    public var description: String {
        switch self {
        case .notRunning: "the server is not running"
        case .invalidConfiguration(let reason): reason
        }
    }
}
