import ACDProtocol
import Logging
import NIOCore

/// One client connection: reads request lines and hands them to the executor; writes the
/// replies and events the executor queues for it, numbering events with `seq`.
enum Session {
    /// How long a connection may stay half-open after the server finished writing.
    static let closeFuse = TimeAmount.seconds(2)

    static func run(
        _ channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>, executor: RoutingExecutor, maxLineBytes: Int, logger: Logger
    ) async {
        let peer: PeerCredentials
        do {
            peer = try await PeerCredentials.of(channel.channel)
        } catch {
            logger.warning("connection refused: no peer credentials", metadata: ["error": "\(error)"])
            channel.channel.close(promise: nil)
            return
        }
        let underlying = channel.channel
        let (number, outbound) = await executor.open(peer: peer, close: { underlying.close(promise: nil) })
        do {
            try await channel.executeThenClose { inbound, writer in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        let codec = LineCodec()
                        var seq: UInt64 = 0
                        for await item in outbound {
                            let bytes: [UInt8]
                            switch item {
                            case .reply(let reply):
                                bytes = codec.encode(reply)
                            case .event(var event):
                                seq += 1
                                event.seq = seq
                                bytes = codec.encode(event)
                            }
                            try await writer.write(ByteBuffer(bytes: bytes))
                        }
                        // Nothing more to say: end our side, so the client reads every reply and
                        // then the end of the stream. Closing at once while its last lines are
                        // unread would reset the connection and lose the replies; if the client
                        // does not close its side, a fuse closes the connection.
                        underlying.close(mode: .output, promise: nil)
                        underlying.eventLoop.scheduleTask(in: Self.closeFuse) {
                            underlying.close(promise: nil)
                        }
                    }
                    let codec = LineCodec()
                    do {
                        for try await line in inbound.splitLines(maximumBufferSize: maxLineBytes) {
                            let (id, request) = codec.decodeRequest(line.readableBytesView)
                            await executor.receive(session: number, id: id, request: request)
                        }
                        await executor.close(session: number, reason: "end of input")
                    } catch is ByteToMessageDecoderError.PayloadTooLargeError {
                        await executor.lineTooLong(session: number)
                    } catch {
                        await executor.close(session: number, reason: "read failed: \(error)")
                    }
                    try await group.waitForAll()
                }
            }
        } catch {
            logger.debug("connection ended", metadata: ["session": "\(number)", "error": "\(error)"])
        }
        await executor.close(session: number, reason: "closed")
    }
}
