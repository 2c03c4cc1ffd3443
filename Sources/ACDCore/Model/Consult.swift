/// A consult transfer in progress on a connected call: the agent on it asked another agent to take
/// it over, and that agent has until the expiry to consent.
struct Consult: Sendable, Codable {
    /// The agent on the call, who asked.
    var from: Int32
    /// The agent asked to take the call.
    var target: Int32
    /// When it was asked.
    var started: Instant
    var expires: Instant
    var expiry: DeadlineID
}
