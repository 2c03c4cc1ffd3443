#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a connection to the daemon's socket could not be made, in words a person can act on.
public enum ConnectFailure: Sendable, Equatable, CustomStringConvertible {
    /// Nothing exists at the path (ENOENT): the daemon is not running, or the path is wrong.
    case noSuchFile
    /// A socket file exists but nothing accepts on it (ECONNREFUSED): a daemon that died.
    case refused
    /// The file is there but this user may not connect to it (EACCES, EPERM).
    case permissionDenied
    /// The path names something that is not a socket.
    case notASocket
    /// A component of the path is not a directory (ENOTDIR).
    case notADirectory
    /// The path does not fit in a Unix socket address (at most 107 bytes).
    case pathTooLong
    /// Any other failure, in the system's words.
    case other(String)

    /// The failure for an `errno` set by `connect(2)` on a Unix socket path.
    public init(errno code: Int32) {
        switch code {
        case ENOENT: self = .noSuchFile
        case ECONNREFUSED: self = .refused
        case EACCES, EPERM: self = .permissionDenied
        case ENOTDIR: self = .notADirectory
        case ENAMETOOLONG: self = .pathTooLong
        case ENOTSOCK: self = .notASocket
        default: self = .other("\(String(cString: strerror(code))) (errno \(code))")
        }
    }

    public var description: String {
        switch self {
        case .noSuchFile: "no such file (is acdd running?)"
        case .refused: "connection refused (is acdd running? the socket file may be left over from an earlier run)"
        case .permissionDenied: "permission denied (is your user in the socket's group?)"
        case .notASocket: "not a socket"
        case .notADirectory: "a component of the path is not a directory"
        case .pathTooLong: "the path is too long for a Unix socket (at most 107 bytes)"
        case .other(let message): message
        }
    }
}
