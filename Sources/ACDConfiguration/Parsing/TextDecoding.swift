import Foundation

/// Decodes the file's bytes, reporting the first byte that is not UTF-8 at its line and column.
enum TextDecoding {
    static func utf8(_ data: Data, file: String) throws(ConfigurationFileError) -> String {
        if let text = String(validating: data, as: UTF8.self) { return text }
        var iterator = data.makeIterator()
        var decoder = UTF8()
        var line = 1
        var column = 1
        var previous: Unicode.Scalar?
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
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
            case .error, .emptyInput:
                throw ConfigurationFileError(file: file, line: line, column: column, message: "the file is not valid UTF-8 text")
            }
        }
    }
}
