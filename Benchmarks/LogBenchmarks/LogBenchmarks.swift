import ACDSystemd
import Benchmark
import Glibc
import Logging

// A log line as the daemon's log writer makes it from an event, per 1,000 lines like the daemon's
// per-call lines ("call queued", three metadata values): swift-log's `StreamLogHandler` against
// `TextLogHandler`, which writes the same line (acdd's handler for stderr). Both write to
// /dev/null, the bytes of each sample in one `write`, with TZ set as acdd sets it.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput],
        timeUnits: .microseconds,
        warmupIterations: 10,
        maxDuration: .seconds(5),
        maxIterations: 1_000
    )

    Benchmark("log.line.stream-handler.1000-lines") { benchmark, devNull in
        let output = Bytes(descriptor: devNull)
        let handler = StreamLogHandler(label: "acdd", stream: output, metadataProvider: nil)
        for _ in benchmark.scaledIterations {
            for event in Lines.events { handler.log(event: event) }
            output.flush()
        }
    } setup: {
        Lines.devNull()
    }

    Benchmark("log.line.text-handler.1000-lines") { benchmark, devNull in
        let output = LogOutput(descriptor: devNull)
        let handler = TextLogHandler(label: "acdd", output: output)
        for _ in benchmark.scaledIterations {
            for event in Lines.events { handler.log(event: event) }
            output.flush()
        }
    } setup: {
        Lines.devNull()
    }
}

enum Lines {
    /// /dev/null, opened for writing, with TZ set as acdd sets it (glibc's `localtime` stats
    /// /etc/localtime on every call otherwise).
    static func devNull() -> Int32 {
        setenv("TZ", ":/etc/localtime", 1)
        return open("/dev/null", O_WRONLY)
    }

    /// 1,000 "call queued" events of different calls.
    static let events: [LogEvent] = (1...1_000).map { number in
        LogEvent(
            level: .info, message: "call queued",
            metadata: ["call.id": "c\(number)", "queue": "q", "position": "\(number % 64)"],
            source: "ACDServer", file: #fileID, function: #function, line: #line
        )
    }
}

/// A text stream that keeps its bytes until `flush()` writes them to `descriptor`.
final class Bytes: TextOutputStream, @unchecked Sendable {
    let descriptor: Int32
    var bytes: [UInt8] = []

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    func write(_ string: String) {
        bytes.append(contentsOf: string.utf8)
    }

    func flush() {
        _ = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        bytes.removeAll(keepingCapacity: true)
    }
}
