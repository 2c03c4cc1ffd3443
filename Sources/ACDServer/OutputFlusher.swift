import NIOCore

/// Flushes every connection written to during one turn of the event loop, once, after the turn's
/// reads are handled: many lines, one system call per connection.
final class OutputFlusher {
    private let eventLoop: any EventLoop
    private var waiting: [SessionOutput] = []

    init(eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    /// `output` has unflushed lines.
    func schedule(_ output: SessionOutput) {
        if waiting.isEmpty {
            eventLoop.assumeIsolated().execute { self.flushAll() }
        }
        waiting.append(output)
    }

    private func flushAll() {
        let outputs = waiting
        waiting.removeAll(keepingCapacity: true)
        for output in outputs where output.needsFlush {
            output.flush()
        }
    }
}
