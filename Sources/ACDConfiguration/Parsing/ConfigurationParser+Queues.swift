import ACDCore
import Yams

extension ConfigurationParser {
    /// Every queue option, as written in a queue and in `defaults`.
    static let queueOptionKeys = [
        "required_skills", "strategy", "tier_wait", "overflow", "max_wait_no_agent", "max_length",
        "join_when_empty", "offer_timeout", "max_no_answer", "reject_delay", "wrap_up", "max_call_duration",
        "service_level_threshold", "weight", "expected_handle_time", "classification", "hours", "dialing",
    ]
    static let overflowStepKeys = ["after", "move_to", "widen", "leave", "divert"]

    /// The queue every queue starts from: the engine's defaults with `defaults` applied.
    mutating func parseDefaults(_ node: Node?) throws(ConfigurationFileError) -> QueueConfiguration {
        var template = QueueConfiguration(id: "")
        guard let mapping = try reader.optionalMapping(node, "defaults") else { return template }
        var defaultLocations = SourceLocations.Queue()
        for entry in mapping.entries {
            try applyQueueOption(entry, to: &template, locations: &defaultLocations, in: "in defaults", known: Self.queueOptionKeys)
        }
        locations.defaults = defaultLocations
        return template
    }

    mutating func parseQueues(_ node: Node, template: QueueConfiguration) throws(ConfigurationFileError) -> [QueueConfiguration] {
        let elements = try reader.sequence(node, "queues")
        guard !elements.isEmpty else {
            throw reader.error("queues must list at least one queue", at: node)
        }
        var queues: [QueueConfiguration] = []
        for element in elements {
            let mapping = try reader.mapping(element, "a queue")
            guard let idNode = mapping["id"] else {
                throw reader.error("a queue needs an 'id'", at: mapping.position)
            }
            let id = QueueID(try reader.identifier(idNode, "id"))
            if let first = locations.queues[id] {
                throw reader.error("queue '\(id)' is defined twice (first at \(first.id))", at: idNode)
            }
            var queue = template
            queue.id = id
            var queueLocations = locations.defaults
            queueLocations.id = SourcePosition(of: idNode)
            for entry in mapping.entries where entry.key != "id" {
                // Per queue only: in defaults it would name the escalation queue itself too.
                if entry.key == "escalation_queue" {
                    queueLocations.options[entry.key] = SourcePosition(of: entry.value)
                    queue.escalationQueue = reader.isNull(entry.value) ? nil : QueueID(try reader.identifier(entry.value, entry.key))
                    continue
                }
                try applyQueueOption(
                    entry, to: &queue, locations: &queueLocations, in: "in queue '\(id)'", known: ["id", "escalation_queue"] + Self.queueOptionKeys
                )
            }
            locations.queues[id] = queueLocations
            queues.append(queue)
        }
        return queues
    }

    /// Sets one option of `queue` from the file, and records where it was written; refuses a key
    /// that is no queue option, naming `context` and the `known` keys.
    func applyQueueOption(
        _ entry: YAMLMapping.Entry,
        to queue: inout QueueConfiguration,
        locations queueLocations: inout SourceLocations.Queue,
        in context: String,
        known: [String]
    ) throws(ConfigurationFileError) {
        let node = entry.value
        let key = entry.key
        queueLocations.options[key] = SourcePosition(of: node)
        switch key {
        case "required_skills":
            queueLocations.requiredSkills = [:]
            queue.requiredSkills = try requiredSkills(node, locations: &queueLocations)
        case "strategy":
            queue.strategy = try strategy(node)
        case "tier_wait":
            queue.tierWait = try reader.duration(node, key)
        case "overflow":
            queueLocations.overflowTargets = []
            queue.overflow = try overflowSteps(node, locations: &queueLocations)
        case "max_wait_no_agent":
            queue.maxWaitWithNoAgent = reader.isNull(node) ? nil : try reader.duration(node, key)
        case "max_length":
            queue.maxLength = reader.isNull(node) ? nil : try reader.int(node, key)
        case "join_when_empty":
            queue.joinWhenEmpty = try reader.bool(node, key)
        case "offer_timeout":
            queue.offerTimeout = try reader.duration(node, key)
        case "max_no_answer":
            queue.maxNoAnswer = try reader.int(node, key)
        case "reject_delay":
            queue.rejectDelay = try reader.duration(node, key)
        case "wrap_up":
            queue.wrapUp = try reader.duration(node, key)
        case "max_call_duration":
            queueLocations.options["max_call_duration_hard"] = nil
            queue.maxCallDuration = try callDurationLimit(node, locations: &queueLocations)
        case "service_level_threshold":
            queue.serviceLevelThreshold = try reader.duration(node, key)
        case "weight":
            queue.weight = try reader.int(node, key)
        case "expected_handle_time":
            queue.expectedHandleTime = try reader.duration(node, key)
        case "classification":
            queue.classification = try classificationCatalogue(node)
        case "hours":
            queueLocations.options["hours.when_closed"] = nil
            queue.hours = try businessHours(node, locations: &queueLocations)
        case "dialing":
            queue.dialing = try dialPolicy(node, base: queue.dialing)
        default:
            throw YAMLMapping.unknownKey(entry, known: known, in: context, reader: reader)
        }
    }

    /// `{skill: minimum, ...}`, or `[skill, ...]` meaning a minimum of 1 each.
    private func requiredSkills(
        _ node: Node, locations queueLocations: inout SourceLocations.Queue
    ) throws(ConfigurationFileError) -> [SkillRequirement] {
        if reader.isNull(node) { return [] }
        var requirements: [SkillRequirement] = []
        if case .sequence = node {
            var seen: [SkillID: SourcePosition] = [:]
            for (name, element) in try reader.identifierList(node, "required_skills") {
                let skill = SkillID(name)
                if let first = seen[skill] {
                    throw reader.error("skill '\(skill)' is required twice (first at \(first))", at: element)
                }
                seen[skill] = SourcePosition(of: element)
                requirements.append(SkillRequirement(skill))
            }
            queueLocations.requiredSkills = seen
            return requirements
        }
        guard case .mapping = node else {
            throw reader.error(
                "required_skills must map skills to a minimum proficiency ({tax: 5}) or list skills ([tax]), not \(reader.describe(node))",
                at: node
            )
        }
        let mapping = try reader.mapping(node, "required_skills")
        for entry in mapping.entries {
            let skill = SkillID(try reader.identifier(entry.keyNode, "a skill"))
            let minimum = try reader.int(entry.value, "the minimum proficiency in '\(skill)'")
            queueLocations.requiredSkills[skill] = SourcePosition(of: entry.value)
            requirements.append(SkillRequirement(skill, minimumProficiency: minimum))
        }
        return requirements
    }

    private func strategy(_ node: Node) throws(ConfigurationFileError) -> RoutingStrategy {
        let text = try reader.string(node, "strategy")
        if let strategy = RoutingStrategy(rawValue: text) { return strategy }
        let known = RoutingStrategy.allCases.map(\.rawValue)
        let hint = KeySuggestion.closest(to: text, among: known).map { "did you mean '\($0)'?" }
            ?? "expected one of: \(known.joined(separator: ", "))"
        throw reader.error("unknown strategy \(YAMLReader.quoted(text)); \(hint)", at: node)
    }

    private func overflowSteps(
        _ node: Node, locations queueLocations: inout SourceLocations.Queue
    ) throws(ConfigurationFileError) -> [OverflowStep] {
        var steps: [OverflowStep] = []
        for element in try reader.optionalSequence(node, "overflow") {
            steps.append(try overflowStep(element, locations: &queueLocations))
        }
        return steps
    }

    /// `{after: 60s, move_to: q}`, `{after: 60s, widen: [q1, q2]}`, `{after: 3m, leave: true}` or
    /// `{after: 3m, divert: "sip:..."}`.
    private func overflowStep(
        _ node: Node, locations queueLocations: inout SourceLocations.Queue
    ) throws(ConfigurationFileError) -> OverflowStep {
        let mapping = try reader.mapping(node, "an overflow step")
        try mapping.rejectUnknownKeys(Self.overflowStepKeys, in: "in an overflow step", reader: reader)
        guard let afterNode = mapping["after"] else {
            throw reader.error("an overflow step needs 'after', the wait in the queue before it applies", at: mapping.position)
        }
        let after = try reader.duration(afterNode, "after")
        guard after > .zero else {
            throw reader.error("after must be a positive wait, not \(reader.describe(afterNode))", at: afterNode)
        }
        let actions = mapping.entries.filter { $0.key != "after" }
        guard let action = actions.first else {
            throw reader.error("an overflow step needs one of move_to, widen, leave or divert", at: mapping.position)
        }
        if actions.count > 1 {
            throw reader.error(
                "an overflow step takes one action, not both '\(action.key)' and '\(actions[1].key)'", at: actions[1].keyNode
            )
        }
        switch action.key {
        case "move_to":
            let target = QueueID(try reader.identifier(action.value, "move_to"))
            queueLocations.overflowTargets.append((target, SourcePosition(of: action.value)))
            return OverflowStep(after: after, action: .moveTo(target))
        case "widen":
            var targets: [QueueID] = []
            for (name, element) in try reader.identifierList(action.value, "widen") {
                targets.append(QueueID(name))
                queueLocations.overflowTargets.append((QueueID(name), SourcePosition(of: element)))
            }
            return OverflowStep(after: after, action: .widen(targets))
        case "leave":
            guard try reader.bool(action.value, "leave") else {
                throw reader.error("leave must be true; a step that does nothing has no place in overflow", at: action.value)
            }
            return OverflowStep(after: after, action: .leave)
        default:  // divert, the only key left
            let destination = try reader.string(action.value, "divert")
            guard !destination.isEmpty else { throw reader.error("divert must name a destination", at: action.value) }
            return OverflowStep(after: after, action: .divert(destination: destination))
        }
    }

    /// A soft limit alone (`15m`), or `{soft: 15m, hard: 30m}`; null for none.
    private func callDurationLimit(
        _ node: Node, locations queueLocations: inout SourceLocations.Queue
    ) throws(ConfigurationFileError) -> CallDurationLimit? {
        if reader.isNull(node) { return nil }
        guard case .mapping = node else {
            return CallDurationLimit(soft: try reader.duration(node, "max_call_duration"))
        }
        let mapping = try reader.mapping(node, "max_call_duration")
        try mapping.rejectUnknownKeys(["soft", "hard"], in: "in max_call_duration", reader: reader)
        guard let softNode = mapping["soft"] else {
            throw reader.error("max_call_duration needs 'soft', the time of the first notice", at: mapping.position)
        }
        queueLocations.options["max_call_duration"] = SourcePosition(of: softNode)
        var limit = CallDurationLimit(soft: try reader.duration(softNode, "soft"))
        if let hardNode = mapping["hard"], !reader.isNull(hardNode) {
            queueLocations.options["max_call_duration_hard"] = SourcePosition(of: hardNode)
            limit.hard = try reader.duration(hardNode, "hard")
        }
        return limit
    }
}
