/// How a queue picks among the ready agents of the first tier that has one.
public enum RoutingStrategy: String, CaseIterable, Sendable, Codable {
    /// The agent ready the longest (since it last became ready). The default.
    case longestIdle = "longest-idle"
    /// Agents take turns: the one offered a call of this queue least recently, never-offered first,
    /// in configuration order.
    case roundRobin = "round-robin"
    /// The agent who answered the fewest calls today; longest idle breaks ties.
    case fewestCalls = "fewest-calls"
    /// The agent with the least talk time today; longest idle breaks ties.
    case leastTalkTime = "least-talk-time"
    /// A fixed order: the agent listed first in the configuration.
    case topDown = "top-down"
    /// A ready agent drawn uniformly at random when the call is routed, from the engine's seeded
    /// generator (reproducible).
    case random
    /// The highest total proficiency in the queue's required skills; longest idle breaks ties.
    case bestProficiency = "best-proficiency"
    /// Every ready agent of the open tiers is offered the call at once; the first to accept wins
    /// and the other offers are withdrawn.
    case ringAll = "ring-all"
}
