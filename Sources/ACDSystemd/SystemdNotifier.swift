import CSystemd
import Glibc

/// Tells the service manager how the daemon is doing (sd_notify): ready, reloading, stopping, a
/// status line for `systemctl status`, and watchdog keep-alives. Without NOTIFY_SOCKET (not
/// started by systemd) every message is silently skipped; a message that cannot be delivered
/// throws.
public struct SystemdNotifier: Sendable {
    /// Whether a service manager listens (NOTIFY_SOCKET is set).
    public let isActive: Bool
    /// How long systemd waits for a keep-alive before it considers the daemon hung (WatchdogSec=);
    /// nil when the watchdog is off. Keep-alives go at half this interval.
    public let watchdogInterval: Duration?

    /// Reads the watchdog settings (WATCHDOG_USEC, WATCHDOG_PID) systemd passed, if any.
    public init() throws(SystemdError) {
        isActive = getenv("NOTIFY_SOCKET") != nil
        var microseconds: UInt64 = 0
        let result = sd_watchdog_enabled(0, &microseconds)
        guard result >= 0 else { throw .watchdog(errno: -result) }
        watchdogInterval = result > 0 ? .microseconds(microseconds) : nil
    }

    /// READY=1: the socket listens and the state is loaded; clients may come. Also after a reload.
    @discardableResult
    public func ready(status: String? = nil) throws(SystemdError) -> Bool {
        try send(["READY=1"] + Self.statusAssignment(status))
    }

    /// RELOADING=1 with the monotonic time it began (MONOTONIC_USEC); `ready` ends the reload.
    @discardableResult
    public func reloading(status: String? = nil) throws(SystemdError) -> Bool {
        var now = timespec()
        guard clock_gettime(CLOCK_MONOTONIC, &now) == 0 else { throw .monotonicClock(errno: errno) }
        let microseconds = UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
        return try send(["RELOADING=1", "MONOTONIC_USEC=\(microseconds)"] + Self.statusAssignment(status))
    }

    /// STOPPING=1: the daemon is shutting down (no new connections, clients being told).
    @discardableResult
    public func stopping(status: String? = nil) throws(SystemdError) -> Bool {
        try send(["STOPPING=1"] + Self.statusAssignment(status))
    }

    /// STATUS=: the one line `systemctl status` shows. Line breaks become spaces.
    @discardableResult
    public func status(_ line: String) throws(SystemdError) -> Bool {
        try send(Self.statusAssignment(line))
    }

    /// WATCHDOG=1: a keep-alive, optionally with a new status line in the same message.
    @discardableResult
    public func watchdog(status: String? = nil) throws(SystemdError) -> Bool {
        try send(["WATCHDOG=1"] + Self.statusAssignment(status))
    }

    /// Sends the assignments as one message; false when there is no service manager to tell.
    private func send(_ assignments: [String]) throws(SystemdError) -> Bool {
        let message = assignments.joined(separator: "\n")
        let result = sd_notify(0, message)
        guard result >= 0 else { throw .notify(message: message, errno: -result) }
        return result > 0
    }

    private static func statusAssignment(_ line: String?) -> [String] {
        guard let line else { return [] }
        let single = String(line.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
        return ["STATUS=\(single)"]
    }
}
