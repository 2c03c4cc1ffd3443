import CSystemd
import Glibc
public import Logging

/// One journal entry for a log event: MESSAGE, PRIORITY from the level, SYSLOG_IDENTIFIER, where
/// it was logged (CODE_FILE, CODE_LINE, CODE_FUNC) and each metadata value under its journal field
/// name (`call.id` as CALL_ID; the event's error as ERROR_MESSAGE and ERROR_TYPE), so that
/// `journalctl CALL_ID=c-123` finds every line about one call.
public struct LogRecord: Sendable {
    /// The fields in the order they are sent; a name may repeat (journald keeps every value).
    public let fields: [(name: JournalFieldName, value: String)]

    /// The entry for `event`, logged by `identifier`, with `metadata` (the logger's own merged
    /// with the event's). Metadata keys with no usable field name are left out.
    public init(event: LogEvent, metadata: Logger.Metadata, identifier: String) {
        var fields: [(name: JournalFieldName, value: String)] = [
            (.message, event.message.description),
            (.priority, "\(Self.priority(event.level))"),
            (.syslogIdentifier, identifier),
            (.codeFile, event.file),
            (.codeLine, "\(event.line)"),
            (.codeFunction, event.function),
        ]
        var metadata = metadata
        if let error = event.error {
            metadata["error.message"] = "\(error)"
            metadata["error.type"] = "\(String(reflecting: type(of: error)))"
        }
        for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
            guard let name = JournalFieldName(metadataKey: key) else { continue }
            fields.append((name, "\(value)"))
        }
        self.fields = fields
    }

    /// The syslog priority journald files a level under (0 emergency ... 7 debug).
    public static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    /// Sends the entry with sd_journal_sendv. Values may hold any bytes, line breaks included.
    public func send() throws(SystemdError) {
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        for (name, value) in fields {
            let start = bytes.count
            bytes += name.rawValue.utf8
            bytes.append(UInt8(ascii: "="))
            bytes += value.utf8
            ranges.append(start..<bytes.count)
        }
        let result = bytes.withUnsafeMutableBytes { buffer in
            var vectors = ranges.map { range in
                iovec(iov_base: buffer.baseAddress.map { $0 + range.lowerBound }, iov_len: range.count)
            }
            return sd_journal_sendv(&vectors, Int32(vectors.count))
        }
        guard result >= 0 else { throw .journal(errno: -result) }
    }
}
