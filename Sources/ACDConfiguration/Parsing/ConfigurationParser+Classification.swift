import ACDCore
import Yams

extension ConfigurationParser {
    static let classificationKeys = ["required", "call_types", "motives", "max_notes"]

    /// A queue's wrap-up classification catalogue: `{required: true, call_types: [...],
    /// motives: {motive: [sub-motive, ...]}, max_notes: 500}`, every key optional.
    func classificationCatalogue(_ node: Node) throws(ConfigurationFileError) -> ClassificationCatalogue {
        var catalogue = ClassificationCatalogue()
        if reader.isNull(node) { return catalogue }
        let mapping = try reader.mapping(node, "classification")
        try mapping.rejectUnknownKeys(Self.classificationKeys, in: "in classification", reader: reader)
        if let node = mapping["required"] {
            catalogue.required = try reader.bool(node, "required")
        }
        if let node = mapping["call_types"] {
            catalogue.callTypes = try distinctNames(node, "call_types", each: "call type")
            guard !catalogue.callTypes.isEmpty else {
                throw reader.error("call_types must list at least one call type", at: node)
            }
        }
        if let node = mapping["motives"], !reader.isNull(node) {
            let motives = try reader.mapping(node, "motives (each motive mapped to its sub-motives)")
            for entry in motives.entries {
                let id = try reader.identifier(entry.keyNode, "a motive")
                let subMotives = reader.isNull(entry.value)
                    ? [] : try distinctNames(entry.value, "the sub-motives of '\(id)'", each: "sub-motive")
                catalogue.motives.append(ClassificationCatalogue.Motive(id, subMotives: subMotives))
            }
        }
        if let node = mapping["max_notes"] {
            catalogue.maxNotesLength = try reader.int(node, "max_notes", in: 0...10_000)
        }
        return catalogue
    }

    /// A list of names, each given once.
    private func distinctNames(_ node: Node, _ what: String, each: String) throws(ConfigurationFileError) -> [String] {
        var names: [String] = []
        var seen: [String: SourcePosition] = [:]
        for (name, element) in try reader.identifierList(node, what) {
            if let first = seen[name] {
                throw reader.error("\(each) '\(name)' is listed twice (first at \(first))", at: element)
            }
            seen[name] = SourcePosition(of: element)
            names.append(name)
        }
        return names
    }
}
