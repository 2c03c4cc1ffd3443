import ACDSystemd
import Foundation
import Logging
import Synchronization
import Testing

/// `TextLogHandler` writes the lines swift-log's `StreamLogHandler` writes: the two are given the
/// same events and their lines compared, time stamp included (a pair that straddles a second is
/// made again).
@Suite struct TextLogHandlerTests {
    /// What a `StreamLogHandler` writes.
    final class Collected: TextOutputStream, @unchecked Sendable {
        let text = Mutex("")
        func write(_ string: String) { text.withLock { $0 += string } }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String { "the journal is full" }
    }

    typealias Event = (level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, error: (any Error)?)

    static let events: [Event] = [
        (.info, "call queued", ["call.id": "c-1", "queue": "sales", "position": "3"], nil),
        (.notice, "no metadata", nil, nil),
        (.warning, "empty metadata", [:], nil),
        (.error, "values of every kind", [
            "list": ["a", "b c", .stringConvertible(42)], "map": ["k": "v"], "number": .stringConvertible(7.5),
            "unicode": "café ☎", "z.last": "", "a.first": "x=y",
        ], nil),
        (.critical, "with an error", ["call.id": "c-2"], Failure()),
        (.debug, "a message with\nan inner line and ünïcode", ["agent.id": "a1"], nil),
    ]

    /// The lines of both handlers for `events`, with `base` metadata on the logger and `provided`
    /// from a provider.
    func lines(label: String, base: Logger.Metadata, provided: Logger.Metadata) -> (text: String, stream: String) {
        let provider = provided.isEmpty ? nil : Logger.MetadataProvider { provided }
        for _ in 0..<5 {
            let pipe = LogOutputTests.Pipe()
            defer { pipe.close() }
            let output = LogOutput(descriptor: pipe.write)
            let collected = Collected()
            var text = TextLogHandler(label: label, output: output, metadataProvider: provider)
            var stream = StreamLogHandler(label: label, stream: collected, metadataProvider: provider)
            text.logLevel = .trace
            stream.logLevel = .trace
            text.metadata = base
            stream.metadata = base
            let before = time(nil)
            for event in Self.events {
                for handler in [text, stream] as [any LogHandler] {
                    handler.log(event: LogEvent(
                        level: event.level, message: event.message, error: event.error, metadata: event.metadata,
                        source: "ACDServer", file: #fileID, function: #function, line: #line
                    ))
                }
            }
            output.flush()
            if time(nil) == before {
                return (pipe.drain(), collected.text.withLock { $0 })
            }
        }
        Issue.record("five tries straddled a second")
        return ("", "")
    }

    @Test(arguments: [
        ("acdd", [:], [:]),
        ("", [:], [:]),
        ("acdd", ["service": "acdd", "queue": "base"], [:]),
        ("acdd", [:], ["task": "recovery", "queue": "provided"]),
        ("acdd", ["queue": "base", "b": "1"], ["queue": "provided", "p": "2"]),
    ] as [(String, Logger.Metadata, Logger.Metadata)])
    func theLinesAreStreamLogHandlers(label: String, base: Logger.Metadata, provided: Logger.Metadata) {
        let (text, stream) = lines(label: label, base: base, provided: provided)
        #expect(!text.isEmpty)
        #expect(text == stream)
    }
}
