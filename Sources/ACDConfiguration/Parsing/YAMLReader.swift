import ACDCore
import Yams

/// Reads typed values out of YAML nodes, and phrases what is wrong with a node at its position in
/// the file. Values are read from the scalar's text, so YAML's own implicit typing (octal, base
/// 60, `yes`/`no`) never changes what a key means. What a value is (`what`) is phrased only when
/// a message needs it.
struct YAMLReader {
    let file: String

    func error(_ message: String, at position: SourcePosition) -> ConfigurationFileError {
        ConfigurationFileError(file: file, line: position.line, column: position.column, message: message)
    }

    func error(_ message: String, at node: Node) -> ConfigurationFileError {
        error(message, at: SourcePosition(of: node))
    }

    // MARK: Shapes

    /// Whether the node is YAML's null: nothing after the colon, `~` or `null`.
    func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// A short account of what the node holds, for messages.
    func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            if isNull(node) { return "an empty value" }
            return Self.quoted(scalar.string)
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    func mapping(_ node: Node, _ what: @autoclosure () -> String) throws(ConfigurationFileError) -> YAMLMapping {
        guard case .mapping(let mapping) = node else {
            throw error("\(what()) must be a mapping of keys to values, not \(describe(node))", at: node)
        }
        return try YAMLMapping(mapping, reader: self)
    }

    /// A mapping, or nil when the node is null (the section is left empty).
    func optionalMapping(_ node: Node?, _ what: @autoclosure () -> String) throws(ConfigurationFileError) -> YAMLMapping? {
        guard let node, !isNull(node) else { return nil }
        return try mapping(node, what())
    }

    func sequence(_ node: Node, _ what: @autoclosure () -> String) throws(ConfigurationFileError) -> Node.Sequence {
        guard case .sequence(let sequence) = node else {
            throw error("\(what()) must be a list, not \(describe(node))", at: node)
        }
        return sequence
    }

    /// A list, empty when the node is absent or null.
    func optionalSequence(_ node: Node?, _ what: @autoclosure () -> String) throws(ConfigurationFileError) -> Node.Sequence {
        guard let node, !isNull(node) else { return [] }
        return try sequence(node, what())
    }

    // MARK: Scalars

    /// Any scalar but null, as written.
    func string(_ node: Node, _ what: @autoclosure () -> String) throws(ConfigurationFileError) -> String {
        guard case .scalar(let scalar) = node, !isNull(node) else {
            throw error("\(what()) must be a string, not \(describe(node))", at: node)
        }
        return scalar.string
    }

    /// A name used on the wire and in logs (a queue, agent or skill id): not empty, with no
    /// spaces or control characters.
    func identifier(_ node: Node, _ what: @autoclosure () -> String) throws(ConfigurationFileError) -> String {
        let text = try string(node, what())
        guard !text.isEmpty else { throw error("\(what()) must not be empty", at: node) }
        // Printable ASCII, what nearly every identifier is, needs no look at Unicode properties.
        if text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) { return text }
        guard !text.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.properties.generalCategory == .control }) else {
            throw error("\(what()) \(describe(node)) must not contain spaces or control characters", at: node)
        }
        return text
    }

    /// A Unix user or group name.
    func unixName(_ node: Node, _ what: @autoclosure () -> String) throws(ConfigurationFileError) -> String {
        let text = try identifier(node, what())
        guard !text.hasPrefix("-"), !text.contains(":"), !text.contains("/"), !text.contains(",") else {
            throw error("\(what()) \(describe(node)) is not a valid Unix name", at: node)
        }
        return text
    }

    /// A plain decimal integer.
    func int(_ node: Node, _ what: @autoclosure () -> String) throws(ConfigurationFileError) -> Int {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any,
              Self.isDecimal(scalar.string)
        else {
            throw error("\(what()) must be a whole number, not \(describe(node))", at: node)
        }
        guard let value = Int(scalar.string) else {
            throw error("\(what()) \(scalar.string) is too large", at: node)
        }
        return value
    }

    /// A plain decimal integer within `range`.
    func int(_ node: Node, _ what: @autoclosure () -> String, in range: ClosedRange<Int>) throws(ConfigurationFileError) -> Int {
        let value = try int(node, what())
        guard range.contains(value) else {
            throw error("\(what()) \(value) is outside \(range.lowerBound)-\(range.upperBound)", at: node)
        }
        return value
    }

    /// A plain decimal number such as `0.1`.
    func double(_ node: Node, _ what: @autoclosure () -> String) throws(ConfigurationFileError) -> Double {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any,
              scalar.string.unicodeScalars.allSatisfy({ "0123456789.-+eE".unicodeScalars.contains($0) }),
              let value = Double(scalar.string), value.isFinite
        else {
            throw error("\(what()) must be a number such as 0.1, not \(describe(node))", at: node)
        }
        return value
    }

    func bool(_ node: Node, _ what: @autoclosure () -> String) throws(ConfigurationFileError) -> Bool {
        if case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any {
            switch scalar.string {
            case "true", "True", "TRUE": return true
            case "false", "False", "FALSE": return false
            default: break
            }
        }
        throw error("\(what()) must be true or false, not \(describe(node))", at: node)
    }

    /// A duration: `30s`, `3m`, `1h30m`, `250ms`, or a bare whole number of seconds.
    func duration(_ node: Node, _ what: @autoclosure () -> String) throws(ConfigurationFileError) -> Duration {
        guard case .scalar(let scalar) = node, !isNull(node) else {
            throw error("\(what()) must be a duration such as 30s, 3m, 1h30m or 250ms, not \(describe(node))", at: node)
        }
        switch DurationSyntax.parse(scalar.string) {
        case .success(let duration):
            return duration
        case .failure(let problem):
            throw error("\(what()) \(problem.message(for: scalar.string))", at: node)
        }
    }

    /// An identifier list written as a list, or a single identifier standing for a list of one.
    func identifierList(_ node: Node, _ what: @autoclosure () -> String) throws(ConfigurationFileError) -> [(String, Node)] {
        if case .scalar = node, !isNull(node) {
            return [(try identifier(node, what()), node)]
        }
        var result: [(String, Node)] = []
        for element in try sequence(node, what()) {
            result.append((try identifier(element, "each of \(what())"), element))
        }
        return result
    }

    /// Text from the file, quoted for a one-line message: control characters escaped, and cut
    /// short past 40 characters.
    static func quoted(_ text: String) -> String {
        var shown = ""
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if index == 40 {
                shown += "..."
                break
            }
            switch scalar {
            case "\n": shown += "\\n"
            case "\r": shown += "\\r"
            case "\t": shown += "\\t"
            default:
                if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format {
                    shown += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    shown.unicodeScalars.append(scalar)
                }
            }
        }
        return "'\(shown)'"
    }

    private static func isDecimal(_ text: String) -> Bool {
        let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        return !digits.isEmpty && digits.unicodeScalars.allSatisfy { $0.value >= 48 && $0.value <= 57 }
    }
}
