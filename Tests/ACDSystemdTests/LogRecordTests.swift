import ACDSystemd
import Logging
import Testing

@Suite struct LogRecordTests {
    struct Refused: Error, CustomStringConvertible {
        var description: String { "refused" }
    }

    func fields(_ entry: LogRecord) -> [String: [String]] {
        entry.fields.reduce(into: [:]) { $0[$1.name.rawValue, default: []].append($1.value) }
    }

    @Test func anEventsFields() {
        let event = LogEvent(level: .info, message: "call queued", metadata: nil, source: "ACDServer",
                             file: "ACDServer/RoutingExecutor+Publishing.swift", function: "publish(_:)", line: 14)
        let entry = LogRecord(event: event, metadata: ["call.id": "c-123", "queue": "tax", "position": "3"], identifier: "acdd")
        #expect(fields(entry) == [
            "MESSAGE": ["call queued"], "PRIORITY": ["6"], "SYSLOG_IDENTIFIER": ["acdd"],
            "CODE_FILE": ["ACDServer/RoutingExecutor+Publishing.swift"], "CODE_LINE": ["14"], "CODE_FUNC": ["publish(_:)"],
            "CALL_ID": ["c-123"], "QUEUE": ["tax"], "POSITION": ["3"],
        ])
        #expect(entry.fields.prefix(2).map(\.name) == [.message, .priority])
    }

    @Test func metadataCannotPoseAsTheEntrysOwnFields() {
        let event = LogEvent(level: .warning, message: "real", metadata: nil, source: "x", file: "f.swift", function: "f()", line: 1)
        let entry = LogRecord(event: event, metadata: ["message": "fake", "priority": "0", "": "dropped"], identifier: "acdd")
        let byName = fields(entry)
        #expect(byName["MESSAGE"] == ["real"])
        #expect(byName["PRIORITY"] == ["4"])
        #expect(byName["METADATA_MESSAGE"] == ["fake"])
        #expect(byName["METADATA_PRIORITY"] == ["0"])
        #expect(entry.fields.count == 8)
    }

    @Test func anEventsErrorIsAFieldToo() {
        let event = LogEvent(level: .error, message: "stopped", error: Refused(), metadata: nil, source: "x",
                             file: "f.swift", function: "f()", line: 1)
        let byName = fields(LogRecord(event: event, metadata: [:], identifier: "acdd"))
        #expect(byName["ERROR_MESSAGE"] == ["refused"])
        #expect(byName["ERROR_TYPE"]?.first?.hasSuffix("Refused") == true)
    }

    @Test func structuredMetadataValuesAreText() {
        let event = LogEvent(level: .info, message: "m", metadata: nil, source: "x", file: "f.swift", function: "f()", line: 1)
        let byName = fields(LogRecord(event: event, metadata: ["queues": ["a", "b"], "note": "two\nlines"], identifier: "acdd"))
        #expect(byName["QUEUES"] == [#"["a", "b"]"#])
        #expect(byName["NOTE"] == ["two\nlines"])
    }

    @Test(arguments: [
        (Logger.Level.trace, 7), (.debug, 7), (.info, 6), (.notice, 5), (.warning, 4), (.error, 3), (.critical, 2),
    ])
    func priorityFromTheLevel(level: Logger.Level, priority: Int) {
        #expect(LogRecord.priority(level) == priority)
    }
}
