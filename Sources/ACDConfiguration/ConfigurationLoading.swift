import Yams

/// A configuration file loaded in two steps: first the state directory and the journal settings
/// (with the top level's keys and the socket), then the rest. The daemon opens its journal on
/// another thread between the two, so SQLite's recovery and the snapshot's decoding overlap the
/// parsing of the queues and agents. Errors are the same, in the same order, as in one step.
public struct ConfigurationLoading {
    private var parser: ConfigurationParser
    private let head: ConfigurationParser.Head

    /// Reads the file at `path` and parses its head. Relative paths in the file are resolved
    /// against the file's directory.
    public init(path: String) throws(ConfigurationFileError) {
        try self.init(yaml: try DaemonConfiguration.text(ofFile: path), file: path)
    }

    /// Parses the head of configuration text; `file` names it in errors, and relative paths are
    /// resolved against its directory (against the current directory when `file` is relative).
    public init(yaml: String, file: String) throws(ConfigurationFileError) {
        let root = try YAMLDocument.compose(yaml, file: file)
        parser = ConfigurationParser(file: file, baseDirectory: DaemonConfiguration.baseDirectory(of: file))
        head = try parser.parseHead(root)
    }

    /// The absolute state directory (the journal and the call records are in it).
    public var stateDirectory: String { head.stateDirectory }

    public var journal: JournalConfiguration { head.journal }

    /// Parses the rest of the file.
    public consuming func finish() throws(ConfigurationFileError) -> DaemonConfiguration {
        try parser.parse(after: head)
    }
}
