/// A figure estimated from independent replications: their mean and the half-width of its 95%
/// confidence interval (Student's t with one degree of freedom fewer than replications).
public struct Estimate: Equatable, Sendable {
    /// The mean over the replications.
    public var mean: Double
    /// Nil with a single replication: one run says nothing about its own spread.
    public var halfWidth: Double?
    /// The replications the figure was measured in (a replication with no call has no service
    /// level, for instance).
    public var count: Int

    /// The estimate from one value per replication (at least one).
    public init(_ values: [Double]) {
        precondition(!values.isEmpty, "an estimate needs at least one value")
        count = values.count
        mean = values.reduce(0, +) / Double(values.count)
        guard values.count > 1 else {
            halfWidth = nil
            return
        }
        let mean = mean
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
        halfWidth = StudentT.quantile975(degreesOfFreedom: values.count - 1) * (variance / Double(values.count)).squareRoot()
    }
}
