/// What the routing executor tells systemd from its own timer: WATCHDOG=1 at half the watchdog
/// interval, and the status line when it changed, at most once per status interval. Beating from
/// the executor itself means an engine that hangs stops the keep-alives and systemd restarts it.
///
/// The owner calls `beat` every `beatInterval`, on the executor.
public struct ServiceHeartbeat: Sendable {
    /// Where the messages go.
    public let notifier: SystemdNotifier
    /// How often the owner must call `beat`: the status interval, or half the watchdog interval
    /// when that is shorter.
    public let beatInterval: Duration
    /// The shortest time between two status lines.
    public let statusInterval: Duration
    /// Half the watchdog interval; nil when the watchdog is off.
    public let keepAliveInterval: Duration?
    private var lastKeepAlive: ContinuousClock.Instant?
    private var lastStatus: (line: String, at: ContinuousClock.Instant)?

    /// Keep-alives for `notifier`'s watchdog, if it has one; a status line at most every
    /// `statusInterval`.
    public init(notifier: SystemdNotifier, statusInterval: Duration = .seconds(1)) {
        self.notifier = notifier
        self.statusInterval = statusInterval
        keepAliveInterval = notifier.watchdogInterval.map { $0 / 2 }
        beatInterval = min(statusInterval, keepAliveInterval ?? statusInterval)
    }

    /// Sends what is due at `now`, as one message: WATCHDOG=1 once half the watchdog interval has
    /// passed since the last one (less half a beat, so a late timer never makes it miss), and
    /// STATUS= when the line changed and `statusInterval` has passed since the last one.
    public mutating func beat(_ status: StatusLine, at now: ContinuousClock.Instant = .now) throws(SystemdError) {
        let keepAlive = keepAliveInterval.map { interval in
            lastKeepAlive.map { now - $0 >= interval - beatInterval / 2 } ?? true
        } ?? false
        let line = status.description
        let statusDue = lastStatus.map { $0.line != line && now - $0.at >= statusInterval } ?? true
        switch (keepAlive, statusDue) {
        case (true, true):
            try notifier.watchdog(status: line)
        case (true, false):
            try notifier.watchdog()
        case (false, true):
            try notifier.status(line)
        case (false, false):
            return
        }
        if keepAlive {
            lastKeepAlive = now
        }
        if statusDue {
            lastStatus = (line, now)
        }
    }
}
