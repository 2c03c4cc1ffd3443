import ACDCore

/// What independent replications of a plan measured, per call stream, with confidence intervals.
public struct SimulationSummary: Equatable, Sendable {
    /// Per call stream, in the traffic model's order.
    public var streams: [StreamSummary]
    /// The share of all agents' working time spent on calls, over the replications that had agents.
    public var occupancy: Estimate?
    /// Calls simulated in all replications, warm-ups included.
    public var callsSimulated: Int
    /// Each replication's own result, in order.
    public var replications: [ReplicationResult]

    /// Summarizes `replications` (at least one) of `plan`.
    public init(plan: SimulationPlan, replications: [ReplicationResult]) {
        precondition(!replications.isEmpty, "a summary needs at least one replication")
        let thresholds = Dictionary(plan.center.queues.map { ($0.id, $0.serviceLevelThreshold) }, uniquingKeysWith: { first, _ in first })
        streams = plan.traffic.streams.enumerated().map { index, stream in
            StreamSummary(stream: stream, threshold: thresholds[stream.queue] ?? .zero, index: index, replications: replications)
        }
        let occupancies = replications.compactMap(\.occupancy)
        occupancy = occupancies.isEmpty ? nil : Estimate(occupancies)
        callsSimulated = replications.reduce(0) { $0 + $1.callsSimulated }
        self.replications = replications
    }
}
