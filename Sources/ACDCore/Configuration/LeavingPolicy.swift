/// What happens when an agent asks to log out or to go not ready while it is the last agent
/// staffing a queue that has waiting calls.
public enum LeavingPolicy: String, Equatable, Sendable, Codable, CaseIterable {
    /// It may: the agent and the supervisors are told (`lastAgentLeaving`).
    case warn
    /// It may not: the request is refused (`last_agent`); a supervisor's force still works.
    case refuse
}
