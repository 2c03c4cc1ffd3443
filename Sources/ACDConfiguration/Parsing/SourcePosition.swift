import Yams

/// A line and column in the configuration file, both from 1 (columns in Unicode scalars).
struct SourcePosition: Equatable, Sendable, CustomStringConvertible {
    var line: Int
    var column: Int

    /// The start of the file: the place of problems with the file as a whole.
    static let start = SourcePosition(line: 1, column: 1)

    init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    init(_ mark: Mark?) {
        self = mark.map { SourcePosition(line: $0.line, column: $0.column) } ?? .start
    }

    init(of node: Node) {
        self.init(node.mark)
    }

    /// The position of the `offset`-th Unicode scalar of `text`.
    init(scalarOffset offset: Int, in text: String) {
        var line = 1
        var column = 1
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars.prefix(offset) {
            if scalar == "\n" {
                if previous != "\r" { line += 1 }
                column = 1
            } else if scalar == "\r" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            previous = scalar
        }
        self.init(line: line, column: column)
    }

    var description: String { "\(line):\(column)" }
}
