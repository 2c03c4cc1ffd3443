public import ACDCore

/// One agent's figures for one interval: time in each state within the interval, and the
/// conversations the agent took then.
public struct AgentReportRow: Equatable, Sendable {
    public var bucket: ReportBucket
    public var agent: AgentID
    /// Conversations the agent took in the interval (a transferred call counts for each agent; a
    /// callback or an outbound call the agent reached counts too).
    public var handled: Int
    /// Callbacks and outbound calls the agent reached in the interval (part of `handled`).
    public var dialed: Int
    /// Dial attempts the agent began in the interval (reached or not).
    public var dialAttempts: Int
    /// Their talk and wrap-up times, summed.
    public var handleTime: Duration
    /// Time in each state within the interval.
    public var ready: Duration
    public var offered: Duration
    public var busy: Duration
    public var wrapUp: Duration
    public var notReady: Duration
    public var notReadyByReason: [NotReadyReason: Duration]

    public init(
        bucket: ReportBucket, agent: AgentID, handled: Int = 0, dialed: Int = 0, dialAttempts: Int = 0, handleTime: Duration = .zero,
        ready: Duration = .zero, offered: Duration = .zero, busy: Duration = .zero, wrapUp: Duration = .zero, notReady: Duration = .zero,
        notReadyByReason: [NotReadyReason: Duration] = [:]
    ) {
        self.bucket = bucket
        self.agent = agent
        self.handled = handled
        self.dialed = dialed
        self.dialAttempts = dialAttempts
        self.handleTime = handleTime
        self.ready = ready
        self.offered = offered
        self.busy = busy
        self.wrapUp = wrapUp
        self.notReady = notReady
        self.notReadyByReason = notReadyByReason
    }

    /// Time logged in: every state but logged out.
    public var loggedIn: Duration { ready + offered + busy + wrapUp + notReady }

    /// Talk time: time on calls (busy) within the interval.
    public var talkTime: Duration { busy }

    /// (offered + busy + wrap-up) / (logged in - not ready); nil when the agent was never available.
    public var occupancy: Double? {
        let available = (loggedIn - notReady).milliseconds
        return available == 0 ? nil : Double((offered + busy + wrapUp).milliseconds) / Double(available)
    }

    /// Average handle time of the conversations taken in the interval.
    public var averageHandleTime: Duration? {
        handled == 0 ? nil : .milliseconds(handleTime.milliseconds / Int64(handled))
    }
}
