import Yams

/// A YAML mapping whose keys are names: each key a non-null scalar, given once.
struct YAMLMapping {
    struct Entry {
        let key: String
        let keyNode: Node
        let value: Node
    }

    let position: SourcePosition
    let entries: [Entry]
    private let indexByKey: [String: Int]

    init(_ mapping: Node.Mapping, reader: YAMLReader) throws(ConfigurationFileError) {
        position = SourcePosition(mapping.mark)
        var entries: [Entry] = []
        var indexByKey: [String: Int] = [:]
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode, !reader.isNull(keyNode) else {
                throw reader.error("keys must be names, not \(reader.describe(keyNode))", at: keyNode)
            }
            if let earlier = indexByKey[scalar.string] {
                let first = SourcePosition(of: entries[earlier].keyNode)
                throw reader.error("duplicate key \(YAMLReader.quoted(scalar.string)) (first given at \(first))", at: keyNode)
            }
            indexByKey[scalar.string] = entries.count
            entries.append(Entry(key: scalar.string, keyNode: keyNode, value: value))
        }
        self.entries = entries
        self.indexByKey = indexByKey
    }

    subscript(key: String) -> Node? {
        indexByKey[key].map { entries[$0].value }
    }

    func keyPosition(_ key: String) -> SourcePosition? {
        indexByKey[key].map { SourcePosition(of: entries[$0].keyNode) }
    }

    /// Refuses the first key not in `known`, suggesting the known key it was probably meant to be.
    func rejectUnknownKeys(_ known: [String], in context: String, reader: YAMLReader) throws(ConfigurationFileError) {
        for entry in entries where !known.contains(entry.key) {
            throw Self.unknownKey(entry, known: known, in: context, reader: reader)
        }
    }

    static func unknownKey(_ entry: Entry, known: [String], in context: String, reader: YAMLReader) -> ConfigurationFileError {
        let hint: String
        if entry.key == "<<" {
            hint = "YAML merge keys are not supported; queue options shared by every queue go in 'defaults'"
        } else if let suggestion = KeySuggestion.closest(to: entry.key, among: known) {
            hint = "did you mean '\(suggestion)'?"
        } else {
            hint = "expected one of: \(known.joined(separator: ", "))"
        }
        return reader.error("unknown key \(YAMLReader.quoted(entry.key)) \(context); \(hint)", at: entry.keyNode)
    }
}
