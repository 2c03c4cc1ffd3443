import Glibc
import Synchronization

/// Text bound for a file descriptor (stderr), kept until `flush()` so that a batch of log lines
/// leaves in one `write` instead of one per line. `TextLogHandler`s append their lines to it; a
/// `LogWriter` flushes after each batch it writes. More than `limit` bytes are written at once.
public final class LogOutput: Sendable {
    private let descriptor: Int32
    private let limit: Int
    /// The bytes waiting, and the time stamp of the lines (shared by the handlers that write here).
    private let pending = Mutex<(bytes: [UInt8], stamp: SecondStamp)>(([], SecondStamp()))

    /// Output for `descriptor` (2: stderr) that writes once `limit` bytes are waiting, or at `flush()`.
    public init(descriptor: Int32 = 2, limit: Int = 65_536) {
        self.descriptor = descriptor
        self.limit = limit
    }

    /// Writes every byte waiting.
    public func flush() {
        pending.withLock { pending in
            write(pending.bytes)
            pending.bytes.removeAll(keepingCapacity: true)
        }
    }

    /// Appends what `addLine` adds to the bytes waiting (a whole line, so that lines never mix);
    /// it gets the stamp to begin the line with.
    func append(_ addLine: (inout [UInt8], inout SecondStamp) -> Void) {
        pending.withLock { pending in
            addLine(&pending.bytes, &pending.stamp)
            if pending.bytes.count >= limit {
                write(pending.bytes)
                pending.bytes.removeAll(keepingCapacity: true)
            }
        }
    }

    /// Writes `bytes` whole, through short writes and interruptions; gives up on any other error
    /// (a log that cannot be written has nowhere to say so).
    private func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }
}
