/// Finds the second occurrence of a duplicated key. Yams reports only the first one; in a block
/// mapping the others sit at the same column on a later line, before the mapping ends; in a flow
/// mapping they follow a comma of the same mapping.
enum DuplicateKeyLocator {
    static func nextSibling(of key: String, after first: SourcePosition, in text: String) -> SourcePosition? {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map { Array($0.unicodeScalars) }
        let spellings = [key, "\"\(key)\"", "'\(key)'"].map { Array($0.unicodeScalars) }
        return nextInBlock(spellings, after: first, lines: lines) ?? nextInFlow(spellings, after: first, lines: lines)
    }

    private static func nextInBlock(_ spellings: [[Unicode.Scalar]], after first: SourcePosition, lines: [[Unicode.Scalar]]) -> SourcePosition? {
        let indent = first.column - 1
        var lineIndex = first.line  // the line after the first occurrence (lines count from 1)
        while lineIndex < lines.count {
            defer { lineIndex += 1 }
            let line = lines[lineIndex]
            let leading = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(leading)
            if rest.isEmpty || rest.first == "#" { continue }
            if leading < indent { return nil }
            guard leading == indent else { continue }
            if spellings.contains(where: { isKey($0, at: leading, in: line) }) {
                return SourcePosition(line: lineIndex + 1, column: first.column)
            }
        }
        return nil
    }

    /// Walks the flow mapping from the first occurrence to its end, skipping quoted text and the
    /// collections nested in it, and looks at what follows each of its commas.
    private static func nextInFlow(_ spellings: [[Unicode.Scalar]], after first: SourcePosition, lines: [[Unicode.Scalar]]) -> SourcePosition? {
        var line = first.line - 1
        guard line < lines.count, let spelling = spellings.first(where: { isKey($0, at: first.column - 1, in: lines[line]) }) else { return nil }
        var column = first.column - 1 + spelling.count
        var depth = 0
        var quote: Unicode.Scalar?
        var afterComma = false
        while line < lines.count {
            while column < lines[line].count {
                let scalar = lines[line][column]
                if let open = quote {
                    if scalar == "\\" && open == "\"" {
                        column += 1
                    } else if scalar == open {
                        quote = nil
                    }
                    column += 1
                    continue
                }
                if afterComma, scalar != " ", scalar != "\t" {
                    afterComma = false
                    if spellings.contains(where: { isKey($0, at: column, in: lines[line]) }) {
                        return SourcePosition(line: line + 1, column: column + 1)
                    }
                }
                switch scalar {
                case "\"", "'": quote = scalar
                case "{", "[": depth += 1
                case "}", "]":
                    depth -= 1
                    if depth < 0 { return nil }
                case ",": afterComma = depth == 0
                default: break
                }
                column += 1
            }
            line += 1
            column = 0
        }
        return nil
    }

    /// Whether `spelling`, then optional spaces and a colon, starts at `column` of `line`.
    private static func isKey(_ spelling: [Unicode.Scalar], at column: Int, in line: [Unicode.Scalar]) -> Bool {
        guard column >= 0, line.count - column >= spelling.count, Array(line[column..<column + spelling.count]) == spelling else { return false }
        return line[(column + spelling.count)...].first { $0 != " " } == ":"
    }
}
