/// How a forecast found an interval's number of agents.
public enum ForecastMethod: String, Equatable, Sendable {
    /// The Erlang C formula (no abandonment), checked by simulation.
    case erlangC = "erlang-c"
    /// The Erlang A formula (exponential patience), checked by simulation.
    case erlangA = "erlang-a"
    /// Simulation alone, where no formula fits the center (see `StaffingForecast.inexactBecause`).
    case simulation
}
