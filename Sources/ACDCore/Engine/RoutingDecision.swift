/// Why a call went to the agent(s) it went to: kept with the call so it can always be explained.
public struct RoutingDecision: Equatable, Sendable, Codable {
    /// What made the decision possible.
    public enum Trigger: String, Equatable, Sendable, Codable {
        /// The call arrived or came back to its place (after a reject, a miss or a withdrawal).
        case callWaiting = "call-waiting"
        /// One more tier of a queue opened for the call.
        case tierOpened = "tier-opened"
        /// The call reached other queues (max wait moved or widened it, or it was transferred).
        case queuesChanged = "queues-changed"
        /// An agent became ready and this call was the best of the calls it can take.
        case agentReady = "agent-ready"
        /// Another agent became ready in the queue, so an outbound call held back by the queue's
        /// reserve of ready agents could go.
        case reserveFreed = "reserve-freed"
    }

    public var at: Instant
    public var trigger: Trigger
    public var queue: QueueID
    public var tier: Int
    public var strategy: RoutingStrategy
    public var agents: [AgentID]
    /// Call-triggered: the ready agents of that tier the strategy chose among. Agent-triggered: the
    /// agent's queues that had a call for it.
    public var candidates: Int
    public var priority: Int
    /// How long the call had waited since entering the system.
    public var waited: Duration

    /// The rule that decided, in words.
    public var rule: String {
        let who = agents.map(\.rawValue).joined(separator: ", ")
        switch trigger {
        case .agentReady:
            return "\(who) became ready; of the heads of its \(candidates) queue(s) with calls, this call won "
                + "(priority \(priority), waited \(waited.milliseconds / 1000)s, in queue \(queue), tier \(tier))"
        case .callWaiting, .tierOpened, .queuesChanged, .reserveFreed:
            if strategy == .ringAll {
                return "ring-all in queue \(queue): offered to all \(candidates) ready agent(s) of the open tiers (\(who))"
            }
            return "\(strategy.rawValue) in queue \(queue) chose \(who) among \(candidates) ready tier-\(tier) agent(s)"
                + " (\(trigger.rawValue))"
        }
    }
}
