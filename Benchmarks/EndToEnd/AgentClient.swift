import ACDClient
import ACDProtocol
import NIOCore

/// One agent's connection: says hello as its agent, logs in, then accepts every offer at once,
/// noting when the offer arrived. With wrap-up 0 the agent is ready again as soon as the adapter
/// hangs up. Everything runs on the channel's event loop; the counters are read through it.
final class AgentHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    enum Stage { case hello, login, running, closed }

    let agent: String
    let timeline: Timeline
    private let loggedIn: EventLoopPromise<Void>
    private var splitter = LineSplitter()
    private var stage = Stage.hello
    private var nextID: Int64 = 3
    private var mustFlush = false
    private var context: ChannelHandlerContext?
    /// A request sent on the benchmark's behalf (agent.not_ready) and who waits for its reply.
    private var command: (id: Int64, promise: EventLoopPromise<Void>)?

    struct Counters {
        var lines = 0
        var offers = 0
        var accepts = 0
        var errors = 0
        var withdrawn = 0
        var shutdown = 0
        var unexpected = 0
        var firstError: String?
        var closed = false
    }

    private(set) var counters = Counters()

    init(agent: String, timeline: Timeline, loggedIn: EventLoopPromise<Void>) {
        self.agent = agent
        self.timeline = timeline
        self.loggedIn = loggedIn
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func channelActive(context: ChannelHandlerContext) {
        var hello = Hello.agent(agent, client: "acdd-end-to-end").request
        hello.id = .number(1)
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: LineCodec().encode(hello))), promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let now = monotonicNanos()
        var incoming = unwrapInboundIn(data)
        splitter.feed(&incoming) { line in self.line(line, at: now, context: context) }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if mustFlush {
            mustFlush = false
            context.flush()
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        counters.closed = true
        let wasRunning = stage == .running
        stage = .closed
        if !wasRunning {
            loggedIn.fail(BenchmarkError.agent(agent, counters.firstError ?? "connection closed before login"))
        }
        command?.promise.fail(BenchmarkError.agent(agent, "connection closed"))
        command = nil
        self.context = nil
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if counters.firstError == nil { counters.firstError = "\(error)" }
        context.close(promise: nil)
    }

    private func line(_ line: UnsafeRawBufferPointer, at now: UInt64, context: ChannelHandlerContext) {
        counters.lines += 1
        if let event = Scan.string(after: "\"event\":\"", in: line) {
            if Scan.equals(event, "offer") {
                counters.offers += 1
                guard let call = Scan.string(after: "\"call\":\"", in: line) else {
                    counters.unexpected += 1
                    return
                }
                if let number = Scan.callNumber(call) { timeline.set(timeline.agentOffered, number, now) }
                var out = context.channel.allocator.buffer(capacity: 64)
                out.writeStaticString("{\"type\":\"agent.accept\",\"id\":")
                out.writeDecimal(nextID)
                nextID += 1
                out.writeStaticString(",\"call\":\"")
                out.writeBytes(call)
                out.writeStaticString("\"}\n")
                context.write(wrapOutboundOut(out), promise: nil)
                mustFlush = true
                counters.accepts += 1
            } else if Scan.equals(event, "offer.withdrawn") {
                counters.withdrawn += 1
            } else if Scan.equals(event, "shutdown") {
                counters.shutdown += 1
            }
            return
        }
        // A reply.
        let failed = Scan.after("\"ok\":false", in: line) != nil
        if failed {
            counters.errors += 1
            if counters.firstError == nil { counters.firstError = Scan.text(line) }
        }
        switch stage {
        case .hello:
            if failed {
                loggedIn.fail(BenchmarkError.agent(agent, Scan.text(line)))
                stage = .closed
                return
            }
            stage = .login
            var login = WireRequest(type: RequestType.agentLogin.rawValue, id: .number(2))
            login.agent = nil
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: LineCodec().encode(login))), promise: nil)
        case .login:
            if failed {
                loggedIn.fail(BenchmarkError.agent(agent, Scan.text(line)))
                stage = .closed
                return
            }
            stage = .running
            loggedIn.succeed()
        case .running:
            if let command, Scan.replyID(line) == command.id {
                self.command = nil
                if failed {
                    command.promise.fail(BenchmarkError.agent(agent, Scan.text(line)))
                } else {
                    command.promise.succeed()
                }
            }
        case .closed:
            break
        }
    }

    /// Sends `agent.not_ready` with `reason`; the future completes with its reply. On the loop.
    func notReady(reason: String, promise: EventLoopPromise<Void>) {
        guard let context, stage == .running else {
            promise.fail(BenchmarkError.agent(agent, "not connected"))
            return
        }
        let id: Int64 = 1_000_000_000 + nextID
        nextID += 1
        var wire = WireRequest(type: RequestType.agentNotReady.rawValue, id: .number(id))
        wire.reason = reason
        command = (id, promise)
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: LineCodec().encode(wire))), promise: nil)
    }
}

enum BenchmarkError: Error, CustomStringConvertible {
    case agent(String, String)
    case adapter(String)
    case setup(String)

    var description: String {
        switch self {
        case .agent(let agent, let detail): "agent \(agent): \(detail)"
        case .adapter(let detail): "adapter: \(detail)"
        case .setup(let detail): detail
        }
    }
}
