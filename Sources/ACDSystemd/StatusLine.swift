/// The line operators read in `systemctl status acdd`, from the center's figures now:
/// "12 waiting (longest 0:41), 18/25 agents ready, SL 87% today".
public struct StatusLine: Equatable, Sendable, CustomStringConvertible {
    /// Calls waiting in a queue (not ringing, not connected).
    public var waiting: Int
    /// How long the call that has waited the longest has waited; ignored when nothing waits.
    public var longestWait: Duration
    /// Agents ready for a call.
    public var readyAgents: Int
    /// Agents logged in (ready, ringing, on a call, in wrap-up or not ready).
    public var loggedInAgents: Int
    /// Calls answered within their queue's service-level threshold today, over every queue.
    public var answeredInTimeToday: Int
    /// Calls answered or abandoned today, over every queue: the service level's denominator.
    public var answeredOrAbandonedToday: Int

    /// The line for these figures.
    public init(waiting: Int, longestWait: Duration, readyAgents: Int, loggedInAgents: Int,
                answeredInTimeToday: Int, answeredOrAbandonedToday: Int) {
        self.waiting = waiting
        self.longestWait = longestWait
        self.readyAgents = readyAgents
        self.loggedInAgents = loggedInAgents
        self.answeredInTimeToday = answeredInTimeToday
        self.answeredOrAbandonedToday = answeredOrAbandonedToday
    }

    /// "12 waiting (longest 0:41), 18/25 agents ready, SL 87% today".
    public var description: String {
        let queue = waiting > 0 ? "\(waiting) waiting (longest \(Self.clock(longestWait)))" : "0 waiting"
        let agents = "\(readyAgents)/\(loggedInAgents) agents ready"
        // Rounded down, so that 100% means every call.
        let serviceLevel = answeredOrAbandonedToday > 0
            ? "SL \(answeredInTimeToday * 100 / answeredOrAbandonedToday)% today"
            : "no calls yet today"
        return "\(queue), \(agents), \(serviceLevel)"
    }

    /// m:ss below an hour, h:mm:ss from an hour on; never negative.
    private static func clock(_ duration: Duration) -> String {
        let total = max(0, duration.components.seconds)
        let seconds = total % 60
        let minutes = total / 60 % 60
        let hours = total / 3600
        let ss = seconds < 10 ? "0\(seconds)" : "\(seconds)"
        if hours == 0 {
            return "\(minutes):\(ss)"
        }
        return "\(hours):\(minutes < 10 ? "0\(minutes)" : "\(minutes)"):\(ss)"
    }
}
