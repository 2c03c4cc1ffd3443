public import ACDCore

/// One step of a call's way through the queues and its agents.
public struct QueueEvent: Equatable, Sendable, Codable {
    public var at: Instant
    public var kind: QueueEventKind
    /// The queue the call went to (for `widened`: one of the queues whose agents may now take it).
    public var queue: QueueID
    /// The queue it came from; nil on arrival and widening.
    public var from: QueueID?
    /// The agent who transferred or escalated it (nil for an escalation by a supervisor).
    public var agent: AgentID?
    /// A consult transfer: the agent who consented and took the call over (at `at`).
    public var toAgent: AgentID?
    /// A consult transfer: when the transferring agent asked.
    public var requested: Instant?

    public init(
        at: Instant, kind: QueueEventKind, queue: QueueID, from: QueueID? = nil, agent: AgentID? = nil, toAgent: AgentID? = nil,
        requested: Instant? = nil
    ) {
        self.at = at
        self.kind = kind
        self.queue = queue
        self.from = from
        self.agent = agent
        self.toAgent = toAgent
        self.requested = requested
    }
}

/// How a call reached a queue, or another agent.
public enum QueueEventKind: String, Equatable, Sendable, Codable {
    /// It arrived there (enqueue).
    case entered
    /// A supervisor or a reconfiguration moved it there.
    case moved
    /// Max wait moved it there.
    case overflowed
    /// Max wait let that queue's agents take it too.
    case widened
    /// An agent sent it there.
    case transferred
    /// Its queue was closed (business hours) and sends its calls there.
    case redirected
    /// An agent handed it over to another agent, who consented (consult transfer); it stays in
    /// its queue (`queue`).
    case consultTransferred = "consult_transferred"
    /// An agent or a supervisor escalated it there (its queue's escalation queue, or its own
    /// queue's next tier).
    case escalated
}
