import ACDProtocol
import Logging
import NIOCore

/// One client connection in the channel pipeline, on the executor's event loop: learns the peer's
/// credentials, splits the input into lines, decodes each and hands it to the executor at once, in
/// the same turn of the loop. No task or actor hop lies between a line read and its reply written.
final class SessionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private let executor: RoutingExecutor
    private let logger: Logger
    private let codec = LineCodec()
    private var lines: NIOSingleStepByteToMessageProcessor<NIOSplitLinesMessageDecoder>
    private var session: UInt64?
    private var output: SessionOutput?

    init(executor: RoutingExecutor, maxLineBytes: Int, logger: Logger) {
        self.executor = executor
        self.logger = logger
        lines = NIOSingleStepByteToMessageProcessor(
            NIOSplitLinesMessageDecoder(omittingEmptySubsequences: true), maximumBufferSize: maxLineBytes
        )
    }

    func channelActive(context: ChannelHandlerContext) {
        let channel = context.channel
        executor.connectionOpened()
        // On the channel's own loop the option is read at once, so the session exists before
        // the first line is read.
        PeerCredentials.of(channel).assumeIsolated().whenComplete { result in
            switch result {
            case .success(let peer):
                let output = self.executor.makeOutput(for: channel)
                self.output = output
                self.session = self.executor.open(peer: peer, output: output)
            case .failure(let error):
                self.logger.warning("connection refused: no peer credentials", metadata: ["error": "\(error)"])
                channel.close(promise: nil)
            }
        }
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let session else { return }
        do {
            try lines.process(buffer: unwrapInboundIn(data)) { line in
                try receive(line, session: session)
            }
        } catch is ByteToMessageDecoderError.PayloadTooLargeError {
            self.session = nil
            executor.lineTooLong(session: session)
        } catch is SessionEnded {
            self.session = nil
        } catch {
            self.session = nil
            executor.close(session: session, reason: "read failed: \(error)")
        }
    }

    private func receive(_ line: ByteBuffer, session: UInt64) throws(SessionEnded) {
        let (id, request) = codec.decodeRequest(line.readableBytesView)
        guard executor.receive(session: session, id: id, request: request) else { throw SessionEnded() }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard case .inputClosed? = event as? ChannelEvent, let session else {
            context.fireUserInboundEventTriggered(event)
            return
        }
        // The client sent everything (e.g. `socat` after its input ended): a last line without a
        // newline still counts, then its replies go out and the server ends its side.
        do {
            try lines.finishProcessing(seenEOF: true) { line in
                try receive(line, session: session)
            }
            executor.close(session: session, reason: "end of input")
        } catch is SessionEnded {
        } catch {
            executor.close(session: session, reason: "read failed: \(error)")
        }
        self.session = nil
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        output?.writabilityChanged()
        context.fireChannelWritabilityChanged()
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let session {
            executor.close(session: session, reason: "closed")
            self.session = nil
        }
        executor.connectionClosed()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        logger.debug("connection failed", metadata: ["session": "\(session.map(String.init) ?? "-")", "error": "\(error)"])
        context.close(promise: nil)
    }
}

/// The executor closed the session while its lines were being read: the rest is ignored.
private struct SessionEnded: Error {}
