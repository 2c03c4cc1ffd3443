import Glibc

/// A libsystemd call failed, or what systemd passed cannot be used: each case says which call or
/// which variable, and why, so that an operator can act on the message alone.
public enum SystemdError: Error, Equatable, Sendable, CustomStringConvertible {
    /// sd_notify could not deliver `message` to the service manager (NOTIFY_SOCKET).
    case notify(message: String, errno: Int32)
    /// WATCHDOG_USEC (or WATCHDOG_PID) is malformed.
    case watchdog(errno: Int32)
    /// LISTEN_FDS, LISTEN_PID or LISTEN_FDNAMES is malformed, or the descriptors are unusable.
    case listenDescriptors(errno: Int32)
    /// The descriptor systemd passed is not a listening Unix stream socket.
    case notAListeningUnixSocket(descriptor: Int32, name: String)
    /// Checking what the descriptor systemd passed is failed.
    case socketCheck(descriptor: Int32, errno: Int32)
    /// systemd passed several sockets and not exactly one of them has one of the expected names.
    case ambiguousSockets(passed: [String], expected: [String])
    /// sd_journal_sendv refused an entry.
    case journal(errno: Int32)
    /// The monotonic clock could not be read (for RELOADING's MONOTONIC_USEC).
    case monotonicClock(errno: Int32)

    public var description: String {
        switch self {
        case .notify(let message, let errno):
            let shown = message.split(separator: "\n").joined(separator: " ")
            return "cannot notify systemd (\(shown)): \(Self.reason(errno))"
        case .watchdog(let errno):
            return "WATCHDOG_USEC from systemd is unusable: \(Self.reason(errno))"
        case .listenDescriptors(let errno):
            return "the sockets systemd passed (LISTEN_FDS) are unusable: \(Self.reason(errno))"
        case .notAListeningUnixSocket(let descriptor, let name):
            return "systemd passed fd \(descriptor) (\(name)), which is not a listening Unix stream socket: use ListenStream=/path in the socket unit"
        case .socketCheck(let descriptor, let errno):
            return "cannot check fd \(descriptor) that systemd passed: \(Self.reason(errno))"
        case .ambiguousSockets(let passed, let expected):
            return "systemd passed \(passed.count) sockets named \(passed.joined(separator: ", ")); expected exactly one named \(expected.joined(separator: " or ")) (FileDescriptorName=)"
        case .journal(let errno):
            return "cannot write to the journal: \(Self.reason(errno))"
        case .monotonicClock(let errno):
            return "cannot read the monotonic clock: \(Self.reason(errno))"
        }
    }

    private static func reason(_ errno: Int32) -> String {
        "\(String(cString: strerror(errno))) (errno \(errno))"
    }
}
