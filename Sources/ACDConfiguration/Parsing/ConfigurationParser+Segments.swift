import ACDCore
import Yams

extension ConfigurationParser {
    static let segmentKeys = ["priority", "target", "escalate_at", "escalate_before", "escalated_priority", "max_wait"]

    /// `segments: {NAME: {target: 20s, priority: 5, escalate_at: 80%, max_wait: 5m}}`: each
    /// customer segment's service-level agreement. `target` is required; `escalate_at` and
    /// `escalate_before` exclude each other.
    mutating func parseSegments(_ node: Node?) throws(ConfigurationFileError) -> [SegmentPolicy] {
        guard let mapping = try reader.optionalMapping(node, "segments") else { return [] }
        var segments: [SegmentPolicy] = []
        for entry in mapping.entries {
            let id = try reader.identifier(entry.keyNode, "a segment")
            let options = try reader.mapping(entry.value, "segment '\(id)'")
            try options.rejectUnknownKeys(Self.segmentKeys, in: "in segment '\(id)'", reader: reader)
            var segmentLocations = SourceLocations.Segment(id: SourcePosition(of: entry.keyNode))
            guard let targetNode = options["target"] else {
                throw reader.error("segment '\(id)' needs a 'target' (the wait it promises, such as 20s)", at: entry.keyNode)
            }
            var segment = SegmentPolicy(id: id, target: try reader.duration(targetNode, "target"))
            segmentLocations.options["target"] = SourcePosition(of: targetNode)
            if let node = options["priority"] {
                segment.priority = try reader.int(node, "priority", in: 0...9)
            }
            if let node = options["escalated_priority"] {
                segment.escalatedPriority = try reader.int(node, "escalated_priority", in: 0...9)
            }
            switch (options["escalate_at"], options["escalate_before"]) {
            case (let at?, _?):
                throw reader.error("segment '\(id)': give escalate_at or escalate_before, not both", at: at)
            case (let at?, nil):
                segment.escalation = .percent(try percent(at))
                segmentLocations.options["escalate_at"] = SourcePosition(of: at)
            case (nil, let before?):
                segment.escalation = .before(try reader.duration(before, "escalate_before"))
                segmentLocations.options["escalate_before"] = SourcePosition(of: before)
            case (nil, nil):
                break
            }
            if let node = options["max_wait"], !reader.isNull(node) {
                segment.maxWait = try reader.duration(node, "max_wait")
                segmentLocations.options["max_wait"] = SourcePosition(of: node)
            }
            locations.segments[id] = segmentLocations
            segments.append(segment)
        }
        return segments
    }

    /// A share of the target at which to escalate: `80%`, from 0% to 99%.
    private func percent(_ node: Node) throws(ConfigurationFileError) -> Int {
        if case .scalar(let scalar) = node, scalar.string.hasSuffix("%") {
            let digits = scalar.string.dropLast()
            if !digits.isEmpty, digits.count <= 3, digits.unicodeScalars.allSatisfy({ $0.value >= 48 && $0.value <= 57 }),
               let percent = Int(digits), (0...99).contains(percent) {
                return percent
            }
        }
        throw reader.error("escalate_at must be a share of the target from 0% to 99%, such as 80%, not \(reader.describe(node))", at: node)
    }
}
