public import ACDCore

/// A stretch of time an agent spent in one state. Logged out is not recorded: the time outside any
/// interval is time logged out.
public struct AgentInterval: Equatable, Sendable, Codable {
    public var agent: AgentID
    public var start: Instant
    /// Nil while the agent is still in that state.
    public var end: Instant?
    public var activity: AgentActivity
    /// For `notReady`: the reason.
    public var reason: NotReadyReason?
    /// For `offered` and `busy`: the call; for `wrapUp`: the call it follows, when known.
    public var call: CallID?

    public init(agent: AgentID, start: Instant, end: Instant? = nil, activity: AgentActivity, reason: NotReadyReason? = nil, call: CallID? = nil) {
        self.agent = agent
        self.start = start
        self.end = end
        self.activity = activity
        self.reason = reason
        self.call = call
    }
}

/// The logged-in states an interval records.
public enum AgentActivity: String, Equatable, Sendable, Codable {
    case ready
    case notReady = "not_ready"
    case offered
    case busy
    case wrapUp = "wrap_up"
}
