/// What the engine keeps about a break that has not started (its reason is the agent's
/// `pendingReason`).
struct PendingBreak: Sendable, Codable {
    /// Why it waits, as last told to the agent.
    var cause: BreakDeferral
    /// Asked for by a supervisor: it starts after the call whatever the policy says.
    var forced: Bool
}
