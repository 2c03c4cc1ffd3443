public import ACDCore

/// A call's satisfaction survey score (1 worst to 5 best), and the agent and queue of the last
/// conversation it scores.
public struct SurveyScore: Equatable, Sendable, Codable {
    public var score: Int
    public var agent: AgentID
    public var queue: QueueID
    /// When the score arrived.
    public var at: Instant

    public init(score: Int, agent: AgentID, queue: QueueID, at: Instant) {
        self.score = score
        self.agent = agent
        self.queue = queue
        self.at = at
    }
}

/// A score for a call whose record was already written: the latest record of that call id gets it.
public struct SurveyUpdate: Equatable, Sendable {
    public var call: CallID
    public var survey: SurveyScore

    public init(call: CallID, survey: SurveyScore) {
        self.call = call
        self.survey = survey
    }
}
