/// An agent's figures for the current day (reset by `Command.beginDay`).
public struct AgentCounters: Equatable, Sendable, Codable {
    public var callsAnswered = 0
    public var talkTimeMilliseconds: Int64 = 0
    /// Offers that rang out or that the telephony reported unanswered.
    public var missedOffers = 0
    public var rejectedOffers = 0
    /// Missed offers since the last answered one; at the queue's max it makes the agent not ready.
    public var consecutiveMisses = 0

    public init() {}

    /// Time on calls today.
    public var talkTime: Duration { .milliseconds(talkTimeMilliseconds) }
}
