import ACDCore
import ACDSimulation

/// Centers and plans the simulator tests share.
enum TestCenters {
    /// One queue, `agents` identical agents, no wrap-up: the M/M/N of the Erlang formulas.
    static func singleQueue(agents: Int, threshold: Duration = .seconds(20), wrapUp: Duration = .zero) -> CenterConfiguration {
        CenterConfiguration(
            queues: [QueueConfiguration(id: "q", wrapUp: wrapUp, serviceLevelThreshold: threshold)],
            agents: (0..<agents).map { AgentConfiguration(id: AgentID("a\($0)"), tiers: ["q": 1]) }
        )
    }

    /// A steady-state plan for `singleQueue`: each of `replications` runs warms up for 30 minutes,
    /// then measures long enough for `calls` calls in all replications together.
    static func steadyState(
        agents: Int, callsPerHour: Double, handleTime: TimeDistribution = .exponential(mean: .seconds(180)),
        patience: TimeDistribution? = nil, threshold: Duration = .seconds(20), calls: Int, replications: Int
    ) -> SimulationPlan {
        let warmUp = Duration.seconds(1800)
        let measuredSeconds = Double(calls) / Double(replications) / callsPerHour * 3600
        return SimulationPlan(
            center: singleQueue(agents: agents, threshold: threshold),
            traffic: TrafficModel(streams: [
                TrafficStream(queue: "q", callsPerHour: [callsPerHour], handleTime: handleTime, patience: patience),
            ]),
            duration: warmUp + .seconds(Int64(measuredSeconds.rounded())),
            warmUp: warmUp
        )
    }
}
