import ACDCore

/// What the keeper knows of a call the center dials (a callback, an outbound call): since when,
/// and its attempts so far.
struct DialDraft: Sendable, Codable {
    /// An attempt; `ended` and `result` are set when the telephony reports it.
    struct AttemptDraft: Sendable, Codable {
        var agent: AgentID
        /// The queue whose rules the accepted offer followed: the conversation, if reached, is
        /// taken for it.
        var queue: QueueID
        var started: Instant
        var ended: Instant?
        var result: DialAttemptResult?
        var retryAt: Instant?
    }

    var kind: DialKind
    /// When the call became one the center dials: the callback was asked for, or the outbound call
    /// pushed.
    var since: Instant
    var attempts: [AttemptDraft] = []

    /// Ends the agent's attempt in progress with `result` and returns it; nil if none was.
    mutating func endAttempt(agent: AgentID, at instant: Instant, result: DialAttemptResult) -> AttemptDraft? {
        guard let index = attempts.lastIndex(where: { $0.agent == agent && $0.result == nil }) else { return nil }
        attempts[index].ended = instant
        attempts[index].result = result
        return attempts[index]
    }

    /// The attempts that ended. The engine takes no result while a call leaves, so every attempt
    /// of a call that left has one.
    var recorded: [DialAttempt] {
        attempts.compactMap { attempt in
            attempt.ended.flatMap { ended in
                attempt.result.map {
                    DialAttempt(agent: attempt.agent, started: attempt.started, ended: ended, result: $0, retryAt: attempt.retryAt)
                }
            }
        }
    }
}
