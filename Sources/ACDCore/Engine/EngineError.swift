/// A command the engine cannot carry out. It changed nothing.
public enum EngineError: Error, Equatable, Sendable {
    case unknownAgent(AgentID)
    case unknownCall(CallID)
    case unknownQueue(QueueID)
    case duplicateCall(CallID)
    case invalidPriority(Int)
    /// The call's entry instant lies after the moment it is enqueued.
    case enteredInFuture(CallID)
    /// The call is not ringing for this agent (never offered, offered to someone else, or the offer
    /// already ended).
    case notOffered(call: CallID, agent: AgentID)
    /// Hangup or transfer of a call that is not connected.
    case callNotConnected(CallID)
    /// Abandon of a call that is already connected: it ends with a hangup.
    case callAlreadyConnected(CallID)
    case agentAlreadyLoggedIn(AgentID)
    case agentNotLoggedIn(AgentID)
    /// The agent is on a call; it cannot log out before the call ends.
    case agentOnCall(AgentID)
    case notInWrapUp(AgentID)
    /// The transfer's target queue is at its max length.
    case queueFull(QueueID)
    /// The agent is the last one staffing these queues, which have waiting calls, and the center
    /// refuses that it leave them.
    case lastAgentOfQueue(agent: AgentID, queues: [QueueID])
    /// A reconfiguration's new configuration is invalid.
    case invalidConfiguration(ConfigurationError)
    /// The break policy lists reasons and this is not one of them.
    case unknownReason(agent: AgentID, reason: NotReadyReason)
    /// The agent has used today's count or time of this break reason.
    case breakQuotaExhausted(agent: AgentID, reason: NotReadyReason)
    /// The agent's team has as many agents on a staggered break as it may, and the policy refuses.
    case breakLimitReached(agent: AgentID, reason: NotReadyReason, team: String, limit: Int)

    /// A stable, machine-readable code for the protocol.
    public var code: String {
        switch self {
        case .unknownAgent: "unknown_agent"
        case .unknownCall: "unknown_call"
        case .unknownQueue: "unknown_queue"
        case .duplicateCall: "duplicate_call"
        case .invalidPriority: "invalid_priority"
        case .enteredInFuture: "entered_in_future"
        case .notOffered: "not_offered"
        case .callNotConnected: "call_not_connected"
        case .callAlreadyConnected: "call_already_connected"
        case .agentAlreadyLoggedIn: "agent_already_logged_in"
        case .agentNotLoggedIn: "agent_not_logged_in"
        case .agentOnCall: "agent_on_call"
        case .notInWrapUp: "not_in_wrap_up"
        case .queueFull: "queue_full"
        case .invalidConfiguration: "invalid_configuration"
        case .lastAgentOfQueue: "last_agent"
        case .unknownReason: BreakRefusal.unknownReason.rawValue
        case .breakQuotaExhausted: BreakRefusal.quotaExhausted.rawValue
        case .breakLimitReached: BreakRefusal.teamLimit.rawValue
        }
    }

    /// What went wrong, for a person.
    public var message: String {
        switch self {
        case .unknownAgent(let agent): "no agent '\(agent)' is configured"
        case .unknownCall(let call): "no live call '\(call)'"
        case .unknownQueue(let queue): "no queue '\(queue)' is configured"
        case .duplicateCall(let call): "call '\(call)' is already in the system"
        case .invalidPriority(let priority): "priority \(priority) is outside 0-9"
        case .enteredInFuture(let call): "call '\(call)' says it entered the system after now"
        case .notOffered(let call, let agent): "call '\(call)' is not ringing for agent '\(agent)'"
        case .callNotConnected(let call): "call '\(call)' is not connected"
        case .callAlreadyConnected(let call): "call '\(call)' is connected; end it with a hangup"
        case .agentAlreadyLoggedIn(let agent): "agent '\(agent)' is already logged in"
        case .agentNotLoggedIn(let agent): "agent '\(agent)' is not logged in"
        case .agentOnCall(let agent): "agent '\(agent)' is on a call"
        case .notInWrapUp(let agent): "agent '\(agent)' is not in wrap-up"
        case .queueFull(let queue): "queue '\(queue)' is full"
        case .invalidConfiguration(let error): "the new configuration is invalid: \(error.message)"
        case .lastAgentOfQueue(let agent, let queues):
            "agent '\(agent)' is the last one taking the waiting calls of \(queues.map { "'\($0)'" }.joined(separator: ", ")); a supervisor may force it"
        case .unknownReason(_, let reason): "'\(reason)' is not a configured break reason"
        case .breakQuotaExhausted(let agent, let reason): "agent '\(agent)' has used today's quota of '\(reason)'"
        case .breakLimitReached(_, let reason, let team, let limit):
            "team '\(team)' already has \(limit) agent(s) on a staggered break, its limit; '\(reason)' is refused"
        }
    }
}
