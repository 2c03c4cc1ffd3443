/// One bucket of a stream's time series, over all replications.
public struct IntervalSummary: Equatable, Sendable {
    /// The bucket's start and length, in milliseconds from the start of the run.
    public var startMilliseconds: Int64
    public var lengthMilliseconds: Int64
    /// Calls that arrived in the bucket, per replication.
    public var offered: Double
    /// Of the calls that arrived in the bucket and were answered or abandoned, in all replications
    /// together, the share answered within the threshold; nil when none.
    public var serviceLevel: Double?
    /// Calls waiting during the bucket, on average over time and replications.
    public var averageWaiting: Double
    /// The most calls waiting at once during the bucket, in any replication.
    public var mostWaiting: Int

    /// The bucket summarized over the same bucket of every replication.
    init(_ buckets: [IntervalFigures]) {
        startMilliseconds = buckets[0].startMilliseconds
        lengthMilliseconds = buckets[0].lengthMilliseconds
        let count = Double(buckets.count)
        offered = Double(buckets.reduce(0) { $0 + $1.offered }) / count
        let inTime = buckets.reduce(0) { $0 + $1.answeredInTime }
        let resolved = buckets.reduce(0) { $0 + $1.answered + $1.abandoned }
        serviceLevel = resolved == 0 ? nil : Double(inTime) / Double(resolved)
        averageWaiting = buckets.reduce(0) { $0 + $1.averageWaiting } / count
        mostWaiting = buckets.map(\.mostWaiting).max() ?? 0
    }
}
