/// The engine's record of a configured agent.
struct AgentRecord: Sendable, Codable {
    /// The agent serving one queue at one tier.
    struct Membership: Sendable, Codable {
        var queue: Int32
        var tier: Int
        /// Total proficiency in the queue's required skills (best-proficiency strategy).
        var proficiency: Int
        /// The engine's offer counter when the agent was last offered a call of this queue
        /// (round-robin strategy); 0 when never.
        var lastOffered: UInt64 = 0
        /// The agent's key in the queue's ready index while it is there.
        var readyKey: ReadyAgentKey?
        /// The queue's weight, kept here for the routing move.
        var weight: Int64
        /// The agent's share of its capacity given to this queue, by queue weights (wait estimates).
        var capacityShare: Double
    }

    let id: AgentID
    let name: String
    /// Position in the configuration: the top-down order.
    let order: Int
    /// The agent's own wrap-up time, overriding its queues'.
    let wrapUpMilliseconds: Int64?
    /// The agent's team (break limits). Nil: none.
    let team: Int32?
    /// Calls to answer per day; reaching it is announced. Nil: none.
    var dailyTarget: Int?
    var memberships: [Membership]
    var state: AgentState = .loggedOut
    var since: Instant
    /// Instant the agent last became ready (longest-idle strategy).
    var idleSince: Instant
    var readySequence: UInt64 = 0
    /// The not-ready reason asked for that has not started yet (on a call, calls waiting, team at
    /// its limit). Nil: none.
    var pendingReason: NotReadyReason?
    /// Why `pendingReason` waits; set with it.
    var pendingBreak: PendingBreak?
    /// While on a configured break reason: the instant from which it counts toward today's usage.
    var breakSince: Instant?
    /// While on a break with a daily time quota: the instant the quota runs out.
    var quotaDeadline: DeadlineID?
    var restingUntil: Instant?
    var restDeadline: DeadlineID?
    var wrapUpDeadline: DeadlineID?
    /// The queue and talk time of the call being wrapped up (handle-time averages).
    var wrapUpOf: WrapUpOrigin?
    var counters = AgentCounters()

    /// Whether it may be offered a call now.
    var isRoutable: Bool {
        if case .ready = state { return restingUntil == nil }
        return false
    }
}

extension AgentState {
    var isLoggedIn: Bool {
        if case .loggedOut = self { return false }
        return true
    }

    var isNotReady: Bool {
        if case .notReady = self { return true }
        return false
    }

    /// Counted as capacity of its queues: logged in and not on a not-ready reason.
    var isStaffed: Bool {
        switch self {
        case .loggedOut, .notReady: false
        case .ready, .offered, .busy, .wrapUp: true
        }
    }
}

/// The call an agent's wrap-up follows: its queue, how long the agent talked, when wrap-up began,
/// the call and the queue whose classification catalogue applies (nil in a snapshot written
/// before classification, or once a reconfiguration removed that queue).
struct WrapUpOrigin: Sendable, Codable {
    var queue: Int32
    var talkMilliseconds: Int64
    var started: Instant
    var call: CallID?
    var catalogue: Int32?
}
