import ACDCore

/// What the keeper follows of one agent: its current interval, and the conversation whose wrap-up
/// is pending or running.
struct AgentTrack: Sendable, Codable {
    /// Nil while logged out.
    var current: AgentInterval?
    /// A conversation that just ended while the agent was on it: its wrap-up comes next.
    var endedTalk: TalkReference?
    /// The conversation the running wrap-up follows.
    var wrappingUp: TalkReference?
}

/// One conversation of a call the keeper holds.
struct TalkReference: Sendable, Codable {
    var call: CallKey
    var index: Int
}
