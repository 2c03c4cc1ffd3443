import ACDCore

/// The agents a center needs, interval by interval.
public struct StaffingForecast: Equatable, Sendable {
    /// How the numbers were found.
    public var method: ForecastMethod
    /// Why no formula describes the center exactly (the reasons for `.simulation`).
    public var inexactBecause: [String]
    /// Caveats of a formula that still applies, e.g. handle times that are not exponential.
    public var notes: [String]
    /// One per interval of the traffic, in order.
    public var intervals: [IntervalForecast]
    /// The length of each interval.
    public var interval: Duration

    /// Agent-hours over all intervals.
    public var agentHours: Double {
        Double(intervals.reduce(0) { $0 + $1.agents }) * Double(interval.milliseconds) / 3_600_000
    }
}
