import ACDClient
import ACDProtocol
import Foundation
import Histogram
import NIOCore
import NIOPosix

/// The end-to-end benchmark: drives a running acdd over its real Unix socket with one adapter and
/// N agent connections, all in this process on one NIO event loop group (the two cores' worth of
/// threads NIO makes by default), and measures
///
/// 1. the floor: a 150-byte line's round trip to a trivial echo server, back to back and paced;
/// 2. enqueue -> offer received: the adapter writes `call.enqueue` at a fixed rate, the agent the
///    daemon chose notes when `offer` arrives, accepts, and the adapter hangs up 50-500 ms after
///    `call.connected`;
/// 3. adapter throughput: enqueue + abandon pairs with 64 requests in flight, replies per second.
///
/// `Benchmarks/run-end-to-end` builds acdd and this in release, writes the configuration and
/// starts the daemon and the echo server.
@main
enum EndToEnd {
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            if arguments.first == "echo-server" {
                guard arguments.count == 2 else { throw BenchmarkError.setup(Options.usage) }
                try await EchoServer.run(path: arguments[1])
                return
            }
            let options = try Options(Array(arguments.drop { $0 == "run" }))
            let passed = try await Bench(options: options).run()
            exit(passed ? 0 : 1)
        } catch {
            FileHandle.standardError.write(Data("EndToEnd: \(error)\n".utf8))
            exit(2)
        }
    }
}

/// Latency figures of one kind, in nanoseconds.
typealias Latencies = Histogram<UInt64>

func makeLatencies() -> Latencies {
    Histogram<UInt64>(highestTrackableValue: 60_000_000_000, numberOfSignificantValueDigits: .three)
}

final class Bench {
    let options: Options
    let group = MultiThreadedEventLoopGroup.singleton
    var report: [String] = []
    var passed = true

    init(options: Options) {
        self.options = options
    }

    func say(_ line: String) {
        FileHandle.standardError.write(Data("[e2e] \(line)\n".utf8))
    }

    func run() async throws -> Bool {
        let loads = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
        report.append("acdd end-to-end: \(ProcessInfo.processInfo.activeProcessorCount) cores, load average before: \(loads), "
            + "client event loops: \(System.coreCount) threads, \(options.agents) agent connections")
        report.append("")
        report.append(Self.header)

        // 1. The floor, on a quiet machine.
        if let echo = options.echoSocket {
            say("floor: echo round trips of a \(EchoClientHandler.lineBytes)-byte line")
            let pingPong = try await echoRun(path: echo, mode: .pingPong, warmUp: 2000, count: options.floorCount)
            report.append(Self.row("floor: echo 150 B, back to back", pingPong.histogram))
            let rate = options.rates.first ?? 1000
            let pacedCount = Int(rate * min(options.duration, 10))
            let paced = try await echoRun(path: echo, mode: .paced(rate: rate), warmUp: Int(rate), count: pacedCount)
            report.append(Self.row("floor: echo 150 B, \(Int(rate))/s", paced.histogram))
        }

        // 2. Connect the adapter and the agents.
        let capacity = options.rates.reduce(0) { $0 + Int($1 * (options.warmUp + options.duration)) + 2 } + 16
        let timeline = Timeline(capacity: capacity)
        let adapterLoop = group.next()
        let welcomed = adapterLoop.makePromise(of: Void.self)
        let adapter = AdapterHandler(timeline: timeline, welcomed: welcomed)
        _ = try await connect(on: adapterLoop, handler: adapter)
        try await welcomed.futureResult.get()

        say("connecting \(options.agents) agents")
        let connectStart = monotonicNanos()
        var agents: [(channel: any Channel, handler: AgentHandler)] = []
        var index = 0
        while index < options.agents {
            let batch = index..<min(options.agents, index + 100)
            var pending: [(EventLoopFuture<any Channel>, EventLoopFuture<Void>, AgentHandler)] = []
            for agentIndex in batch {
                let loop = group.next()
                let loggedIn = loop.makePromise(of: Void.self)
                let handler = AgentHandler(agent: Options.agentID(agentIndex), timeline: timeline, loggedIn: loggedIn)
                let channel = connectFuture(on: loop, handler: handler)
                channel.whenFailure { loggedIn.fail($0) }
                pending.append((channel, loggedIn.futureResult, handler))
            }
            for (channel, loggedIn, handler) in pending {
                let channel = try await channel.get()
                try await loggedIn.get()
                agents.append((channel, handler))
            }
            index = batch.upperBound
        }
        let connectSeconds = Double(monotonicNanos() - connectStart) / 1e9
        say(String(format: "%d agents connected and logged in in %.2f s", agents.count, connectSeconds))

        let supervisor = try await ACDConnection.connect(
            to: options.socket, as: .supervisor(client: "acdd-end-to-end"), maximumLineBytes: 64 << 20)
        let before = try await supervisor.status()
        let ready = before.agents.filter { $0.state == "ready" }.count
        guard ready == options.agents else {
            throw BenchmarkError.setup("expected \(options.agents) ready agents, the daemon reports \(ready)")
        }

        // 3. Latency at each rate.
        var latencyNotes: [String] = []
        var cpuNotes: [String] = []
        for rate in options.rates {
            let warmCount = Int(rate * options.warmUp)
            let measureCount = Int(rate * options.duration)
            let first = try await adapterLoop.submit { adapter.nextCall }.get()
            say(String(format: "latency: %.0f calls/s, %.0f s warm-up + %.0f s measured", rate, options.warmUp, options.duration))
            let allSent = adapterLoop.makePromise(of: Void.self)
            let holdMs = options.holdMs
            adapterLoop.execute { adapter.startPace(rate: rate, count: warmCount + measureCount, holdMs: holdMs, allSent: allSent) }
            try await Task.sleep(for: .seconds(options.warmUp))
            let daemonBefore = CPUSample.take(pid: options.daemonPID)
            let selfBefore = CPUSample.take(pid: getpid())
            try await allSent.futureResult.get()
            let daemonAfter = CPUSample.take(pid: options.daemonPID)
            let selfAfter = CPUSample.take(pid: getpid())
            // Every call hung up and ended (the longest hold is 500 ms).
            let expectedEnded = try await adapterLoop.submit { adapter.counters.enqueued }.get()
            let drainStart = monotonicNanos()
            var ended = 0
            while monotonicNanos() - drainStart < 15_000_000_000 {
                ended = try await adapterLoop.submit { adapter.counters.ended }.get()
                if ended >= expectedEnded { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            try await barrier()
            let range = (first + warmCount)..<(first + warmCount + measureCount)
            let figures = Figures(timeline: timeline, range: range)
            let label = "\(Int(rate))/s"
            report.append(Self.row("enqueue -> agent offer, \(label)", figures.agentOffer))
            report.append(Self.row("  enqueue -> adapter reply, \(label)", figures.enqueueReply))
            report.append(Self.row("  enqueue -> adapter call.offer, \(label)", figures.adapterOffer))
            report.append(Self.row("  offer -> adapter call.connected, \(label)", figures.acceptToConnected))
            let daemonCPU = CPUUsage(from: daemonBefore, to: daemonAfter)
            let selfCPU = CPUUsage(from: selfBefore, to: selfAfter)
            latencyNotes.append("\(label): " + String(
                format: "%d calls measured, %d without an offer, %d ended of %d enqueued; worst second p99 %.1f us (second %d), best %.1f us",
                Int(figures.agentOffer.totalCount), figures.missing, ended, expectedEnded,
                Double(figures.worstSecond.p99) / 1000, figures.worstSecond.second, Double(figures.bestSecondP99) / 1000
            ))
            cpuNotes.append(cpuLine("latency \(label)", daemon: daemonCPU, bench: selfCPU))
            if options.series {
                for (second, entry) in figures.seconds.enumerated() {
                    latencyNotes.append(String(format: "  second %2d: %5d calls, p50 %7.1f us, p99 %7.1f us, max %8.1f us",
                                               second, entry.count, Double(entry.p50) / 1000, Double(entry.p99) / 1000, Double(entry.max) / 1000))
                }
            }
            if rate == 1000 {
                let p99 = Double(figures.agentOffer.valueAtPercentile(99)) / 1000
                let met = p99 < 250 && figures.missing == 0
                if !met { passed = false }
                latencyNotes.append("goal: p99 enqueue -> offer < 250 us at 1,000 calls/s with \(options.agents) agents: "
                    + (met ? "MET" : "NOT MET") + String(format: " (p99 %.1f us)", p99))
            }
        }

        // 4. Adapter throughput on a queue with no ready agent.
        var floodNotes: [String] = []
        if options.floodSeconds > 0 {
            say("throughput: agents not ready, then enqueue + abandon pairs with \(options.window) in flight for \(options.floodSeconds) s")
            var waits: [EventLoopFuture<Void>] = []
            for (channel, handler) in agents {
                let promise = channel.eventLoop.makePromise(of: Void.self)
                channel.eventLoop.execute { handler.notReady(reason: "benchmark", promise: promise) }
                waits.append(promise.futureResult)
            }
            for wait in waits { try await wait.get() }
            let daemonBefore = CPUSample.take(pid: options.daemonPID)
            let selfBefore = CPUSample.take(pid: getpid())
            let done = adapterLoop.makePromise(of: AdapterHandler.FloodResult.self)
            let seconds = options.floodSeconds
            let window = options.window
            adapterLoop.execute { adapter.startFlood(seconds: seconds, window: window, done: done) }
            let result = try await done.futureResult.get()
            let daemonCPU = CPUUsage(from: daemonBefore, to: CPUSample.take(pid: options.daemonPID))
            let selfCPU = CPUUsage(from: selfBefore, to: CPUSample.take(pid: getpid()))
            let full = Array(result.repliesPerSecond.prefix(seconds))
            let mean = Double(full.reduce(0, +)) / Double(seconds)
            let lines = Double(result.linesPerSecond.prefix(seconds).reduce(0, +)) / Double(seconds)
            let met = mean >= 50_000 && result.errors == 0
            if !met { passed = false }
            floodNotes.append(String(
                format: "adapter requests answered: %.0f/s sustained over %d s (slowest second %d, fastest %d); all lines read by the adapter %.0f/s; %d errors",
                mean, seconds, full.min() ?? 0, full.max() ?? 0, lines, result.errors
            ))
            if options.series {
                floodNotes.append("  replies per second: " + full.map(String.init).joined(separator: " "))
            }
            floodNotes.append("goal: >= 50,000 adapter events/s sustained: " + (met ? "MET" : "NOT MET") + String(format: " (%.0f/s)", mean))
            cpuNotes.append(cpuLine("throughput", daemon: daemonCPU, bench: selfCPU))
        }

        // 5. What the daemon and the clients saw.
        try await barrier()
        let adapterCounters = try await adapterLoop.submit { adapter.counters }.get()
        var totals = AgentHandler.Counters()
        var firstAgentErrors: [String] = []
        var closed = 0
        for (channel, handler) in agents {
            let counters = try await channel.eventLoop.submit { handler.counters }.get()
            totals.lines += counters.lines
            totals.offers += counters.offers
            totals.accepts += counters.accepts
            totals.errors += counters.errors
            totals.withdrawn += counters.withdrawn
            totals.unexpected += counters.unexpected
            if counters.closed { closed += 1 }
            if let error = counters.firstError, firstAgentErrors.count < 3 { firstAgentErrors.append("\(handler.agent): \(error)") }
        }
        let statsReply = try await supervisor.request(WireRequest(type: RequestType.stats.rawValue))
        let stats = statsReply.queues?.first { $0.id == "q" }?.stats
        await supervisor.close()

        report.append("")
        report.append(contentsOf: latencyNotes)
        report.append(contentsOf: floodNotes)
        report.append("")
        report.append(String(format: "connect + hello + login of %d agents: %.2f s", options.agents, connectSeconds))
        report.append("CPU, percent of one core (2 cores = 200%); 'other' = the machine minus acdd and the benchmark:")
        report.append(contentsOf: cpuNotes)
        report.append("agents: \(totals.lines) lines read, \(totals.offers) offers, \(totals.accepts) accepts, \(totals.errors) error replies, "
            + "\(totals.withdrawn) offers withdrawn, \(closed) connections closed by the daemon")
        report.append("adapter: \(adapterCounters.lines) lines read, \(adapterCounters.enqueued) paced enqueues, \(adapterCounters.offers) call.offer, "
            + "\(adapterCounters.connected) call.connected, \(adapterCounters.ended) call.ended, \(adapterCounters.errors) error replies"
            + (adapterCounters.otherEvents.isEmpty ? "" : ", other events \(adapterCounters.otherEvents)"))
        if let stats {
            report.append("daemon's figures for q: offered \(stats.offered), answered \(stats.answered), abandoned \(stats.abandoned)")
        }
        for error in adapterCounters.firstErrors { report.append("adapter error: \(error)") }
        for error in firstAgentErrors { report.append("agent error: \(error)") }
        if totals.errors + adapterCounters.errors + totals.withdrawn + closed > 0 || adapterCounters.closed { passed = false }

        let text = report.joined(separator: "\n") + "\n"
        print(text, terminator: "")
        if let path = options.results {
            try? text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return passed
    }

    private func cpuLine(_ phase: String, daemon: CPUUsage, bench: CPUUsage) -> String {
        let other = max(0, daemon.machinePercent - daemon.processPercent - bench.processPercent)
        return "  \(phase)" + String(format: " (%.0f s)", daemon.wallSeconds) + ": acdd \(daemon.summary); benchmark \(bench.summary); "
            + String(format: "other %.0f%%", other)
    }

    /// Connects to acdd's socket with `handler` as the channel's only handler.
    private func connectFuture(on loop: any EventLoop, handler: some ChannelInboundHandler & Sendable) -> EventLoopFuture<any Channel> {
        ClientBootstrap(group: loop)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(handler)
                }
            }
            .connect(unixDomainSocketPath: options.socket)
    }

    private func connect(on loop: any EventLoop, handler: some ChannelInboundHandler & Sendable) async throws -> any Channel {
        try await connectFuture(on: loop, handler: handler).get()
    }

    /// Passes through every event loop, so what they wrote before is visible here.
    private func barrier() async throws {
        for loop in group.makeIterator() {
            try await loop.submit {}.get()
        }
    }

    private func echoRun(path: String, mode: EchoClientHandler.Mode, warmUp: Int, count: Int) async throws -> EchoClientHandler.Result {
        let loop = group.next()
        let done = loop.makePromise(of: EchoClientHandler.Result.self)
        let handler = EchoClientHandler(mode: mode, warmUp: warmUp, count: count, done: done)
        _ = try await ClientBootstrap(group: loop)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(handler)
                }
            }
            .connect(unixDomainSocketPath: path)
            .get()
        return try await done.futureResult.get()
    }

    static let header = pad("", 44) + pad("count", 8, right: true) + pad("p50 us", 10, right: true) + pad("p99 us", 10, right: true)
        + pad("p99.9 us", 10, right: true) + pad("max us", 10, right: true)

    static func row(_ name: String, _ histogram: Latencies) -> String {
        func us(_ value: UInt64) -> String { String(format: "%.1f", Double(value) / 1000) }
        return pad(name, 44) + pad(String(histogram.totalCount), 8, right: true)
            + pad(us(histogram.valueAtPercentile(50)), 10, right: true)
            + pad(us(histogram.valueAtPercentile(99)), 10, right: true)
            + pad(us(histogram.valueAtPercentile(99.9)), 10, right: true)
            + pad(us(histogram.maxRecorded), 10, right: true)
    }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }
}

/// The latencies of the calls in `range`, from the timeline.
struct Figures {
    var agentOffer = makeLatencies()
    var enqueueReply = makeLatencies()
    var adapterOffer = makeLatencies()
    var acceptToConnected = makeLatencies()
    var missing = 0
    var seconds: [(count: Int, p50: UInt64, p99: UInt64, max: UInt64)] = []
    var worstSecond: (second: Int, p99: UInt64) = (0, 0)
    var bestSecondP99: UInt64 = .max

    init(timeline: Timeline, range: Range<Int>) {
        guard !range.isEmpty, range.upperBound <= timeline.capacity else { return }
        let origin = timeline.enqueueSent[range.lowerBound]
        var perSecond: [Latencies] = []
        for number in range {
            let sent = timeline.enqueueSent[number]
            let offered = timeline.agentOffered[number]
            guard sent != 0, offered >= sent else {
                missing += 1
                continue
            }
            _ = agentOffer.record(offered - sent)
            let second = Int((sent &- origin) / 1_000_000_000)
            while perSecond.count <= second { perSecond.append(makeLatencies()) }
            _ = perSecond[second].record(offered - sent)
            let replied = timeline.enqueueReplied[number]
            if replied >= sent { _ = enqueueReply.record(replied - sent) }
            let adapter = timeline.adapterOffered[number]
            if adapter >= sent { _ = adapterOffer.record(adapter - sent) }
            let connected = timeline.connected[number]
            if connected >= offered { _ = acceptToConnected.record(connected - offered) }
        }
        for (second, histogram) in perSecond.enumerated() where histogram.totalCount > 0 {
            let p99 = histogram.valueAtPercentile(99)
            seconds.append((Int(histogram.totalCount), histogram.valueAtPercentile(50), p99, histogram.maxRecorded))
            if p99 > worstSecond.p99 { worstSecond = (second, p99) }
            bestSecondP99 = min(bestSecondP99, p99)
        }
    }
}
