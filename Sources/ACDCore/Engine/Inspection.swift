/// An agent as the engine sees it now.
public struct AgentStatus: Equatable, Sendable {
    public var id: AgentID
    public var name: String
    public var state: AgentState
    /// When the agent entered `state`.
    public var since: Instant
    /// Set while a ready agent rests after a rejected or missed offer.
    public var restingUntil: Instant?
    /// The not-ready reason asked for that has not started yet.
    public var pendingReason: NotReadyReason?
    /// Why `pendingReason` has not started.
    public var pendingCause: BreakDeferral?
    public var counters: AgentCounters
    /// The agent's team (break limits).
    public var team: String?
    /// Today's use of each configured break reason, with what is left of its quota.
    public var breaks: [BreakStatus]
    /// The queues the agent serves and its tier in each.
    public var queues: [QueueMembership]
    /// Whether it may be offered a call now (ready and not resting).
    public var isRoutable: Bool
    /// Calls it should answer per day (`counters.callsAnswered` is today's progress). Nil: none.
    public var dailyTarget: Int? = nil
}

/// An agent's use today of one break reason.
public struct BreakStatus: Equatable, Sendable {
    public var reason: NotReadyReason
    /// Breaks of this reason started today.
    public var count: Int
    /// Time spent on it today, the break going on included.
    public var used: Duration
    /// Breaks it may still start today. Nil: no count quota.
    public var countLeft: Int?
    /// Time left of its daily quota (zero once used up). Nil: no time quota.
    public var timeLeft: Duration?
}

/// A team's agents on a staggered break, against its limit.
public struct TeamStatus: Equatable, Sendable {
    public var name: String
    public var loggedIn: Int
    public var onStaggeredBreak: Int
    /// How many may be on a staggered break at once now. Nil: no limit.
    public var limit: Int?
    /// Agents whose staggered break waits for a slot, first in line first.
    public var waiting: [AgentID]
}

/// An agent's tier in a queue it serves.
public struct QueueMembership: Equatable, Sendable {
    public var queue: QueueID
    public var tier: Int
}

/// A live call as the engine sees it now.
public struct CallStatus: Equatable, Sendable {
    public var id: CallID
    public var state: CallState
    public var priority: Int
    public var segment: String?
    public var attributes: [String: String]
    public var enteredSystem: Instant
    /// The queues the call is in, home queue first, with the tiers open to it in each.
    public var queues: [CallPlacement]
    /// The decision behind the current or last offer.
    public var decision: RoutingDecision?
    /// While it rings: when the offer expires.
    public var offerExpires: Instant?
    /// While connected: since when.
    public var connectedSince: Instant?
    /// Until it is answered, for a call of a configured segment: its service-level clock.
    public var serviceLevel: CallServiceLevel? = nil
    /// While connected: the agent asked to take it over (consult transfer), if one is.
    public var consultTarget: AgentID?
    /// Until when that agent is asked.
    public var consultExpires: Instant?
    /// For a callback or outbound call not reached yet: the number the center dials.
    public var dial: DialTarget? = nil
    /// Its dial attempts that did not reach the customer.
    public var failedDialAttempts = 0
}

/// A call's presence in one queue.
public struct CallPlacement: Equatable, Sendable {
    public var queue: QueueID
    public var enteredQueue: Instant
    /// Tiers 1...openTiers may take the call.
    public var openTiers: Int
    /// When the next tier opens, if one is left.
    public var nextTierAt: Instant?
}

/// A queue's live figures.
public struct QueueStatus: Equatable, Sendable {
    public var id: QueueID
    public var waiting: Int
    /// The instant the oldest waiting call entered the system.
    public var oldestWaitingSince: Instant?
    public var loggedIn: Int
    public var notReady: Int
    /// Agents that may be offered a call now.
    public var ready: Int
    /// Tiers of agents the queue has.
    public var tiers: Int
    /// The current handle-time average (talk plus wrap-up).
    public var averageHandleTime: Duration
    /// The wait a call arriving now would be told.
    public var estimatedWaitForNewCall: Duration?
    /// Today's figures.
    public var figures: QueueFigures
    /// Open or closed, as the shell last said (business hours); nil: open, no hours told.
    public var opening: OpeningState?
    /// Outbound calls waiting in line (after every inbound call; not in `waiting`).
    public var outboundWaiting = 0
    /// Callbacks kept out of line until the queue opens.
    public var parkedCallbacks = 0
}

extension RoutingEngine {
    /// Every configured agent, in configuration order.
    public var agentIDs: [AgentID] {
        agents.indices.filter { !isRetired(agent: Int32($0)) }.map { agents[$0].id }
    }

    /// Every configured queue, in configuration order.
    public var queueIDs: [QueueID] {
        queues.indices.filter { !isRetired(queue: Int32($0)) }.map { queues[$0].configuration.id }
    }

    /// Every live call, oldest arrival first.
    public var liveCallIDs: [CallID] {
        calls.filter(\.isLive).sorted { $0.sequence < $1.sequence }.map(\.id)
    }

    /// How many calls are live (without listing them).
    public var liveCallCount: Int { callNumbers.count }

    public func agentStatus(_ id: AgentID) -> AgentStatus? {
        guard let number = agentNumbers[id] else { return nil }
        let agent = agents[Int(number)]
        var pendingCause = agent.pendingBreak?.cause
        switch agent.state {
        case .busy, .wrapUp: if pendingCause != nil { pendingCause = .onCall }
        case .loggedOut, .ready, .offered, .notReady: break
        }
        return AgentStatus(
            id: agent.id, name: agent.name, state: agent.state, since: agent.since,
            restingUntil: agent.restingUntil, pendingReason: agent.pendingReason, pendingCause: pendingCause,
            counters: agent.counters, team: agent.team.map { breaks.teams[Int($0)].name },
            breaks: breaks.policy.reasons.map { rule in
                let used = breakMilliseconds(number, rule.id)
                let count = agent.counters.breaks[rule.id]?.count ?? 0
                return BreakStatus(
                    reason: rule.id, count: count, used: .milliseconds(used),
                    countLeft: rule.dailyCount.map { max(0, $0 - count) },
                    timeLeft: rule.dailyTime.map { .milliseconds(max(0, $0.milliseconds - used)) }
                )
            },
            queues: agent.memberships.map { QueueMembership(queue: queues[Int($0.queue)].configuration.id, tier: $0.tier) },
            isRoutable: agent.isRoutable, dailyTarget: agent.dailyTarget
        )
    }

    /// Every configured team, in the order agents first name them.
    public var teamNames: [String] {
        breaks.teams.map(\.name)
    }

    public func teamStatus(_ name: String) -> TeamStatus? {
        guard let number = breaks.teamNumbers[name] else { return nil }
        let team = breaks.teams[Int(number)]
        return TeamStatus(
            name: name, loggedIn: team.loggedIn, onStaggeredBreak: team.onStaggeredBreak,
            limit: breaks.policy.limit(loggedIn: team.loggedIn),
            waiting: breaks.pending.filter { agents[Int($0)].team == number && agents[Int($0)].pendingBreak?.cause == .teamLimit }
                .map { agents[Int($0)].id }
        )
    }

    public func callStatus(_ id: CallID) -> CallStatus? {
        guard let number = callNumbers[id] else { return nil }
        let call = calls[Int(number)]
        let state: CallState
        var offerExpires: Instant?
        var connectedSince: Instant?
        switch call.phase {
        case .waiting:
            state = .waiting
        case .offered(let ringing):
            state = .offered(ringing.map { agents[Int($0.agent)].id })
            offerExpires = call.decision.map { $0.at.adding(milliseconds: queues[Int(call.offeringQueue)].offerTimeoutMilliseconds) }
        case .connected(let agent, let since):
            state = .connected(agents[Int(agent)].id)
            connectedSince = since
        case .dialing(let agent):
            state = .dialing(agents[Int(agent)].id)
        case .scheduled:
            state = .scheduled(until: call.dial?.due)
        }
        return CallStatus(
            id: call.id, state: state, priority: call.priority, segment: call.segment, attributes: call.attributes,
            enteredSystem: call.enteredSystem,
            queues: call.placements.map { placement in
                let queue = queues[Int(placement.queue)]
                return CallPlacement(
                    queue: queue.configuration.id, enteredQueue: placement.enteredQueue, openTiers: placement.openTier,
                    nextTierAt: placement.openTier < queue.tierCount
                        ? tierOpening(placement.queue, after: placement.openTier, from: placement.enteredQueue) : nil
                )
            },
            decision: call.decision, offerExpires: offerExpires, connectedSince: connectedSince,
            serviceLevel: serviceLevel(ofCall: number),
            consultTarget: call.consult.map { agents[Int($0.target)].id }, consultExpires: call.consult?.expires,
            dial: call.dial?.target, failedDialAttempts: call.dial?.failedAttempts ?? 0
        )
    }

    public func queueStatus(_ id: QueueID) -> QueueStatus? {
        guard let number = queueNumbers[id] else { return nil }
        let queue = queues[Int(number)]
        return QueueStatus(
            id: id, waiting: queue.waitingCount,
            oldestWaitingSince: queue.waiting[0].earliestEntry.map { Instant(millisecondsSinceEpoch: $0) },
            loggedIn: queue.loggedIn, notReady: queue.notReadyByTier.reduce(0, +),
            ready: queue.readyCount, tiers: queue.tierCount,
            averageHandleTime: .milliseconds(Int64(queue.averageHandleMilliseconds + 0.5)),
            estimatedWaitForNewCall: estimatedWait(queue: number, position: queue.waitingCount + 1),
            figures: queue.figures, opening: queue.opening,
            outboundWaiting: queue.outboundWaiting, parkedCallbacks: queue.parked.count
        )
    }

    /// The call's place in its home queue's line (1 = next) and its estimated wait; nil unless it
    /// is waiting.
    public func position(of id: CallID) -> (position: Int, estimatedWait: Duration?)? {
        guard let number = callNumbers[id], let position = position(of: number) else { return nil }
        return (position, estimatedWait(queue: calls[Int(number)].home, position: position))
    }

    /// The call the agent would be offered if it became ready now: the same decision routing
    /// makes. Nil when no waiting call is open to it.
    public func nextCall(for agent: AgentID) -> CallID? {
        guard let number = agentNumbers[agent], let best = bestCall(forAgent: number) else { return nil }
        return calls[Int(best.call)].id
    }

    /// During the agent's wrap-up: the queue whose classification catalogue applies (the queue it
    /// took the call for) and that catalogue. Nil outside wrap-up, or when that queue was removed.
    public func wrapUpCatalogue(of agent: AgentID) -> (queue: QueueID, catalogue: ClassificationCatalogue)? {
        guard let number = agentNumbers[agent], case .wrapUp = agents[Int(number)].state,
              let queue = agents[Int(number)].wrapUpOf?.catalogue, !isRetired(queue: queue)
        else { return nil }
        return (queues[Int(queue)].configuration.id, queues[Int(queue)].configuration.classification)
    }

    /// Whether the agent serves `queue` at a tier open to the call: the eligibility routing uses.
    public func isEligible(agent: AgentID, for call: CallID) -> Bool {
        guard let agentNumber = agentNumbers[agent], let callNumber = callNumbers[call] else { return false }
        let placements = calls[Int(callNumber)].placements
        return agents[Int(agentNumber)].memberships.contains { membership in
            placements.contains { $0.queue == membership.queue && membership.tier <= $0.openTier }
        }
    }
}
