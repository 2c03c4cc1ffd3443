/// A configuration the engine refuses, with what to fix.
public enum ConfigurationError: Error, Equatable, Sendable {
    case duplicateQueue(QueueID)
    case duplicateAgent(AgentID)
    /// `referrer` names a queue that is not configured.
    case unknownQueue(QueueID, referrer: String)
    case proficiencyOutOfRange(agent: AgentID, skill: SkillID, value: Int)
    case minimumProficiencyOutOfRange(queue: QueueID, skill: SkillID, value: Int)
    case tierOutOfRange(agent: AgentID, queue: QueueID, value: Int)
    /// A queue option has a value it cannot take.
    case invalidValue(queue: QueueID, option: String, reason: String)
    case invalidSmoothing(Double)
    case invalidAgentWrapUp(AgentID)
    /// The agent names a queue in its tiers without the skills the queue requires.
    case agentLacksSkills(agent: AgentID, queue: QueueID)
    /// The break policy lists a reason twice.
    case duplicateBreakReason(NotReadyReason)
    /// A break policy option has a value it cannot take; `reason` names the break reason when
    /// the option is one of its own.
    case invalidBreakValue(reason: NotReadyReason?, option: String, problem: String)
    /// The agent's team name is empty.
    case invalidTeam(AgentID)
    /// The segments list a segment twice.
    case duplicateSegment(String)
    /// A segment option has a value it cannot take.
    case invalidSegmentValue(segment: String, option: String, problem: String)

    public var message: String {
        switch self {
        case .duplicateQueue(let queue): "queue '\(queue)' is defined twice"
        case .duplicateAgent(let agent): "agent '\(agent)' is defined twice"
        case .unknownQueue(let queue, let referrer): "\(referrer) names queue '\(queue)', which is not defined"
        case .proficiencyOutOfRange(let agent, let skill, let value):
            "agent '\(agent)': proficiency \(value) in '\(skill)' is outside 1-10"
        case .minimumProficiencyOutOfRange(let queue, let skill, let value):
            "queue '\(queue)': minimum proficiency \(value) in '\(skill)' is outside 1-10"
        case .tierOutOfRange(let agent, let queue, let value):
            "agent '\(agent)': tier \(value) in queue '\(queue)' is outside 1-\(RoutingEngine.maximumTier)"
        case .invalidValue(let queue, let option, let reason): "queue '\(queue)': \(option) \(reason)"
        case .invalidSmoothing(let value): "handle-time smoothing \(value) is outside (0, 1]"
        case .invalidAgentWrapUp(let agent): "agent '\(agent)': wrap_up must not be negative"
        case .agentLacksSkills(let agent, let queue):
            "agent '\(agent)' has a tier in queue '\(queue)' but lacks the skills it requires"
        case .duplicateBreakReason(let reason): "breaks: reason '\(reason)' is defined twice"
        case .invalidBreakValue(let reason?, let option, let problem): "breaks: reason '\(reason)': \(option) \(problem)"
        case .invalidBreakValue(nil, let option, let problem): "breaks: \(option) \(problem)"
        case .invalidTeam(let agent): "agent '\(agent)': team must not be empty"
        case .duplicateSegment(let segment): "segment '\(segment)' is defined twice"
        case .invalidSegmentValue(let segment, let option, let problem): "segment '\(segment)': \(option) \(problem)"
        }
    }
}
