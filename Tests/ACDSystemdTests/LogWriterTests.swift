@testable import ACDSystemd
import Dispatch
import Foundation
import Logging
import Synchronization
import Testing

@Suite struct LogWriterTests {
    /// What a handler wrote; its first write can be held until `open()`.
    final class Written: Sendable {
        private let events = Mutex<[LogEvent]>([])
        private let held: DispatchSemaphore?
        private let entered = DispatchSemaphore(value: 0)

        init(holdingTheFirstWrite: Bool = false) {
            held = holdingTheFirstWrite ? DispatchSemaphore(value: 0) : nil
        }

        func append(_ event: LogEvent) {
            let first = events.withLock { $0.isEmpty }
            if first, let held {
                entered.signal()
                #expect(held.wait(timeout: .now() + 10) == .success, "the test never opened the held write")
            }
            events.withLock { $0.append(event) }
        }

        /// Waits until the held first write has begun.
        func waitForTheHeldWrite() {
            #expect(entered.wait(timeout: .now() + 10) == .success, "the writer never began its first write")
        }

        func open() { held?.signal() }

        var messages: [String] { events.withLock { $0.map(\.message.description) } }

        /// Waits (10 s at most) until `count` lines are written.
        func waitFor(_ count: Int) {
            let deadline = ContinuousClock.now + .seconds(10)
            while events.withLock({ $0.count }) < count, ContinuousClock.now < deadline {
                usleep(1_000)
            }
            #expect(events.withLock { $0.count } == count, "the writer did not write \(count) lines within 10 s")
        }

        var all: [LogEvent] { events.withLock { $0 } }
    }

    struct RecordingHandler: LogHandler {
        let written: Written
        var logLevel: Logger.Level = .trace
        var metadata: Logger.Metadata = [:]
        var metadataProvider: Logger.MetadataProvider?

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            written.append(event)
        }
    }

    func logger(_ written: Written, _ writer: LogWriter, provider: Logger.MetadataProvider? = nil) -> Logger {
        Logger(label: "test") { _ in
            BackgroundLogHandler(RecordingHandler(written: written), writer: writer, metadataProvider: provider)
        }
    }

    @Test func anInfoLineIsWrittenLaterOnTheWritersQueueInOrder() {
        let written = Written(holdingTheFirstWrite: true)
        let writer = LogWriter()
        let log = logger(written, writer)
        log.info("first")
        written.waitForTheHeldWrite()
        log.info("second")
        log.notice("third")
        #expect(written.messages.isEmpty, "log returned while its line was being written elsewhere")
        written.open()
        writer.flush()
        #expect(written.messages == ["first", "second", "third"])
    }

    @Test func aWarningIsWrittenBeforeLogReturnsAfterTheLinesBeforeIt() {
        let written = Written()
        let writer = LogWriter()
        let log = logger(written, writer)
        for number in 1...100 {
            log.info("line \(number)")
        }
        log.warning("trouble")
        #expect(written.messages == (1...100).map { "line \($0)" } + ["trouble"])
    }

    @Test func whileLinesKeepComingTheWriterWakesItselfNotTheLogger() {
        let written = Written()
        let writer = LogWriter(gathering: .milliseconds(2), lingering: 100_000)
        let log = logger(written, writer)
        for number in 1...20 {
            // Each line is written, and some rounds pass without a line, before the next is logged.
            log.info("line \(number)")
            written.waitFor(number)
            usleep(10_000)
        }
        #expect(written.messages == (1...20).map { "line \($0)" })
        #expect(writer.wakeUps.byLoggers == 1, "the logging thread woke the writer while it was waking itself")
    }

    @Test func aWriterThatStoppedWakingItselfIsWokenByTheNextLine() {
        let written = Written()
        let writer = LogWriter(gathering: .milliseconds(1), lingering: 2)
        let log = logger(written, writer)
        log.info("before")
        written.waitFor(1)
        let deadline = ContinuousClock.now + .seconds(10)
        while writer.wakeUps.isDraining, ContinuousClock.now < deadline {
            usleep(1_000)
        }
        #expect(!writer.wakeUps.isDraining, "the writer kept waking itself after rounds without a line")
        log.info("after")
        written.waitFor(2)
        #expect(written.messages == ["before", "after"])
        #expect(writer.wakeUps.byLoggers == 2)
    }

    @Test func linesOverTheLimitAreDroppedAndCounted() {
        let written = Written(holdingTheFirstWrite: true)
        let writer = LogWriter(limit: 2)
        let log = logger(written, writer)
        log.info("e1")
        written.waitForTheHeldWrite()
        for number in 2...5 {
            log.info("e\(number)")
        }
        written.open()
        writer.flush()
        #expect(written.messages == ["e1", "e2", "e3", "2 log lines dropped: the log could not keep up"])
        #expect(written.all.last?.level == .warning)
    }

    @Test func theMetadataProviderIsAskedWhereTheLineIsLogged() {
        let written = Written(holdingTheFirstWrite: true)
        let writer = LogWriter()
        let current = Mutex("before")
        let provider = Logger.MetadataProvider { ["step": "\(current.withLock { $0 })"] }
        let log = logger(written, writer, provider: provider)
        log.info("held")
        written.waitForTheHeldWrite()
        log.info("logged before the change", metadata: ["own": "kept"])
        current.withLock { $0 = "after" }
        written.open()
        writer.flush()
        let event = written.all.last
        #expect(event?.metadata?["step"] == "before")
        #expect(event?.metadata?["own"] == "kept")
    }
}
