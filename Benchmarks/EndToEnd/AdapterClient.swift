import ACDClient
import ACDProtocol
import NIOCore

/// The telephony adapter's connection. Two workloads, one at a time, both on the channel's loop:
///
/// - `pace`: enqueues calls `c-N` into queue `q` at a fixed rate, noting when each enqueue was
///   written; hangs each call up a random 50-500 ms after `call.connected`.
/// - `flood`: keeps `window` requests in flight, alternating `call.enqueue t-N` and
///   `call.abandon t-N` (on a queue with no ready agent), and counts replies per second.
final class AdapterHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    let timeline: Timeline
    private let welcomed: EventLoopPromise<Void>
    private var splitter = LineSplitter()
    private var greeted = false
    private var context: ChannelHandlerContext?
    private var nextID: Int64 = 2
    private var mustFlush = false

    struct Counters {
        var lines = 0
        var replies = 0
        var errors = 0
        var firstErrors: [String] = []
        var offers = 0
        var connected = 0
        var ended = 0
        var otherEvents: [String: Int] = [:]
        var enqueued = 0
        var hangupsSent = 0
        var closed = false
        var shutdown = false
    }

    private(set) var counters = Counters()

    // MARK: pace

    final class Pace {
        let start: UInt64
        let rate: Double
        let count: Int
        var sent = 0
        var task: RepeatedTask?
        let allSent: EventLoopPromise<Void>

        init(start: UInt64, rate: Double, count: Int, allSent: EventLoopPromise<Void>) {
            self.start = start
            self.rate = rate
            self.count = count
            self.allSent = allSent
        }
    }

    private var pace: Pace?
    /// How long a connected call lasts before the adapter hangs up, in milliseconds.
    private var holdMs: ClosedRange<Int64> = 50...500
    /// The next call number `c-N`.
    private(set) var nextCall = 0

    // MARK: flood

    final class Flood {
        let start: UInt64
        let end: UInt64
        var inFlight = 0
        var nextOp = 0
        var repliesPerSecond: [Int]
        var linesPerSecond: [Int]
        var errors = 0
        let done: EventLoopPromise<FloodResult>

        init(start: UInt64, seconds: Int, done: EventLoopPromise<FloodResult>) {
            self.start = start
            end = start + UInt64(seconds) * 1_000_000_000
            repliesPerSecond = Array(repeating: 0, count: seconds + 30)
            linesPerSecond = Array(repeating: 0, count: seconds + 30)
            self.done = done
        }
    }

    struct FloodResult: Sendable {
        var seconds: Double
        var replies: Int
        var lines: Int
        var repliesPerSecond: [Int]
        var linesPerSecond: [Int]
        var errors: Int
    }

    private var flood: Flood?

    init(timeline: Timeline, welcomed: EventLoopPromise<Void>) {
        self.timeline = timeline
        self.welcomed = welcomed
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func channelActive(context: ChannelHandlerContext) {
        var hello = Hello.adapter(client: "acdd-end-to-end").request
        hello.id = .number(1)
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: LineCodec().encode(hello))), promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        counters.closed = true
        if !greeted { welcomed.fail(BenchmarkError.adapter("connection closed before welcome")) }
        pace?.task?.cancel()
        pace?.allSent.fail(BenchmarkError.adapter("connection closed"))
        pace = nil
        flood?.done.fail(BenchmarkError.adapter("connection closed"))
        flood = nil
        self.context = nil
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        counters.firstErrors.append("\(error)")
        context.close(promise: nil)
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

    private func line(_ line: UnsafeRawBufferPointer, at now: UInt64, context: ChannelHandlerContext) {
        counters.lines += 1
        if let flood {
            let second = Int((now &- flood.start) / 1_000_000_000)
            if second < flood.linesPerSecond.count { flood.linesPerSecond[second] += 1 }
        }
        if let event = Scan.string(after: "\"event\":\"", in: line) {
            let call = Scan.string(after: "\"call\":\"", in: line)
            let number = call.flatMap { $0.count > 0 && $0[0] == UInt8(ascii: "c") ? Scan.callNumber($0) : nil }
            if Scan.equals(event, "call.offer") {
                counters.offers += 1
                if let number { timeline.set(timeline.adapterOffered, number, now) }
            } else if Scan.equals(event, "call.connected") {
                counters.connected += 1
                if let number {
                    timeline.set(timeline.connected, number, now)
                    scheduleHangup(number)
                }
            } else if Scan.equals(event, "call.ended") {
                counters.ended += 1
            } else {
                if Scan.equals(event, "shutdown") { counters.shutdown = true }
                counters.otherEvents[Scan.text(event), default: 0] += 1
            }
            return
        }
        counters.replies += 1
        let failed = Scan.after("\"ok\":false", in: line) != nil
        if failed {
            counters.errors += 1
            if counters.firstErrors.count < 5 { counters.firstErrors.append(Scan.text(line)) }
        }
        if !greeted {
            greeted = true
            if failed {
                welcomed.fail(BenchmarkError.adapter(Scan.text(line)))
            } else {
                welcomed.succeed()
            }
            return
        }
        if flood != nil {
            floodReply(failed: failed, at: now, context: context)
            return
        }
        if let call = Scan.string(after: "\"call\":\"", in: line), let number = Scan.callNumber(call),
           Scan.after("\"type\":\"call.enqueue\"", in: line) != nil {
            timeline.set(timeline.enqueueReplied, number, now)
        }
    }

    // MARK: pace

    /// Starts enqueueing `count` calls at `rate` per second; the future completes once all are sent.
    func startPace(rate: Double, count: Int, holdMs: ClosedRange<Int64>, allSent: EventLoopPromise<Void>) {
        guard let context else {
            allSent.fail(BenchmarkError.adapter("not connected"))
            return
        }
        self.holdMs = holdMs
        pace = Pace(start: monotonicNanos(), rate: rate, count: count, allSent: allSent)
        // A tick every millisecond at most (every 100 us at high rates); each tick sends the calls
        // due by then, so the average rate holds whatever the timer's jitter.
        let period = max(100_000, min(1_000_000, Int64(1e9 / rate)))
        pace?.task = context.eventLoop.scheduleRepeatedTask(initialDelay: .zero, delay: .nanoseconds(period)) { task in
            self.tick(task)
        }
    }

    private func tick(_ task: RepeatedTask) {
        guard let pace, let context else {
            task.cancel()
            return
        }
        let now = monotonicNanos()
        let due = min(pace.count, Int(Double(now &- pace.start) * pace.rate / 1e9) + 1)
        var wrote = false
        while pace.sent < due {
            let number = nextCall
            nextCall += 1
            pace.sent += 1
            var out = context.channel.allocator.buffer(capacity: 80)
            out.writeStaticString("{\"type\":\"call.enqueue\",\"id\":")
            out.writeDecimal(nextID)
            nextID += 1
            out.writeStaticString(",\"call\":\"c-")
            out.writeDecimal(Int64(number))
            out.writeStaticString("\",\"queue\":\"q\"}\n")
            timeline.set(timeline.enqueueSent, number, monotonicNanos())
            context.write(wrapOutboundOut(out), promise: nil)
            counters.enqueued += 1
            wrote = true
        }
        if wrote { context.flush() }
        if pace.sent >= pace.count {
            task.cancel()
            self.pace = nil
            pace.allSent.succeed()
        }
    }

    private func scheduleHangup(_ number: Int) {
        guard let context else { return }
        let hold = Int64.random(in: holdMs)
        context.eventLoop.scheduleTask(in: .milliseconds(hold)) {
            self.hangup(number)
        }
    }

    private func hangup(_ number: Int) {
        guard let context else { return }
        var out = context.channel.allocator.buffer(capacity: 80)
        out.writeStaticString("{\"type\":\"call.hangup\",\"id\":")
        out.writeDecimal(nextID)
        nextID += 1
        out.writeStaticString(",\"call\":\"c-")
        out.writeDecimal(Int64(number))
        out.writeStaticString("\",\"by\":\"caller\"}\n")
        context.writeAndFlush(wrapOutboundOut(out), promise: nil)
        counters.hangupsSent += 1
    }

    // MARK: flood

    /// Keeps `window` requests in flight for `seconds`, then waits for the last replies.
    func startFlood(seconds: Int, window: Int, done: EventLoopPromise<FloodResult>) {
        guard let context else {
            done.fail(BenchmarkError.adapter("not connected"))
            return
        }
        let start = monotonicNanos()
        flood = Flood(start: start, seconds: seconds, done: done)
        for _ in 0..<window { sendFloodOp(context: context) }
        context.flush()
    }

    private func sendFloodOp(context: ChannelHandlerContext) {
        guard let flood else { return }
        let op = flood.nextOp
        flood.nextOp += 1
        flood.inFlight += 1
        var out = context.channel.allocator.buffer(capacity: 80)
        out.writeStaticString(op % 2 == 0 ? "{\"type\":\"call.enqueue\",\"id\":" : "{\"type\":\"call.abandon\",\"id\":")
        out.writeDecimal(nextID)
        nextID += 1
        out.writeStaticString(",\"call\":\"t-")
        out.writeDecimal(Int64(op / 2))
        out.writeStaticString(op % 2 == 0 ? "\",\"queue\":\"q\"}\n" : "\"}\n")
        context.write(wrapOutboundOut(out), promise: nil)
        mustFlush = true
    }

    private func floodReply(failed: Bool, at now: UInt64, context: ChannelHandlerContext) {
        guard let flood else { return }
        flood.inFlight -= 1
        if failed { flood.errors += 1 }
        let second = Int((now &- flood.start) / 1_000_000_000)
        if second < flood.repliesPerSecond.count { flood.repliesPerSecond[second] += 1 }
        let running = now < flood.end
        // Keep pairs whole: an enqueue is always followed by its abandon.
        let mustSend = running || flood.nextOp % 2 == 1
        if mustSend {
            sendFloodOp(context: context)
        } else if flood.inFlight == 0 {
            self.flood = nil
            let seconds = Double(now &- flood.start) / 1e9
            flood.done.succeed(FloodResult(
                seconds: seconds, replies: flood.repliesPerSecond.reduce(0, +), lines: flood.linesPerSecond.reduce(0, +),
                repliesPerSecond: flood.repliesPerSecond, linesPerSecond: flood.linesPerSecond, errors: flood.errors
            ))
        }
    }
}
