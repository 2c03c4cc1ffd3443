import ACDCore
import Benchmark

// Routing decisions and whole commands against a 10,000-agent, 500-queue center with 1k, 10k and
// 100k calls waiting. Each sample of the `decision` benchmarks is one command that makes one
// routing decision; the `commands` benchmarks run whole call cycles and report commands per second
// (one core: the engine is single-threaded).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput],
        timeUnits: .nanoseconds,
        warmupIterations: 100,
        maxDuration: .seconds(5),
        maxIterations: 20_000
    )

    for waiting in [1_000, 10_000, 100_000] {
        Benchmark("decision.next-call.\(waiting)-waiting") { benchmark, center in
            // The agent-side routing decision alone (`RoutingEngine.nextCall(for:)`, the function
            // the engine routes a freed agent with): for a random busy agent, the best waiting call
            // among the heads of its dozen or so queues.
            for _ in benchmark.scaledIterations {
                let agent = center.busyCalls[Int(center.random.next(upperBound: UInt64(center.busyCalls.count)))].agent
                benchmark.startMeasurement()
                let call = center.engine.nextCall(for: agent)
                benchmark.stopMeasurement()
                blackHole(call)
            }
        } setup: {
            try BenchmarkCenter(waiting: waiting)
        }

        Benchmark("decision.agent-ready.\(waiting)-waiting") { benchmark, center in
            // A busy agent hangs up (wrap-up 0): it is routed the best waiting call it may take.
            // Outside the measurement, time passes, a new call keeps the line at its length and
            // the offer is accepted.
            for _ in benchmark.scaledIterations {
                try center.prepare()
                let (index, hangup) = center.nextHangup()
                benchmark.startMeasurement()
                let effects = try center.engine.handle(hangup)
                benchmark.stopMeasurement()
                try center.settle(effects, hangup: index)
                blackHole(effects)
            }
        } setup: {
            try BenchmarkCenter(waiting: waiting)
        }

        Benchmark("decision.call-arrives.\(waiting)-waiting") { benchmark, center in
            // A call arrives in a queue with ready agents: it is offered at once.
            for _ in benchmark.scaledIterations {
                let enqueue = center.newHotCall()
                benchmark.startMeasurement()
                let effects = try center.engine.handle(enqueue)
                benchmark.stopMeasurement()
                try center.finishHotCall(effects)
                blackHole(effects)
            }
        } setup: {
            try BenchmarkCenter(waiting: waiting)
        }

        Benchmark(
            "commands.call-cycle.\(waiting)-waiting",
            configuration: .init(scalingFactor: .kilo)
        ) { benchmark, center in
            // Per inner loop, 6 commands and a 50 ms advance of time: a new call waits; a busy
            // agent hangs up and is offered the best call; it accepts; a hot call arrives and is
            // offered at once; it is accepted and hung up.
            for _ in benchmark.scaledIterations {
                try center.prepare()
                let (index, hangup) = center.nextHangup()
                try center.settle(try center.engine.handle(hangup), hangup: index)
                try center.finishHotCall(try center.engine.handle(center.newHotCall()))
            }
        } setup: {
            try BenchmarkCenter(waiting: waiting)
        }
    }
}
