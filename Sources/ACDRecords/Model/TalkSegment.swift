public import ACDCore

/// One conversation between a call and an agent, and the wrap-up the agent did after it.
public struct TalkSegment: Equatable, Sendable, Codable {
    public var agent: AgentID
    /// The queue the agent took it for (the routing decision's queue: a widened call may be taken
    /// for another queue than the one it waits in).
    public var queue: QueueID
    public var answered: Instant
    public var ended: Instant
    public var ending: TalkEnding
    /// The agent's wrap-up after this conversation (zero when the agent had none).
    public var wrapUp: Duration
    /// How the agent classified the call in that wrap-up, from `queue`'s catalogue; nil when it
    /// did not (optional, or the wrap-up ran out).
    public var classification: CallClassification?

    public init(
        agent: AgentID, queue: QueueID, answered: Instant, ended: Instant, ending: TalkEnding, wrapUp: Duration,
        classification: CallClassification? = nil
    ) {
        self.agent = agent
        self.queue = queue
        self.answered = answered
        self.ended = ended
        self.ending = ending
        self.wrapUp = wrapUp
        self.classification = classification
    }

    public var talkTime: Duration { ended - answered }
}

/// How a conversation ended.
public enum TalkEnding: String, Equatable, Sendable, Codable {
    /// The caller hung up.
    case caller
    /// The agent hung up.
    case agent
    /// The agent transferred the call to a queue.
    case transfer
    /// The agent handed the call over to another agent who consented (consult transfer).
    case consultTransfer = "consult_transfer"
    /// The agent or a supervisor escalated the call.
    case escalation
    /// The call left without a hangup being reported (a reconfiguration sent it away).
    case unreported
}
