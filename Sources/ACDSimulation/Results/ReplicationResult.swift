/// What one replication measured.
public struct ReplicationResult: Equatable, Sendable {
    /// Per call stream, in the traffic model's order.
    public var streams: [StreamFigures]
    /// Per call stream, the buckets of the whole run (warm-up included), in time order.
    public var series: [[IntervalFigures]]
    /// The share of all agents' working time spent on calls; nil when no agent was on shift.
    public var occupancy: Double?
    /// Calls simulated, warm-up included.
    public var callsSimulated: Int
}
