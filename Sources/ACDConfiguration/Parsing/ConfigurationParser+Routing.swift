import ACDCore
import Yams

extension ConfigurationParser {
    static let routingRuleKeys = ["match", "queue", "priority"]

    /// The routing table, in order; every rule must name a configured queue.
    func parseRouting(_ node: Node?, queues: [QueueID]) throws(ConfigurationFileError) -> [RoutingRule] {
        var rules: [RoutingRule] = []
        for element in try reader.optionalSequence(node, "routing") {
            let mapping = try reader.mapping(element, "a routing rule")
            try mapping.rejectUnknownKeys(Self.routingRuleKeys, in: "in a routing rule", reader: reader)
            guard let queueNode = mapping["queue"] else {
                throw reader.error("a routing rule needs a 'queue'", at: mapping.position)
            }
            let queue = QueueID(try reader.identifier(queueNode, "queue"))
            guard queues.contains(queue) else {
                let hint = KeySuggestion.closest(to: queue.rawValue, among: queues.map(\.rawValue)).map { "; did you mean '\($0)'?" } ?? ""
                throw reader.error("routing rule names queue '\(queue)', which is not defined\(hint)", at: queueNode)
            }
            var rule = RoutingRule(queue: queue)
            if let node = mapping["priority"] {
                rule.priority = try reader.int(node, "priority", in: 0...9)
            }
            if let node = mapping["match"], let match = try reader.optionalMapping(node, "match") {
                for entry in match.entries {
                    let attribute = try reader.identifier(entry.keyNode, "an attribute name")
                    rule.match[attribute] = try matchValues(entry.value, attribute: attribute)
                }
            }
            rules.append(rule)
        }
        return rules
    }

    /// One value, or a list of values any of which matches.
    private func matchValues(_ node: Node, attribute: String) throws(ConfigurationFileError) -> [String] {
        guard case .sequence = node else {
            return [try reader.string(node, "'\(attribute)'")]
        }
        var values: [String] = []
        for element in try reader.sequence(node, "'\(attribute)'") {
            values.append(try reader.string(element, "each value of '\(attribute)'"))
        }
        guard !values.isEmpty else {
            throw reader.error("'\(attribute)' must give at least one value to match", at: node)
        }
        return values
    }
}
