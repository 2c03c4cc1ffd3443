public import ACDCore

/// One step of a call's way through the queues.
public struct QueueEvent: Equatable, Sendable, Codable {
    public var at: Instant
    public var kind: QueueEventKind
    /// The queue the call went to (for `widened`: one of the queues whose agents may now take it).
    public var queue: QueueID
    /// The queue it came from; nil on arrival and widening.
    public var from: QueueID?
    /// The agent who transferred it.
    public var agent: AgentID?

    public init(at: Instant, kind: QueueEventKind, queue: QueueID, from: QueueID? = nil, agent: AgentID? = nil) {
        self.at = at
        self.kind = kind
        self.queue = queue
        self.from = from
        self.agent = agent
    }
}

/// How a call reached a queue.
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
}
