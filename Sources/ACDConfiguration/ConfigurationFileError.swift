/// A problem in a configuration file, at the place to fix it.
///
/// Its description reads `FILE:LINE:COLUMN: message`, the form editors and `--check-config` use.
/// Lines and columns count from 1; columns count Unicode scalars, as libyaml does. A problem with
/// the file as a whole (it cannot be read, it is empty) is reported at 1:1.
public struct ConfigurationFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The path of the file, as it was given.
    public var file: String
    public var line: Int
    public var column: Int
    /// What is wrong, and where possible what would be right.
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): \(message)" }
}
