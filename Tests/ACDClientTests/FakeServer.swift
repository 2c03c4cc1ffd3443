import Foundation
import NIOCore
import NIOPosix

/// An acdd stand-in on a temporary Unix socket: the test accepts each connection as a
/// `FakePeer`, reads what the client sent and writes scripted bytes back.
final class FakeServer: Sendable {
    let path: String
    private let directory: String
    private let channel: any Channel
    private let peers: AsyncStream<FakePeer>

    private init(path: String, directory: String, channel: any Channel, peers: AsyncStream<FakePeer>) {
        self.path = path
        self.directory = directory
        self.channel = channel
        self.peers = peers
    }

    static func start() async throws -> FakeServer {
        let directory = temporaryDirectory()
        let path = directory + "/acdd.sock"
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .bind(unixDomainSocketPath: path) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let (peers, accepted) = AsyncStream<FakePeer>.makeStream()
        Task {
            try? await server.executeThenClose { connections in
                for try await connection in connections {
                    accepted.yield(FakePeer(connection))
                }
            }
            accepted.finish()
        }
        return FakeServer(path: path, directory: directory, channel: server.channel, peers: peers)
    }

    /// A fresh directory for sockets, short enough for a socket path.
    static func temporaryDirectory() -> String {
        let directory = "/tmp/acdclient-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }

    /// The next connection a client made.
    func nextPeer() async throws -> FakePeer {
        var iterator = peers.makeAsyncIterator()
        guard let peer = await iterator.next() else { throw FakeServerError.stopped }
        return peer
    }

    func stop() {
        channel.close(promise: nil)
        try? FileManager.default.removeItem(atPath: directory)
    }
}

enum FakeServerError: Error {
    case stopped
    case clientClosed
}

/// One accepted connection, driven by the test.
final class FakePeer: Sendable {
    private let received: AsyncStream<String>
    private let outgoing: AsyncStream<ByteBuffer>.Continuation

    init(_ connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>) {
        let (received, receivedSink) = AsyncStream<String>.makeStream()
        let (toSend, outgoing) = AsyncStream<ByteBuffer>.makeStream()
        self.received = received
        self.outgoing = outgoing
        Task {
            try? await connection.executeThenClose { inbound, outbound in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for await buffer in toSend {
                            try await outbound.write(buffer)
                        }
                    }
                    group.addTask {
                        for try await line in inbound.splitLines() {
                            receivedSink.yield(String(buffer: line))
                        }
                    }
                    try await group.next()
                    group.cancelAll()
                }
            }
            receivedSink.finish()
        }
    }

    /// The next line the client sent; throws once the client closed.
    func nextLine() async throws -> String {
        var iterator = received.makeAsyncIterator()
        guard let line = await iterator.next() else { throw FakeServerError.clientClosed }
        return line
    }

    /// Waits until the client closes its side; the lines it still sends are returned.
    func linesUntilClosed() async -> [String] {
        var lines: [String] = []
        for await line in received { lines.append(line) }
        return lines
    }

    /// Writes the bytes as they are, in one write.
    func send(_ raw: String) {
        outgoing.yield(ByteBuffer(string: raw))
    }

    /// Writes what is queued, then closes the connection.
    func close() {
        outgoing.finish()
    }
}
