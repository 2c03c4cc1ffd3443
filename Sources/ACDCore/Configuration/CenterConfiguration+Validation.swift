extension CenterConfiguration {
    /// Checks everything the engine relies on; the first problem found is thrown.
    public func validate() throws(ConfigurationError) {
        guard handleTimeSmoothing > 0, handleTimeSmoothing <= 1 else {
            throw .invalidSmoothing(handleTimeSmoothing)
        }
        var queueIDs = Set<QueueID>()
        for queue in queues {
            guard queueIDs.insert(queue.id).inserted else { throw .duplicateQueue(queue.id) }
        }
        for queue in queues {
            try queue.validate(knownQueues: queueIDs)
        }
        let queuesByID = Dictionary(uniqueKeysWithValues: queues.map { ($0.id, $0) })
        var agentIDs = Set<AgentID>()
        for agent in agents {
            guard agentIDs.insert(agent.id).inserted else { throw .duplicateAgent(agent.id) }
            for (skill, value) in agent.skills.sorted(by: { $0.key < $1.key }) where !(1...10).contains(value) {
                throw .proficiencyOutOfRange(agent: agent.id, skill: skill, value: value)
            }
            for (queue, tier) in agent.tiers.sorted(by: { $0.key < $1.key }) {
                guard queueIDs.contains(queue) else { throw .unknownQueue(queue, referrer: "agent '\(agent.id)'") }
                guard (1...RoutingEngine.maximumTier).contains(tier) else {
                    throw .tierOutOfRange(agent: agent.id, queue: queue, value: tier)
                }
                if let configured = queuesByID[queue], agent.proficiency(serving: configured) == nil {
                    throw .agentLacksSkills(agent: agent.id, queue: queue)
                }
            }
            if let wrapUp = agent.wrapUp, wrapUp < .zero {
                throw .invalidAgentWrapUp(agent.id)
            }
            if agent.team?.isEmpty == true {
                throw .invalidTeam(agent.id)
            }
        }
        try breaks.validate()
        var segmentIDs = Set<String>()
        for segment in segments {
            guard segmentIDs.insert(segment.id).inserted else { throw .duplicateSegment(segment.id) }
            try segment.validate()
        }
    }
}

extension BreakPolicy {
    func validate() throws(ConfigurationError) {
        var seen = Set<NotReadyReason>()
        for reason in reasons {
            guard !reason.id.rawValue.isEmpty else { throw .invalidBreakValue(reason: nil, option: "reasons", problem: "must not name an empty reason") }
            guard seen.insert(reason.id).inserted else { throw .duplicateBreakReason(reason.id) }
            if let count = reason.dailyCount, count < 0 {
                throw .invalidBreakValue(reason: reason.id, option: "daily_count", problem: "must not be negative")
            }
            if let time = reason.dailyTime, time < .zero {
                throw .invalidBreakValue(reason: reason.id, option: "daily_time", problem: "must not be negative")
            }
        }
        switch maxOnBreak {
        case nil:
            break
        case .agents(let count):
            guard count >= 1 else { throw .invalidBreakValue(reason: nil, option: "max_on_break", problem: "must be at least 1 agent") }
        case .percent(let percent):
            guard (1...100).contains(percent) else { throw .invalidBreakValue(reason: nil, option: "max_on_break", problem: "must be 1-100%") }
        }
    }
}

extension QueueConfiguration {
    func validate(knownQueues: Set<QueueID>) throws(ConfigurationError) {
        for requirement in requiredSkills where !(1...10).contains(requirement.minimumProficiency) {
            throw .minimumProficiencyOutOfRange(queue: id, skill: requirement.skill, value: requirement.minimumProficiency)
        }
        func require(_ condition: Bool, _ option: String, _ reason: String) throws(ConfigurationError) {
            if !condition { throw .invalidValue(queue: id, option: option, reason: reason) }
        }
        try require(tierWait >= .zero, "tier_wait", "must not be negative")
        try require(offerTimeout > .zero, "offer_timeout", "must be positive")
        try require(rejectDelay >= .zero, "reject_delay", "must not be negative")
        try require(wrapUp >= .zero, "wrap_up", "must not be negative")
        try require(serviceLevelThreshold >= .zero, "service_level_threshold", "must not be negative")
        try require(expectedHandleTime > .zero, "expected_handle_time", "must be positive")
        try require(maxNoAnswer >= 0, "max_no_answer", "must not be negative")
        try require(weight >= 1 && weight <= 1000, "weight", "must be 1-1000")
        try require((maxLength ?? 0) >= 0, "max_length", "must not be negative")
        try require((maxWaitWithNoAgent ?? .zero) >= .zero, "max_wait_no_agent", "must not be negative")
        if let limit = maxCallDuration {
            try require(limit.soft > .zero, "max_call_duration", "must be positive")
            try require((limit.hard ?? limit.soft) >= limit.soft, "max_call_duration_hard", "must not be below the soft limit")
        }
        if let hours {
            try hours.validate(queue: id, knownQueues: knownQueues)
        }
        for step in overflow {
            try require(step.after > .zero, "overflow", "steps must come after a positive wait")
            switch step.action {
            case .moveTo(let target):
                guard knownQueues.contains(target) else { throw .unknownQueue(target, referrer: "overflow of queue '\(id)'") }
                try require(target != id, "overflow", "cannot move a call to its own queue")
            case .widen(let targets):
                try require(!targets.isEmpty, "overflow", "must widen to at least one queue")
                try require(Set(targets).count == targets.count, "overflow", "names a queue twice in one widen")
                for target in targets where !knownQueues.contains(target) {
                    throw .unknownQueue(target, referrer: "overflow of queue '\(id)'")
                }
            case .leave:
                break
            case .divert(let destination):
                try require(!destination.isEmpty, "overflow", "must divert to a destination")
            }
        }
        if let target = escalationQueue {
            guard knownQueues.contains(target) else { throw .unknownQueue(target, referrer: "escalation_queue of queue '\(id)'") }
            try require(target != id, "escalation_queue", "cannot be the queue itself")
        }
    }
}

extension AgentConfiguration {
    /// The agent's total proficiency in `queue`'s required skills when it serves the queue, nil when
    /// it does not (a missing skill or one below the minimum, or a skill-less queue it does not
    /// name in its tiers).
    func proficiency(serving queue: QueueConfiguration) -> Int? {
        if queue.requiredSkills.isEmpty {
            return tiers[queue.id] == nil ? nil : 0
        }
        var total = 0
        for requirement in queue.requiredSkills {
            guard let level = skills[requirement.skill], level >= requirement.minimumProficiency else { return nil }
            total += level
        }
        return total
    }
}

extension BusinessHours {
    /// What the engine can check: the spans' times and the queue the closed treatment names (the
    /// time zone and the dates are the shell's business).
    func validate(queue: QueueID, knownQueues: Set<QueueID>) throws(ConfigurationError) {
        func require(_ condition: Bool, _ option: String, _ reason: String) throws(ConfigurationError) {
            if !condition { throw .invalidValue(queue: queue, option: option, reason: reason) }
        }
        try require(!timeZone.isEmpty, "hours.time_zone", "must name a time zone")
        let spans = week.values.flatMap { $0 } + holidays.flatMap(\.spans)
        for span in spans {
            try require((0..<1440).contains(span.opens) && (1...1440).contains(span.closes), "hours", "spans must lie within 00:00-24:00")
            try require(span.opens != span.closes, "hours", "spans must not open and close at the same time")
        }
        if case .sendTo(let target) = whenClosed {
            try require(knownQueues.contains(target), "hours.when_closed", "names queue '\(target)', which is not defined")
            try require(target != queue, "hours.when_closed", "cannot send calls to the queue itself")
        }
    }
}

extension SegmentPolicy {
    func validate() throws(ConfigurationError) {
        func require(_ condition: Bool, _ option: String, _ problem: String) throws(ConfigurationError) {
            if !condition { throw .invalidSegmentValue(segment: id, option: option, problem: problem) }
        }
        try require(!id.isEmpty, "id", "must not be empty")
        try require((0...9).contains(priority), "priority", "must be 0-9")
        try require((0...9).contains(escalatedPriority), "escalated_priority", "must be 0-9")
        try require(target > .zero, "target", "must be positive")
        switch escalation {
        case .percent(let percent):
            try require((0...99).contains(percent), "escalate_at", "must be 0% to 99% of the target")
        case .before(let lead):
            try require(lead > .zero && lead <= target, "escalate_before", "must be more than zero and at most the target")
        }
        try require((maxWait ?? .seconds(1)) > .zero, "max_wait", "must be positive")
    }
}
