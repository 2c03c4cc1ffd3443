import ACDProtocol
import NIOCore

/// One connection's way out, confined to the executor's event loop: numbers events with `seq`,
/// writes lines while the socket takes them and holds the rest (up to a limit) until it does, and
/// ends the connection without losing what was already said.
final class SessionOutput {
    /// How long a connection may stay half-open after the server finished writing.
    static let closeFuse = TimeAmount.seconds(2)

    private let channel: any Channel
    private let limit: Int
    private let flusher: OutputFlusher
    private let codec = LineCodec()
    /// Lines the socket did not take yet, oldest first.
    private var held = CircularBuffer<ByteBuffer>()
    private var seq: UInt64 = 0
    private var isFinishing = false
    private var isClosed = false
    /// Written since the last flush.
    var needsFlush = false

    /// `limit` is how many lines may wait for a client that does not read before it counts as too slow.
    init(channel: any Channel, limit: Int, flusher: OutputFlusher) {
        self.channel = channel
        self.limit = limit
        self.flusher = flusher
    }

    /// A reply as the line to send.
    func line(_ reply: WireReply) -> ByteBuffer {
        channel.allocator.buffer(bytes: codec.encode(reply))
    }

    /// An event as the line to send, numbered with the connection's next `seq`: lines are sent in
    /// the order they are made.
    func line(_ event: WireEvent) -> ByteBuffer {
        var event = event
        seq += 1
        event.seq = seq
        return channel.allocator.buffer(bytes: codec.encode(event))
    }

    /// Queues a line; false when the client is too slow (more than `limit` lines waiting).
    func send(_ line: ByteBuffer) -> Bool {
        guard !isClosed, !isFinishing else { return true }
        guard held.isEmpty, channel.isWritable else {
            held.append(line)
            return held.count <= limit
        }
        write(line)
        return true
    }

    private func write(_ buffer: ByteBuffer) {
        channel.write(buffer, promise: nil)
        if !needsFlush {
            needsFlush = true
            flusher.schedule(self)
        }
    }

    /// Sends what was written since the last flush.
    func flush() {
        needsFlush = false
        channel.flush()
    }

    /// The socket takes more again: writes the held lines it can take.
    func writabilityChanged() {
        while channel.isWritable, let next = held.popFirst() {
            write(next)
        }
        if isFinishing, held.isEmpty {
            endOutput()
        }
    }

    /// Nothing more will be said: once every queued line is written, ends the server's side, so
    /// the client reads every reply and then the end of the stream. Closing at once while its last
    /// lines are unread would reset the connection and lose them; a fuse closes a connection whose
    /// client does not close its side.
    func finish() {
        guard !isFinishing, !isClosed else { return }
        isFinishing = true
        if held.isEmpty {
            endOutput()
        }
    }

    /// Closes the connection at once (a client too slow to read).
    func closeNow() {
        guard !isClosed else { return }
        isClosed = true
        held.removeAll()
        channel.close(promise: nil)
    }

    private func endOutput() {
        guard !isClosed else { return }
        isClosed = true
        needsFlush = false
        // The half-close waits until every line written before it is on the socket.
        let channel = channel
        channel.writeAndFlush(channel.allocator.buffer(capacity: 0)).assumeIsolated().whenComplete { _ in
            channel.close(mode: .output, promise: nil)
        }
        channel.eventLoop.assumeIsolated().scheduleTask(in: Self.closeFuse) {
            channel.close(promise: nil)
        }
    }
}
