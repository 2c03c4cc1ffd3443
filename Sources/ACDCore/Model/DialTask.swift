/// What kind of call the center dials: a caller who left the line and kept their place, or a task
/// an adapter pushed.
public enum DialKind: String, Equatable, Sendable, Codable, CaseIterable {
    /// Virtual hold: the caller asked to be called back and kept their place in line.
    case callback
    /// Outbound work pushed by an adapter (a list, a campaign): inbound calls come first.
    case outbound
}

/// The number a call is dialed at, and why.
public struct DialTarget: Equatable, Sendable, Codable {
    public var kind: DialKind
    public var number: String

    public init(kind: DialKind, number: String) {
        self.kind = kind
        self.number = number
    }
}

/// What came of one dial attempt, as the telephony reports it.
public enum DialResult: Equatable, Sendable, Codable {
    /// The customer answered: the agent and the customer are connected.
    case reached
    /// No answer (or busy): the call is tried again after the queue's retry delay, until its
    /// attempts are used up.
    case noAnswer
    /// The customer asked to be called at this instant: tried again then, within the attempts.
    case retry(at: Instant)
    /// The number cannot be reached (wrong number, refused): no further attempt.
    case failed

    /// The protocol's name of the result.
    public var name: String {
        switch self {
        case .reached: "reached"
        case .noAnswer: "no_answer"
        case .retry: "retry"
        case .failed: "failed"
        }
    }
}

/// The engine's part of a call it dials: its target and the attempts that failed.
struct DialTask: Sendable, Codable {
    var target: DialTarget
    /// Attempts that did not reach the customer.
    var failedAttempts = 0
    /// When the call is next put in line, while it is scheduled; nil otherwise (and while parked
    /// until its queue opens).
    var due: Instant?
}

/// Outbound work an adapter gives the center: a number for an agent of `queue` to call.
public struct OutboundCall: Equatable, Sendable, Codable {
    public var id: CallID
    public var queue: QueueID
    public var number: String
    /// 0-9, higher first among the queue's outbound calls (inbound calls always come first).
    public var priority: Int
    public var attributes: [String: String]
    /// Not dialed before this instant. Nil: as soon as an agent is free.
    public var notBefore: Instant?

    public init(
        id: CallID, queue: QueueID, number: String, priority: Int = 0, attributes: [String: String] = [:],
        notBefore: Instant? = nil
    ) {
        self.id = id
        self.queue = queue
        self.number = number
        self.priority = priority
        self.attributes = attributes
        self.notBefore = notBefore
    }
}
