public import ACDCore

/// What a reload changed, for the log line that tells the operator.
public struct ReloadSummary: Equatable, Sendable {
    public var queuesAdded: [QueueID] = []
    public var queuesRemoved: [QueueID] = []
    /// Queues whose options changed.
    public var queuesChanged: [QueueID] = []
    public var agentsAdded: [AgentID] = []
    public var agentsRemoved: [AgentID] = []
    /// Agents whose skills, tiers, name or wrap-up changed.
    public var agentsChanged: [AgentID] = []
    /// Calls of removed queues that left (`queue_removed`) or moved to another queue.
    public var callsSentAway = 0
    public var callsMoved = 0
    /// Offers withdrawn because they no longer fit, and offers made at once under the new rules.
    public var offersWithdrawn = 0
    public var offersMade = 0

    /// Compares two configurations and counts what the reconfiguration's effects did.
    init(from old: CenterConfiguration, to new: CenterConfiguration, effects: [Effect]) {
        let oldQueues = Dictionary(old.queues.map { ($0.id, $0) }) { first, _ in first }
        let newQueues = Dictionary(new.queues.map { ($0.id, $0) }) { first, _ in first }
        queuesAdded = new.queues.map(\.id).filter { oldQueues[$0] == nil }
        queuesRemoved = old.queues.map(\.id).filter { newQueues[$0] == nil }
        queuesChanged = new.queues.filter { queue in oldQueues[queue.id].map { $0 != queue } ?? false }.map(\.id)
        let oldAgents = Dictionary(old.agents.map { ($0.id, $0) }) { first, _ in first }
        let newAgents = Dictionary(new.agents.map { ($0.id, $0) }) { first, _ in first }
        agentsAdded = new.agents.map(\.id).filter { oldAgents[$0] == nil }
        agentsRemoved = old.agents.map(\.id).filter { newAgents[$0] == nil }
        agentsChanged = new.agents.filter { agent in oldAgents[agent.id].map { $0 != agent } ?? false }.map(\.id)
        for effect in effects {
            switch effect {
            case .callFinished(_, .queueRemoved): callsSentAway += 1
            case .callMoved: callsMoved += 1
            case .offerWithdrawn: offersWithdrawn += 1
            case .offer: offersMade += 1
            case .callQueued, .callConnected, .tierOpened, .callOverflowed, .callWidened, .callTransferred,
                 .callReprioritized, .callFinished, .callDurationExceeded, .agentStateChanged, .agentMissedOffers,
                 .breakDeferred, .breakStarted, .breakCancelled, .breakQuotaReached, .dailyTargetReached,
                 .lastAgentLeaving, .callClassified, .callSurveyed, .openingChanged, .callRedirected, .serviceLevelEscalated, .serviceLevelBreached,
                 .consultOffered, .consultEnded, .callHandedOver, .callEscalated, .dialQueued, .dialRequested, .dialFailed:
                break
            }
        }
    }

    /// The summary as log metadata values.
    public var fields: [String: String] {
        func list<T: CustomStringConvertible>(_ items: [T]) -> String { items.isEmpty ? "-" : items.map(\.description).joined(separator: ",") }
        return [
            "queues_added": list(queuesAdded), "queues_removed": list(queuesRemoved), "queues_changed": list(queuesChanged),
            "agents_added": list(agentsAdded), "agents_removed": list(agentsRemoved), "agents_changed": list(agentsChanged),
            "calls_sent_away": "\(callsSentAway)", "calls_moved": "\(callsMoved)",
            "offers_withdrawn": "\(offersWithdrawn)", "offers_made": "\(offersMade)",
        ]
    }
}
