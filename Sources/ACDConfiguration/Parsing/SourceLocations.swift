import ACDCore

/// Where each queue, agent and option was written, so that a `ConfigurationError` from the engine's
/// validation is reported at the line that causes it.
struct SourceLocations {
    /// Where a queue's options were written: in the queue itself, or inherited from `defaults`.
    struct Queue {
        var id = SourcePosition.start
        /// Option name (as the engine's `ConfigurationError.invalidValue` names it) to the value.
        var options: [String: SourcePosition] = [:]
        var requiredSkills: [SkillID: SourcePosition] = [:]
        /// Every queue an overflow step names, in order, with where.
        var overflowTargets: [(queue: QueueID, position: SourcePosition)] = []
    }

    struct Agent {
        var id = SourcePosition.start
        /// The agent's `skills` and `tiers` as written, searched only when an error names one.
        var skills: YAMLMapping?
        var tiers: YAMLMapping?
        var wrapUp: SourcePosition?
        var team: SourcePosition?
    }

    struct BreakReason {
        var id = SourcePosition.start
        /// Option name (as the engine's `ConfigurationError.invalidBreakValue` names it) to the value.
        var options: [String: SourcePosition] = [:]
    }

    struct Segment {
        var id = SourcePosition.start
        /// Option name (as the engine's `ConfigurationError.invalidSegmentValue` names it) to the value.
        var options: [String: SourcePosition] = [:]
    }

    var defaults = Queue()
    var queues: [QueueID: Queue] = [:]
    var agents: [AgentID: Agent] = [:]
    var handleTimeSmoothing: SourcePosition?
    var breakReasons: [NotReadyReason: BreakReason] = [:]
    /// Where each option of `breaks` was written.
    var breakOptions: [String: SourcePosition] = [:]
    var segments: [String: Segment] = [:]

    /// The place to report a validation error of `center` at.
    func position(of error: ConfigurationError, in center: CenterConfiguration) -> SourcePosition {
        switch error {
        case .duplicateQueue(let queue):
            return queues[queue]?.id ?? .start
        case .duplicateAgent(let agent):
            return agents[agent]?.id ?? .start
        case .unknownQueue(let queue, _):
            // Validation checks the queues' overflow steps and escalation queues first, then the
            // agents' tiers.
            for configured in center.queues {
                if let target = queues[configured.id]?.overflowTargets.first(where: { $0.queue == queue }) {
                    return target.position
                }
            }
            for configured in center.queues where configured.escalationQueue == queue {
                if let position = queues[configured.id]?.options["escalation_queue"] { return position }
            }
            for agent in center.agents {
                if let key = agents[agent.id]?.tiers?.keyPosition(queue.rawValue) { return key }
            }
            return .start
        case .proficiencyOutOfRange(let agent, let skill, _):
            return agents[agent]?.skills?.valuePosition(skill.rawValue) ?? agents[agent]?.id ?? .start
        case .minimumProficiencyOutOfRange(let queue, let skill, _):
            return queues[queue]?.requiredSkills[skill] ?? queues[queue]?.id ?? .start
        case .tierOutOfRange(let agent, let queue, _):
            return agents[agent]?.tiers?.valuePosition(queue.rawValue) ?? agents[agent]?.id ?? .start
        case .invalidValue(let queue, let option, _):
            return queues[queue]?.options[option] ?? queues[queue]?.id ?? .start
        case .invalidSmoothing:
            return handleTimeSmoothing ?? .start
        case .invalidAgentWrapUp(let agent):
            return agents[agent]?.wrapUp ?? agents[agent]?.id ?? .start
        case .agentLacksSkills(let agent, let queue):
            return agents[agent]?.tiers?.keyPosition(queue.rawValue) ?? agents[agent]?.id ?? .start
        case .duplicateBreakReason(let reason):
            return breakReasons[reason]?.id ?? .start
        case .invalidBreakValue(let reason?, let option, _):
            return breakReasons[reason]?.options[option] ?? breakReasons[reason]?.id ?? .start
        case .invalidBreakValue(nil, let option, _):
            return breakOptions[option] ?? .start
        case .invalidTeam(let agent):
            return agents[agent]?.team ?? agents[agent]?.id ?? .start
        case .duplicateSegment(let segment):
            return segments[segment]?.id ?? .start
        case .invalidSegmentValue(let segment, let option, _):
            return segments[segment]?.options[option] ?? segments[segment]?.id ?? .start
        }
    }
}
