/// Why an agent's break has not started yet.
public enum BreakDeferral: String, Equatable, Sendable, Codable, CaseIterable {
    /// The agent is on a call or in wrap-up; the break starts after them.
    case onCall = "on_call"
    /// A call the agent could take waits or rings for it (the center defers breaks while calls wait).
    case callsWaiting = "calls_waiting"
    /// The agent's team has as many agents on a staggered break as it may; the break starts when
    /// a slot frees, first come first served.
    case teamLimit = "team_limit"
}
