import Histogram
import NIOCore
import NIOPosix

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The floor: a trivial echo server in a process of its own (`EndToEnd echo-server PATH`), on
/// NIO like acdd, and a client that times a 150-byte line's round trip with the clock and
/// histogram the daemon's figures use.
enum EchoServer {
    final class Handler: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            context.write(data, promise: nil)
        }

        func channelReadComplete(context: ChannelHandlerContext) {
            context.flush()
        }
    }

    static func run(path: String) async throws {
        unlink(path)
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 128)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Handler())
                }
            }
            .bind(unixDomainSocketPath: path)
            .get()
        try await server.closeFuture.get()
    }
}

/// Sends 150-byte lines to the echo server, either one at a time (each after the previous came
/// back) or at a fixed rate, and records each round trip in nanoseconds.
final class EchoClientHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    static let lineBytes = 150

    enum Mode {
        case pingPong
        case paced(rate: Double)
    }

    struct Result: Sendable {
        var histogram: Histogram<UInt64>
        var seconds: Double
    }

    private let mode: Mode
    private let warmUp: Int
    private let count: Int
    private let done: EventLoopPromise<Result>
    private let line: ByteBuffer
    private var sendTimes: [UInt64]
    private var sent = 0
    private var receivedBytes = 0
    private var completed = 0
    private var histogram = Histogram<UInt64>(highestTrackableValue: 60_000_000_000, numberOfSignificantValueDigits: .three)
    private var start: UInt64 = 0
    private var measureStart: UInt64 = 0
    private var task: RepeatedTask?
    private var context: ChannelHandlerContext?

    init(mode: Mode, warmUp: Int, count: Int, done: EventLoopPromise<Result>) {
        self.mode = mode
        self.warmUp = warmUp
        self.count = count
        self.done = done
        var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: Self.lineBytes)
        let prefix = Array(#"{"type":"echo","id":1,"pad":""#.utf8)
        bytes.replaceSubrange(0..<prefix.count, with: prefix)
        bytes[Self.lineBytes - 3] = UInt8(ascii: "\"")
        bytes[Self.lineBytes - 2] = UInt8(ascii: "}")
        bytes[Self.lineBytes - 1] = UInt8(ascii: "\n")
        line = ByteBuffer(bytes: bytes)
        sendTimes = Array(repeating: 0, count: warmUp + count)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func channelActive(context: ChannelHandlerContext) {
        start = monotonicNanos()
        switch mode {
        case .pingPong:
            send(context: context)
            context.flush()
        case .paced(let rate):
            let period = max(100_000, min(1_000_000, Int64(1e9 / rate)))
            task = context.eventLoop.scheduleRepeatedTask(initialDelay: .zero, delay: .nanoseconds(period)) { task in
                self.tick(task, rate: rate)
            }
        }
    }

    private func tick(_ task: RepeatedTask, rate: Double) {
        guard let context else {
            task.cancel()
            return
        }
        let due = min(sendTimes.count, Int(Double(monotonicNanos() &- start) * rate / 1e9) + 1)
        var wrote = false
        while sent < due {
            send(context: context)
            wrote = true
        }
        if wrote { context.flush() }
        if sent >= sendTimes.count { task.cancel() }
    }

    private func send(context: ChannelHandlerContext) {
        if sent == warmUp { measureStart = monotonicNanos() }
        sendTimes[sent] = monotonicNanos()
        sent += 1
        context.write(wrapOutboundOut(line), promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let now = monotonicNanos()
        receivedBytes += unwrapInboundIn(data).readableBytes
        var sendMore = false
        while receivedBytes >= Self.lineBytes {
            receivedBytes -= Self.lineBytes
            if completed >= warmUp {
                _ = histogram.record(now &- sendTimes[completed])
            }
            completed += 1
            if case .pingPong = mode, sent < sendTimes.count { sendMore = true }
        }
        if sendMore {
            send(context: context)
            context.flush()
        }
        if completed == sendTimes.count {
            task?.cancel()
            done.succeed(Result(histogram: histogram, seconds: Double(now &- measureStart) / 1e9))
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        task?.cancel()
        self.context = nil
        if completed < sendTimes.count {
            done.fail(BenchmarkError.setup("echo connection closed after \(completed) of \(sendTimes.count) lines"))
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
