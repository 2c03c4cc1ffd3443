import ACDCore
import Yams

extension ConfigurationParser {
    static let breakKeys = ["reasons", "defer_while_calls_wait", "max_on_break", "over_limit"]
    static let breakReasonKeys = ["id", "daily_count", "daily_time", "staggered"]

    /// The break policy: reasons with their quotas, deferral while calls wait, the team limit.
    mutating func parseBreaks(_ node: Node?) throws(ConfigurationFileError) -> BreakPolicy {
        var policy = BreakPolicy()
        guard let mapping = try reader.optionalMapping(node, "breaks") else { return policy }
        try mapping.rejectUnknownKeys(Self.breakKeys, in: "in breaks", reader: reader)
        for element in try reader.optionalSequence(mapping["reasons"], "reasons") {
            let reasonMapping = try reader.mapping(element, "a break reason")
            guard let idNode = reasonMapping["id"] else {
                throw reader.error("a break reason needs an 'id'", at: reasonMapping.position)
            }
            let id = NotReadyReason(try reader.identifier(idNode, "id"))
            if let first = locations.breakReasons[id] {
                throw reader.error("break reason '\(id)' is defined twice (first at \(first.id))", at: idNode)
            }
            try reasonMapping.rejectUnknownKeys(Self.breakReasonKeys, in: "in break reason '\(id)'", reader: reader)
            var reason = BreakReason(id)
            var reasonLocations = SourceLocations.BreakReason(id: SourcePosition(of: idNode))
            if let node = reasonMapping["daily_count"], !reader.isNull(node) {
                reason.dailyCount = try reader.int(node, "daily_count", in: 0...10_000)
                reasonLocations.options["daily_count"] = SourcePosition(of: node)
            }
            if let node = reasonMapping["daily_time"], !reader.isNull(node) {
                reason.dailyTime = try reader.duration(node, "daily_time")
                reasonLocations.options["daily_time"] = SourcePosition(of: node)
            }
            if let node = reasonMapping["staggered"] {
                reason.staggered = try reader.bool(node, "staggered")
            }
            locations.breakReasons[id] = reasonLocations
            policy.reasons.append(reason)
        }
        if let node = mapping["defer_while_calls_wait"] {
            policy.deferWhileCallsWait = try reader.bool(node, "defer_while_calls_wait")
        }
        if let node = mapping["max_on_break"], !reader.isNull(node) {
            policy.maxOnBreak = try breakLimit(node)
            locations.breakOptions["max_on_break"] = SourcePosition(of: node)
        }
        if let node = mapping["over_limit"] {
            let text = try reader.string(node, "over_limit")
            guard let treatment = BreakPolicy.OverLimit(rawValue: text) else {
                let known = BreakPolicy.OverLimit.allCases.map(\.rawValue)
                let hint = KeySuggestion.closest(to: text, among: known).map { "did you mean '\($0)'?" }
                    ?? "expected one of: \(known.joined(separator: ", "))"
                throw reader.error("unknown over_limit \(YAMLReader.quoted(text)); \(hint)", at: node)
            }
            policy.overLimit = treatment
        }
        return policy
    }

    /// A number of agents (`2`) or a share of a team's logged-in agents (`25%`).
    private func breakLimit(_ node: Node) throws(ConfigurationFileError) -> BreakPolicy.Limit {
        if case .scalar(let scalar) = node, scalar.string.hasSuffix("%") {
            let digits = scalar.string.dropLast()
            guard !digits.isEmpty, digits.unicodeScalars.allSatisfy({ $0.value >= 48 && $0.value <= 57 }),
                  let percent = Int(digits), (1...100).contains(percent)
            else {
                throw reader.error("max_on_break must be a number of agents or a share from 1% to 100%, not \(reader.describe(node))", at: node)
            }
            return .percent(percent)
        }
        return .agents(try reader.int(node, "max_on_break (a number of agents, or a share such as 25%)", in: 1...100_000))
    }
}
