public import ACDCore

/// One attempt of an agent to reach the customer of a callback or an outbound call: from the
/// agent's accept (the adapter dials) to the telephony's result.
public struct DialAttempt: Equatable, Sendable, Codable {
    public var agent: AgentID
    /// When the agent accepted the call and the dialing began.
    public var started: Instant
    /// When the result arrived.
    public var ended: Instant
    public var result: DialAttemptResult
    /// When the call went back in line for its next attempt: the retry delay after `noAnswer`, the
    /// instant the customer asked for with `retry` (or now, if that is past); nil when there was no
    /// next attempt (reached, failed, or attempts used up).
    public var retryAt: Instant?

    public init(agent: AgentID, started: Instant, ended: Instant, result: DialAttemptResult, retryAt: Instant? = nil) {
        self.agent = agent
        self.started = started
        self.ended = ended
        self.result = result
        self.retryAt = retryAt
    }
}

/// What came of a dial attempt, as the telephony reported it.
public enum DialAttemptResult: String, Equatable, Sendable, Codable {
    /// The customer answered and was connected to the agent.
    case reached
    case noAnswer = "no_answer"
    /// The customer asked to be called at another time.
    case retry
    /// The number could not be reached: no further attempt.
    case failed

    public init(_ result: DialResult) {
        switch result {
        case .reached: self = .reached
        case .noAnswer: self = .noAnswer
        case .retry: self = .retry
        case .failed: self = .failed
        }
    }
}
