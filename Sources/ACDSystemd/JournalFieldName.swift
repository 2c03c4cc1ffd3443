/// A journal field name: upper-case ASCII letters, digits and underscores, not starting with a
/// digit or an underscore (those are journald's trusted fields), at most 64 bytes. journald drops
/// fields whose names break these rules, so log metadata keys are turned into valid names:
/// `call.id` becomes `CALL_ID`, `agentID` `AGENT_ID`, `waited_ms` `WAITED_MS`.
public struct JournalFieldName: Hashable, Sendable, CustomStringConvertible {
    /// The name as journald sees it.
    public let rawValue: String

    /// The longest name journald accepts.
    public static let maximumLength = 64

    /// The human-readable message.
    public static let message = JournalFieldName(trusted: "MESSAGE")
    /// The syslog priority, 0 (emergency) to 7 (debug).
    public static let priority = JournalFieldName(trusted: "PRIORITY")
    /// The program, as `journalctl -t` selects it.
    public static let syslogIdentifier = JournalFieldName(trusted: "SYSLOG_IDENTIFIER")
    /// The source file, line and function that logged.
    public static let codeFile = JournalFieldName(trusted: "CODE_FILE")
    public static let codeLine = JournalFieldName(trusted: "CODE_LINE")
    public static let codeFunction = JournalFieldName(trusted: "CODE_FUNC")

    /// Names journald or journalctl give a meaning to: log metadata that maps to one of them is
    /// sent with a `METADATA_` prefix instead, so that it cannot pose as the entry's own message,
    /// priority or origin.
    static let meaningful: Set<String> = [
        "MESSAGE", "MESSAGE_ID", "PRIORITY", "CODE_FILE", "CODE_LINE", "CODE_FUNC", "ERRNO",
        "INVOCATION_ID", "USER_INVOCATION_ID", "SYSLOG_FACILITY", "SYSLOG_IDENTIFIER", "SYSLOG_PID",
        "SYSLOG_TIMESTAMP", "SYSLOG_RAW", "DOCUMENTATION", "TID", "UNIT", "USER_UNIT",
        "OBJECT_PID", "COREDUMP_UNIT", "COREDUMP_USER_UNIT",
    ]

    private init(trusted rawValue: String) {
        self.rawValue = rawValue
    }

    /// The field name for a log metadata key, or nil when nothing usable is left of it (a key
    /// of punctuation only). Letters are upper-cased, a lower-case letter or digit followed by an
    /// upper-case letter gets an underscore between them (camelCase), any other character
    /// becomes an underscore; runs of underscores collapse and leading and trailing ones go; a
    /// name starting with a digit gets `FIELD_` in front; a name journald gives a meaning to gets
    /// `METADATA_` in front; the result is cut to 64 bytes.
    public init?(metadataKey key: String) {
        var name = ""
        var previous: Unicode.Scalar?
        for scalar in key.unicodeScalars {
            let character: Character
            switch scalar {
            case "a"..."z", "0"..."9":
                character = Character(scalar.properties.uppercaseMapping)
            case "A"..."Z":
                if let previous, ("a"..."z").contains(previous) || ("0"..."9").contains(previous) {
                    name.append("_")
                }
                character = Character(scalar)
            default:
                character = "_"
            }
            if character != "_" || (name.last.map { $0 != "_" } ?? false) {
                name.append(character)
            }
            previous = scalar
        }
        while name.last == "_" {
            name.removeLast()
        }
        guard let first = name.first else { return nil }
        if first.isASCII, first.isNumber {
            name = "FIELD_" + name
        }
        if Self.meaningful.contains(name) {
            name = "METADATA_" + name
        }
        rawValue = String(name.prefix(Self.maximumLength))
    }

    public var description: String { rawValue }
}
