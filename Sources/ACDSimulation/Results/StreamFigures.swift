/// What one replication measured for one call stream, over the calls that arrived after the
/// warm-up.
public struct StreamFigures: Equatable, Sendable {
    /// Calls that arrived.
    public var offered = 0
    /// Calls an agent took, and of those the ones taken within the queue's service-level threshold.
    public var answered = 0
    public var answeredInTime = 0
    /// Calls whose caller hung up before being answered.
    public var abandoned = 0
    /// Calls that left through the queue's rules: max wait with `leave`, no agent logged in, the
    /// queue full, diverted outside acdd.
    public var timedOut = 0
    public var leftNoAgents = 0
    public var rejectedFull = 0
    public var overflowedOut = 0
    /// Total wait of the answered calls, from arrival to answer.
    public var answeredWaitMilliseconds: Int64 = 0
    /// Calls whose handling (talk plus wrap-up) ended before the end of the run, and its total.
    public var handled = 0
    public var handleMilliseconds: Int64 = 0
    /// The longest wait of any call: answered, abandoned, gone otherwise or still waiting at the end.
    public var longestWaitMilliseconds: Int64 = 0
    /// The share of the working time of the agents serving the stream's queue spent on calls
    /// (ringing, talk, wrap-up) rather than idle; nil when they were never staffed.
    public var occupancy: Double?

    /// Nothing measured yet.
    public init() {}

    /// Share of the calls answered or abandoned that were answered within the threshold (the
    /// engine's definition); nil before any.
    public var serviceLevel: Double? {
        answered + abandoned == 0 ? nil : Double(answeredInTime) / Double(answered + abandoned)
    }

    /// Share of the calls answered or abandoned that were abandoned.
    public var abandonRate: Double? {
        answered + abandoned == 0 ? nil : Double(abandoned) / Double(answered + abandoned)
    }

    /// Average speed of answer, in seconds.
    public var averageSpeedOfAnswer: Double? {
        answered == 0 ? nil : Double(answeredWaitMilliseconds) / Double(answered) / 1000
    }

    /// Average handle time (talk plus wrap-up), in seconds.
    public var averageHandleTime: Double? {
        handled == 0 ? nil : Double(handleMilliseconds) / Double(handled) / 1000
    }

    /// The longest wait, in seconds.
    public var longestWait: Double {
        Double(longestWaitMilliseconds) / 1000
    }
}
