/// An agent's figures for the current day (reset by `Command.beginDay`).
public struct AgentCounters: Equatable, Sendable, Codable {
    public var callsAnswered = 0
    public var talkTimeMilliseconds: Int64 = 0
    /// Offers that rang out or that the telephony reported unanswered.
    public var missedOffers = 0
    public var rejectedOffers = 0
    /// Missed offers since the last answered one; at the queue's max it makes the agent not ready.
    public var consecutiveMisses = 0
    /// Breaks taken today, per configured break reason.
    public var breaks: [NotReadyReason: BreakUsage] = [:]

    public init() {}

    /// Counters written before break usage have none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        callsAnswered = try container.decode(Int.self, forKey: .callsAnswered)
        talkTimeMilliseconds = try container.decode(Int64.self, forKey: .talkTimeMilliseconds)
        missedOffers = try container.decode(Int.self, forKey: .missedOffers)
        rejectedOffers = try container.decode(Int.self, forKey: .rejectedOffers)
        consecutiveMisses = try container.decode(Int.self, forKey: .consecutiveMisses)
        breaks = try container.decodeIfPresent([NotReadyReason: BreakUsage].self, forKey: .breaks) ?? [:]
    }

    /// Time on calls today.
    public var talkTime: Duration { .milliseconds(talkTimeMilliseconds) }
}
