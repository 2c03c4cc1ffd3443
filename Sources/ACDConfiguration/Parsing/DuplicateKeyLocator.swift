/// Finds the second occurrence of a duplicated key. Yams reports only the first one; in a block
/// mapping the others sit at the same column on a later line, before the mapping ends.
enum DuplicateKeyLocator {
    static func nextSibling(of key: String, after first: SourcePosition, in text: String) -> SourcePosition? {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        let indent = first.column - 1
        let spellings = [key, "\"\(key)\"", "'\(key)'"]
        var lineIndex = first.line  // the line after the first occurrence (lines count from 1)
        while lineIndex < lines.count {
            defer { lineIndex += 1 }
            let line = Array(lines[lineIndex].unicodeScalars)
            let leading = line.prefix { $0 == " " }.count
            let rest = String(String.UnicodeScalarView(line.dropFirst(leading)))
            if rest.isEmpty || rest.hasPrefix("#") { continue }
            if leading < indent { return nil }
            guard leading == indent else { continue }
            for spelling in spellings where rest.hasPrefix(spelling) {
                let after = rest.dropFirst(spelling.count).drop { $0 == " " }
                if after.hasPrefix(":") {
                    return SourcePosition(line: lineIndex + 1, column: first.column)
                }
            }
        }
        return nil
    }
}
