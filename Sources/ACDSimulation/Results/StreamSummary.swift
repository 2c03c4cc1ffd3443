public import ACDCore

/// A call stream's figures over all replications, each with its 95% confidence interval.
public struct StreamSummary: Equatable, Sendable {
    /// The stream's name and the queue its calls arrive in.
    public var name: String
    public var queue: QueueID
    /// The threshold of the service level: the queue's `serviceLevelThreshold`.
    public var serviceLevelThreshold: Duration
    /// Calls per replication.
    public var offered: Estimate
    public var answered: Estimate
    public var abandoned: Estimate
    /// Calls that left through the queue's rules (max wait, no agent, queue full, diverted).
    public var leftByRules: Estimate
    /// Fractions (0-1).
    public var serviceLevel: Estimate?
    public var abandonRate: Estimate?
    /// Seconds.
    public var averageSpeedOfAnswer: Estimate?
    public var averageHandleTime: Estimate?
    /// The fraction of the working time of the agents serving the queue spent on calls.
    public var occupancy: Estimate?
    /// Seconds: the longest wait in each replication.
    public var longestWait: Estimate
    /// The time series of the run, bucket by bucket, over all replications.
    public var series: [IntervalSummary]

    /// Summarizes stream `index` of `replications` (at least one).
    init(stream: TrafficStream, threshold: Duration, index: Int, replications: [ReplicationResult]) {
        let figures = replications.map { $0.streams[index] }
        func estimate(_ value: (StreamFigures) -> Double?) -> Estimate? {
            let values = figures.compactMap(value)
            return values.isEmpty ? nil : Estimate(values)
        }
        func count(_ value: (StreamFigures) -> Int) -> Estimate {
            Estimate(figures.map { Double(value($0)) })
        }
        name = stream.name
        queue = stream.queue
        serviceLevelThreshold = threshold
        offered = count(\.offered)
        answered = count(\.answered)
        abandoned = count(\.abandoned)
        leftByRules = count { $0.timedOut + $0.leftNoAgents + $0.rejectedFull + $0.overflowedOut }
        serviceLevel = estimate(\.serviceLevel)
        abandonRate = estimate(\.abandonRate)
        averageSpeedOfAnswer = estimate(\.averageSpeedOfAnswer)
        averageHandleTime = estimate(\.averageHandleTime)
        occupancy = estimate(\.occupancy)
        longestWait = Estimate(figures.map(\.longestWait))
        let buckets = replications[0].series[index].count
        series = (0..<buckets).map { bucket in
            IntervalSummary(replications.map { $0.series[index][bucket] })
        }
    }
}
