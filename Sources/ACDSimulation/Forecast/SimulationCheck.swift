/// How a forecast simulates an interval: independent replications of a steady state, each
/// starting empty, warming up, then measuring.
public struct SimulationCheck: Equatable, Sendable {
    /// Independent replications (at least 2, for confidence intervals).
    public var replications: Int
    /// The simulated time measured in each replication, after the warm-up.
    public var measured: Duration
    /// Simulated before measuring, from an empty center.
    public var warmUp: Duration
    /// The seed of every replication's draws; every staffing tried sees the same calls.
    public var seed: UInt64
    /// Replications run at the same time (the result does not depend on it).
    public var parallelism: Int

    /// Ten replications of 8 hours after half an hour of warm-up, unless told otherwise.
    public init(
        replications: Int = 10, measured: Duration = .seconds(8 * 3600), warmUp: Duration = .seconds(1800),
        seed: UInt64 = 1, parallelism: Int = 1
    ) {
        self.replications = replications
        self.measured = measured
        self.warmUp = warmUp
        self.seed = seed
        self.parallelism = parallelism
    }
}
