/// What a staffing forecast must reach in every interval.
public struct ServiceTarget: Equatable, Sendable {
    /// The share of calls to answer within their queue's `serviceLevelThreshold` (0 to 1,
    /// below 1): 0.8 for "80% in 20 s".
    public var serviceLevel: Double
    /// The highest share of the agents' time they may spend on calls (above 0, at most 1): a
    /// center rarely plans above 85-90%, however good the service level.
    public var maxOccupancy: Double

    /// A target; by default, no limit on occupancy.
    public init(serviceLevel: Double, maxOccupancy: Double = 1) {
        self.serviceLevel = serviceLevel
        self.maxOccupancy = maxOccupancy
    }
}
