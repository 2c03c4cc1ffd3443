import ACDCore
import ACDSimulation
import Benchmark

// The simulator's speed: one sample is one simulated 8-hour day of a 200-agent center at 80%
// occupancy (one queue, exponential talk of 180 s plus 30 s of wrap-up, Poisson arrivals at
// 0.8 x 200 / 210 s, about 22,000 calls), from an empty center to the end of the day, figures
// included. The goal: under 5 s.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        timeUnits: .milliseconds,
        warmupIterations: 1,
        maxDuration: .seconds(30),
        maxIterations: 10
    )

    Benchmark("simulation.day.200-agents-80pct") { benchmark, plan in
        for iteration in benchmark.scaledIterations {
            let result = try Simulator.run(plan, seed: UInt64(iteration) + 1)
            blackHole(result)
        }
    } setup: {
        let agents = 200
        let handleTime = 210.0
        return SimulationPlan(
            center: CenterConfiguration(
                queues: [QueueConfiguration(id: "q", wrapUp: .seconds(30))],
                agents: (1...agents).map { AgentConfiguration(id: AgentID("agent-\($0)"), tiers: ["q": 1]) }
            ),
            traffic: TrafficModel(streams: [
                TrafficStream(
                    queue: "q", callsPerHour: [0.8 * Double(agents) / handleTime * 3600],
                    handleTime: .exponential(mean: .seconds(180))
                ),
            ]),
            duration: .seconds(8 * 3600)
        )
    }
}
