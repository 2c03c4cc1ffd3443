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
    /// Key to entry, only for mappings too long to search entry by entry (most have a few keys).
    private let indexByKey: [String: Int]?

    /// Mappings with at most this many keys are searched entry by entry.
    private static let shortLength = 16

    init(_ mapping: Node.Mapping, reader: YAMLReader) throws(ConfigurationFileError) {
        position = SourcePosition(mapping.mark)
        var entries: [Entry] = []
        entries.reserveCapacity(mapping.count)
        var indexByKey: [String: Int]? = mapping.count > Self.shortLength ? Dictionary(minimumCapacity: mapping.count) : nil
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode, !reader.isNull(keyNode) else {
                throw reader.error("keys must be names, not \(reader.describe(keyNode))", at: keyNode)
            }
            let key = scalar.string
            let earlier: Int?
            if indexByKey != nil {
                earlier = indexByKey?.updateValue(entries.count, forKey: key)
            } else {
                earlier = entries.firstIndex { $0.key == key }
            }
            if let earlier {
                let first = SourcePosition(of: entries[earlier].keyNode)
                throw reader.error("duplicate key \(YAMLReader.quoted(key)) (first given at \(first))", at: keyNode)
            }
            entries.append(Entry(key: key, keyNode: keyNode, value: value))
        }
        self.entries = entries
        self.indexByKey = indexByKey
    }

    private func index(of key: String) -> Int? {
        if let indexByKey { return indexByKey[key] }
        return entries.firstIndex { $0.key == key }
    }

    subscript(key: String) -> Node? {
        index(of: key).map { entries[$0].value }
    }

    func keyPosition(_ key: String) -> SourcePosition? {
        index(of: key).map { SourcePosition(of: entries[$0].keyNode) }
    }

    /// Where the value of `key` is written.
    func valuePosition(_ key: String) -> SourcePosition? {
        index(of: key).map { SourcePosition(of: entries[$0].value) }
    }

    /// Refuses the first key not in `known`, suggesting the known key it was probably meant to be.
    func rejectUnknownKeys(_ known: [String], in context: @autoclosure () -> String, reader: YAMLReader) throws(ConfigurationFileError) {
        for entry in entries where !known.contains(entry.key) {
            throw Self.unknownKey(entry, known: known, in: context(), reader: reader)
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
