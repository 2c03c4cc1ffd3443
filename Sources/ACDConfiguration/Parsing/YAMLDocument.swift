import Yams

/// Parses YAML text into its node tree, turning every libyaml and Yams failure into a
/// `ConfigurationFileError` at the line and column where it happened.
enum YAMLDocument {
    /// The document's root node; nil when the text holds no document (empty, or comments only).
    static func compose(_ text: String, file: String) throws(ConfigurationFileError) -> Node? {
        do {
            // The encoding is explicit: Yams' default reads an environment variable and prints.
            // The resolver is the basic one: the reader takes every scalar as written (with its
            // own rules for numbers, booleans and null) and keys by their text, so resolving tags
            // by regular expressions, which Yams does for every key it checks for duplicates,
            // only cost time (a tenth of a second for 10,000 agents).
            return try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            throw translate(error, text: text, file: file)
        } catch {
            throw ConfigurationFileError(file: file, line: 1, column: 1, message: "cannot parse YAML: \(error)")
        }
    }

    static func translate(_ error: YamlError, text: String, file: String) -> ConfigurationFileError {
        func located(_ position: SourcePosition, _ message: String) -> ConfigurationFileError {
            ConfigurationFileError(file: file, line: position.line, column: position.column, message: message)
        }
        func syntax(_ context: YamlError.Context?, _ problem: String, _ mark: Mark) -> ConfigurationFileError {
            let detail = context.map { " (\($0.text) at \(SourcePosition($0.mark)))" } ?? ""
            return located(SourcePosition(mark), "invalid YAML: \(problem)\(detail)")
        }
        switch error {
        case .parser(_, let problem, let mark, _) where problem.hasPrefix("Maximum nesting level reached"):
            return located(SourcePosition(mark), "invalid YAML: nested more than 1000 levels deep")
        case .composer(_, "but found another document", let mark, _):
            return located(SourcePosition(mark), "the file must hold a single YAML document; another one starts here")
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            return syntax(context, problem, mark)
        case .reader(let problem, let offset, let value, _):
            // Yams gives the offset in characters.
            let position = offset.flatMap { text.index(text.startIndex, offsetBy: $0, limitedBy: text.endIndex) }
                .map { SourcePosition(scalarOffset: text.unicodeScalars.distance(from: text.startIndex, to: $0), in: text) }
                ?? .start
            let character = value >= 0 ? " (U+\(String(value, radix: 16, uppercase: true)))" : ""
            return located(position, "invalid input: \(problem)\(character)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let first = SourcePosition(context.mark)
            if let second = DuplicateKeyLocator.nextSibling(of: key, after: first, in: text) {
                return located(second, "duplicate key \(YAMLReader.quoted(key)) (first given at \(first))")
            }
            return located(first, "duplicate key \(YAMLReader.quoted(key)): it is given more than once in this mapping")
        case .no, .memory, .writer, .emitter, .representer, .dataCouldNotBeDecoded:
            return located(.start, "cannot parse YAML: \(error)")
        }
    }
}
