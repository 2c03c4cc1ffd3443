import ACDCore

/// What the agent and the caller say of a call afterwards: the wrap-up classification, kept with
/// the conversation it classifies, and the survey score, kept with the call.
extension RecordKeeper {
    /// The classification of the conversation the agent is wrapping up.
    mutating func classified(_ id: CallID, by agent: AgentID, as classification: CallClassification, in step: inout Step) {
        guard let talk = agents[agent]?.wrappingUp, talk.call.call == id, calls[talk.call] != nil else { return }
        calls[talk.call]!.talks[talk.index].classification = classification
        step.touch(talk.call)
    }

    /// A score for an ended call: on its record if that waits for a wrap-up, else an update of the
    /// written record.
    mutating func surveyed(_ id: CallID, _ survey: SurveyScore, in step: inout Step) {
        if let key = calls.first(where: { $0.key.call == id && $0.value.finished != nil })?.key {
            calls[key]!.survey = survey
            step.touch(key)
        } else {
            step.batch.surveys.append(SurveyUpdate(call: id, survey: survey))
        }
    }
}
