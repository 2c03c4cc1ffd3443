import Foundation

/// Standard input, line by line, read on a thread of its own so that waiting for the keyboard
/// never holds up the tasks printing events.
enum StandardInput {
    static func lines() -> AsyncStream<String> {
        let (lines, sink) = AsyncStream<String>.makeStream()
        let reader = Thread {
            while let line = readLine() {
                sink.yield(line)
            }
            sink.finish()
        }
        reader.start()
        return lines
    }
}
