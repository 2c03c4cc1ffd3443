/// Satisfaction surveys: a score of 1 (worst) to 5 (best) for an answered call, given after it
/// ended and within the survey window, once. The engine remembers the calls that ended within the
/// window (by its own time, so a replay remembers and forgets the same ones).
extension RoutingEngine {
    mutating func survey(call id: CallID, score: Int, effects: inout [Effect]) throws(EngineError) {
        guard (1...5).contains(score) else { throw .invalidScore(score) }
        guard callNumbers[id] == nil else { throw .callNotEnded(id) }
        guard let ended = surveys.call(id, at: now) else { throw .callNotSurveyable(id) }
        guard !ended.scored else { throw .alreadyScored(id) }
        surveys.markScored(id)
        surveys.forget(before: now)
        effects.append(.callSurveyed(call: id, agent: ended.agent, queue: ended.queue, score: score))
    }

    /// Remembers an answered call that just ended, for the agent and queue of its last conversation.
    mutating func rememberForSurvey(_ call: CallID, agent: Int32, queue: Int32) {
        let ended = SurveyMemory.EndedCall(call: call, agent: agents[Int(agent)].id, queue: queues[Int(queue)].configuration.id, ended: now)
        surveys.remember(ended, at: now)
    }

    /// How many ended calls the engine remembers for surveys.
    public var rememberedForSurvey: Int { surveys.count }
}
