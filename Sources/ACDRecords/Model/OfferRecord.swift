public import ACDCore

/// One offer of a call to an agent and how it ended.
public struct OfferRecord: Equatable, Sendable, Codable {
    public var agent: AgentID
    /// The queue whose rules the offer followed (the routing decision's queue).
    public var queue: QueueID
    public var offered: Instant
    public var ended: Instant
    public var result: OfferResult

    public init(agent: AgentID, queue: QueueID, offered: Instant, ended: Instant, result: OfferResult) {
        self.agent = agent
        self.queue = queue
        self.offered = offered
        self.ended = ended
        self.result = result
    }
}

/// How an offer ended.
public enum OfferResult: String, Equatable, Sendable, Codable {
    case accepted
    case rejected
    /// It rang out, or the telephony reported no answer.
    case notAnswered = "not_answered"
    /// Ring-all: another agent accepted first.
    case acceptedElsewhere = "accepted_elsewhere"
    case callerAbandoned = "caller_abandoned"
    /// The agent logged out or went not ready while it rang.
    case agentUnavailable = "agent_unavailable"
    case callMoved = "call_moved"
    /// A reconfiguration removed the queue, the agent or the agent's place in the queue.
    case reconfigured
    /// The caller left the line to be called back while it rang.
    case callbackRequested = "callback_requested"

    /// The result matching the engine's reason for withdrawing an offer.
    public init(_ reason: WithdrawalReason) {
        switch reason {
        case .rejected: self = .rejected
        case .notAnswered: self = .notAnswered
        case .acceptedElsewhere: self = .acceptedElsewhere
        case .callerAbandoned: self = .callerAbandoned
        case .agentUnavailable: self = .agentUnavailable
        case .callMoved: self = .callMoved
        case .reconfigured: self = .reconfigured
        case .callbackRequested: self = .callbackRequested
        }
    }
}
