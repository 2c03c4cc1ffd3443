/// The staffing of one interval.
public struct IntervalForecast: Equatable, Sendable {
    /// The interval's place, from 0, and its start from the start of the day.
    public var index: Int
    public var start: Duration
    /// Per call stream, in the traffic model's order.
    public var callsPerHour: [Double]
    /// The offered load in erlangs: calls per second x mean handle time (talk plus wrap-up), summed
    /// over the streams.
    public var load: Double
    /// The agents needed.
    public var agents: Int
    /// What the formula predicts at that staffing (Erlang methods).
    public var model: ModelFigures?
    /// What the simulation measured at that staffing, per stream, and the center's occupancy; nil
    /// without a simulation, or when no call comes.
    public var simulated: [StreamSummary]?
    public var simulatedOccupancy: Estimate?

    /// Whether the simulation reached the target at this staffing: every stream's mean service
    /// level and the mean occupancy. Nil without a simulation.
    public var simulationMeetsTarget: Bool?
}
