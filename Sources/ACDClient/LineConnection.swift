public import ACDProtocol
import NIOCore
import NIOPosix

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A connection to acdd's Unix socket that sends and receives whole lines and knows nothing of
/// their content: the framing under `ACDConnection`, and what `acdctl send` uses to pass lines
/// through unchanged.
public final class LineConnection: Sendable {
    /// The socket path it is connected to.
    public let path: String
    /// The longest line accepted from the daemon, in bytes.
    public let maximumLineBytes: Int
    /// Every line the daemon sends, without its line break, in order. It finishes when the
    /// connection closes, and throws `ACDClientError` when it broke (a line too long, a failed read).
    public let lines: AsyncThrowingStream<String, any Error>
    private let outgoing: AsyncStream<ByteBuffer>.Continuation
    private let channel: any Channel

    private init(path: String, channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>, maximumLineBytes: Int) {
        self.path = path
        self.maximumLineBytes = maximumLineBytes
        self.channel = channel.channel
        let (lines, received) = AsyncThrowingStream<String, any Error>.makeStream()
        let (toSend, outgoing) = AsyncStream<ByteBuffer>.makeStream()
        self.lines = lines
        self.outgoing = outgoing
        Task {
            await Self.pump(channel, sending: toSend, receiving: received, maximumLineBytes: maximumLineBytes, path: path)
        }
    }

    /// Connects to the socket at `path`.
    ///
    /// - Throws: `ACDClientError.cannotConnect` naming the path and the reason (no such file,
    ///   connection refused, permission denied...).
    public static func connect(
        to path: String, maximumLineBytes: Int = ProtocolVersion.maximumServerLineBytes
    ) async throws(ACDClientError) -> LineConnection {
        let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
        do {
            channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connect(unixDomainSocketPath: path) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw .cannotConnect(path: path, reason: failure(error, path: path))
        }
        return LineConnection(path: path, channel: channel, maximumLineBytes: maximumLineBytes)
    }

    /// Queues `line` for sending; a line break is added when it has none.
    public func send(_ line: String) {
        var bytes = Array(line.utf8)
        if bytes.last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
        send(bytes: bytes)
    }

    /// Queues bytes for sending as they are (they should end with a line break).
    public func send(bytes: [UInt8]) {
        outgoing.yield(ByteBuffer(bytes: bytes))
    }

    /// Sends what is queued, then closes the connection; `lines` finishes.
    public func close() {
        outgoing.finish()
    }

    /// Closes at once, dropping what is not sent yet.
    public func abort() {
        outgoing.finish()
        channel.close(promise: nil)
    }

    /// Writes the queued lines and reads lines until either side ends, then closes the channel.
    private static func pump(
        _ channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>, sending toSend: AsyncStream<ByteBuffer>,
        receiving received: AsyncThrowingStream<String, any Error>.Continuation, maximumLineBytes: Int, path: String
    ) async {
        do {
            try await channel.executeThenClose { inbound, outbound in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for await buffer in toSend {
                            try await outbound.write(buffer)
                        }
                    }
                    group.addTask {
                        for try await line in inbound.splitLines(maximumBufferSize: maximumLineBytes) {
                            received.yield(String(buffer: line))
                        }
                    }
                    try await group.next()
                    group.cancelAll()
                }
            }
            received.finish()
        } catch is ByteToMessageDecoderError.PayloadTooLargeError {
            received.finish(throwing: ACDClientError.lineTooLong(limit: maximumLineBytes))
        } catch is CancellationError {
            received.finish()
        } catch {
            received.finish(throwing: ACDClientError.connectionClosed(path: path, detail: "\(error)"))
        }
    }

    /// The failure behind a connect error, checked against the file when the socket refused.
    private static func failure(_ error: any Error, path: String) -> ConnectFailure {
        switch error {
        case let error as IOError:
            let failure = ConnectFailure(errno: error.errnoCode)
            if failure == .refused, !isSocket(path) { return .notASocket }
            return failure
        case SocketAddressError.unixDomainSocketPathTooLong:
            return .pathTooLong
        default:
            return .other("\(error)")
        }
    }

    private static func isSocket(_ path: String) -> Bool {
        var status = stat()
        guard lstat(path, &status) == 0 else { return true }
        return (status.st_mode & S_IFMT) == S_IFSOCK
    }
}
