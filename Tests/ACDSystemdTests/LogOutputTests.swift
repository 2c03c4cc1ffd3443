import ACDSystemd
import Glibc
import Logging
import Testing

@Suite struct LogOutputTests {
    /// A pipe whose read end does not block.
    struct Pipe {
        let read: Int32
        let write: Int32

        init() {
            var ends: [Int32] = [0, 0]
            #expect(pipe(&ends) == 0)
            #expect(fcntl(ends[0], F_SETFL, O_NONBLOCK) == 0)
            read = ends[0]
            write = ends[1]
        }

        /// Everything written so far.
        func drain() -> String {
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = Glibc.read(read, &buffer, buffer.count)
                guard count > 0 else { break }
                bytes += buffer[0..<count]
            }
            return String(decoding: bytes, as: UTF8.self)
        }

        func close() {
            _ = Glibc.close(read)
            _ = Glibc.close(write)
        }
    }

    @Test func linesWaitForTheFlushAndLeaveTogether() {
        let pipe = Pipe()
        defer { pipe.close() }
        let output = LogOutput(descriptor: pipe.write)
        let logger = Logger(label: "acdd") { TextLogHandler(label: $0, output: output) }
        logger.info("first line")
        logger.info("second line")
        #expect(pipe.drain() == "")
        output.flush()
        let lines = pipe.drain().split(separator: "\n")
        #expect(lines.count == 2 && lines[0].hasSuffix(" first line") && lines[1].hasSuffix(" second line"), "\(lines)")
        output.flush()
        #expect(pipe.drain() == "")
    }

    @Test func moreThanTheLimitIsWrittenAtOnce() {
        let pipe = Pipe()
        defer { pipe.close() }
        let output = LogOutput(descriptor: pipe.write, limit: 80)
        let logger = Logger(label: "acdd") { TextLogHandler(label: $0, output: output) }
        logger.info("short")
        #expect(pipe.drain() == "")
        logger.info("long enough now to pass the eighty bytes")
        let lines = pipe.drain().split(separator: "\n")
        #expect(lines.count == 2 && lines[1].hasSuffix(" long enough now to pass the eighty bytes"), "\(lines)")
    }

    @Test func aTextHandlerThroughTheWriterReachesTheOutputAfterEachBatch() {
        let pipe = Pipe()
        defer { pipe.close() }
        let output = LogOutput(descriptor: pipe.write)
        let writer = LogWriter(afterWriting: output.flush)
        let logger = Logger(label: "acdd") { label in
            BackgroundLogHandler(TextLogHandler(label: label, output: output), writer: writer)
        }
        logger.info("call queued", metadata: ["call.id": "c-1"])
        // The writer's own batch, 10 ms later: nobody flushes here.
        var text = ""
        let deadline = ContinuousClock.now + .seconds(10)
        while text.isEmpty, ContinuousClock.now < deadline {
            text = pipe.drain()
            if text.isEmpty { usleep(1_000) }
        }
        #expect(text.hasSuffix("info acdd: call.id=c-1 [ACDSystemdTests] call queued\n"), "\(text)")
        logger.warning("trouble")
        let warning = pipe.drain()
        #expect(warning.hasSuffix("warning acdd: [ACDSystemdTests] trouble\n"), "\(warning)")
        #expect(warning.split(separator: "\n").count == 1)
    }
}
