/// Matching calls and agents: the indexes and the two routing moves. Routing happens on the event
/// that makes it possible, and each move reads only the heads of a few indexes.
///
/// The invariant both moves keep: after any command or deadline, no routable agent may take a
/// waiting call. So when one call changes (arrives, returns, gains a tier or a queue), it is the
/// only candidate for any ready agent; when one agent becomes routable, only that agent needs a
/// call.
extension RoutingEngine {
    // MARK: Indexes

    /// Puts a waiting call in the waiting index of every tier open to it, in every queue it is in.
    mutating func indexCall(_ call: Int32) {
        var key = calls[Int(call)].waitingKey
        key.call = call
        for placement in calls[Int(call)].placements {
            for tier in 0..<placement.openTier {
                insertWaiting(key, queue: placement.queue, tier: tier)
            }
        }
    }

    mutating func unindexCall(_ call: Int32) {
        let key = calls[Int(call)].waitingKey
        for placement in calls[Int(call)].placements {
            for tier in 0..<placement.openTier {
                removeWaiting(key, queue: placement.queue, tier: tier)
            }
        }
    }

    /// Tier indexes are 0-based here. The head of each waiting index is copied into
    /// `waitingHeads`, a compact table the agent-side routing move reads without touching the
    /// queues themselves.
    mutating func insertWaiting(_ key: WaitingCallKey, queue: Int32, tier: Int) {
        queues[Int(queue)].waiting[tier].insert(key)
        waitingHeads[headSlot(queue: queue, tier: tier)] = queues[Int(queue)].waiting[tier].first
    }

    mutating func removeWaiting(_ key: WaitingCallKey, queue: Int32, tier: Int) {
        queues[Int(queue)].waiting[tier].remove(key)
        waitingHeads[headSlot(queue: queue, tier: tier)] = queues[Int(queue)].waiting[tier].first
    }

    func headSlot(queue: Int32, tier: Int) -> Int {
        Int(queue) * Self.maximumTier + tier
    }

    /// Puts a routable agent in the ready index of each of its queues, keyed by each queue's strategy.
    mutating func indexAgent(_ agent: Int32) {
        for index in agents[Int(agent)].memberships.indices {
            let membership = agents[Int(agent)].memberships[index]
            let key = readyKey(agent: agent, membership: membership)
            queues[Int(membership.queue)].ready[membership.tier - 1].insert(key)
            agents[Int(agent)].memberships[index].readyKey = key
        }
    }

    mutating func unindexAgent(_ agent: Int32) {
        for index in agents[Int(agent)].memberships.indices {
            let membership = agents[Int(agent)].memberships[index]
            guard let key = membership.readyKey else { continue }
            queues[Int(membership.queue)].ready[membership.tier - 1].remove(key)
            agents[Int(agent)].memberships[index].readyKey = nil
        }
    }

    private func readyKey(agent number: Int32, membership: AgentRecord.Membership) -> ReadyAgentKey {
        let idle = agents[Int(number)].idleSince.millisecondsSinceEpoch
        let (primary, secondary): (Int64, Int64)
        switch queues[Int(membership.queue)].strategy {
        case .longestIdle, .ringAll, .random:
            (primary, secondary) = (idle, 0)
        case .roundRobin:
            (primary, secondary) = (Int64(membership.lastOffered), Int64(agents[Int(number)].order))
        case .fewestCalls:
            (primary, secondary) = (Int64(agents[Int(number)].counters.callsAnswered), idle)
        case .leastTalkTime:
            (primary, secondary) = (agents[Int(number)].counters.talkTimeMilliseconds, idle)
        case .topDown:
            (primary, secondary) = (Int64(agents[Int(number)].order), 0)
        case .bestProficiency:
            (primary, secondary) = (-Int64(membership.proficiency), idle)
        }
        return ReadyAgentKey(primary: primary, secondary: secondary, readySequence: agents[Int(number)].readySequence, agent: number)
    }

    // MARK: Routing moves

    /// A waiting call became routable to more agents: offer it to the best ready agent of the
    /// first open tier that has one, home queue first (ring-all: to every ready agent of the open
    /// tiers).
    mutating func routeCall(_ call: Int32, trigger: RoutingDecision.Trigger, effects: inout [Effect]) {
        guard calls[Int(call)].isLive, case .waiting = calls[Int(call)].phase else { return }
        for placement in calls[Int(call)].placements {
            let queue = Int(placement.queue)
            let strategy = queues[queue].strategy
            // A call the center dials goes to one agent, whatever the strategy.
            if strategy == .ringAll, calls[Int(call)].dial == nil {
                var chosen: [Int32] = []
                var firstTier = 0
                for tier in 0..<placement.openTier where !queues[queue].ready[tier].isEmpty {
                    if chosen.isEmpty { firstTier = tier + 1 }
                    chosen.append(contentsOf: queues[queue].ready[tier].elements.map(\.agent))
                }
                guard !chosen.isEmpty else { continue }
                offer(call, to: chosen, queue: placement.queue, tier: firstTier, trigger: trigger,
                      candidates: chosen.count, effects: &effects)
                return
            }
            for tier in 0..<placement.openTier {
                let count = queues[queue].ready[tier].count
                guard count > 0 else { continue }
                let chosen = strategy == .random
                    ? queues[queue].ready[tier].element(atOffset: Int(random.next(upperBound: UInt64(count))))
                    : queues[queue].ready[tier].first
                guard let best = chosen else { continue }
                if calls[Int(call)].dial?.target.kind == .outbound,
                   !outboundReserveAllows(placement.queue, ready: queues[queue].readyCount - 1) {
                    return
                }
                offer(call, to: [best.agent], queue: placement.queue, tier: tier + 1, trigger: trigger,
                      candidates: count, effects: &effects)
                return
            }
        }
    }

    /// An agent became routable: offer it the best call it may take (highest priority, then
    /// greatest age weighted by its queue), or put it in the ready indexes.
    mutating func routeAgent(_ agent: Int32, effects: inout [Effect]) {
        guard agents[Int(agent)].isRoutable else { return }
        guard let best = bestCall(forAgent: agent),
              calls[Int(best.call)].dial?.target.kind != .outbound || outboundReserveAllows(best.queue, ready: queues[Int(best.queue)].readyCount)
        else {
            indexAgent(agent)
            offerOutboundHeldByReserve(joinedBy: agent, effects: &effects)
            return
        }
        offer(best.call, to: [agent], queue: best.queue, tier: best.tier, trigger: .agentReady,
              candidates: best.candidates, effects: &effects)
    }

    /// The agent-side decision: of the calls open to the agent's tier in each of its queues (the
    /// heads of those waiting indexes), the highest priority, then the greatest age weighted by
    /// the queue. Nil when no call waits for it.
    func bestCall(forAgent agent: Int32) -> (call: Int32, queue: Int32, tier: Int, candidates: Int)? {
        var best: (key: WaitingCallKey, queue: Int32, tier: Int, weightedAge: Int64)?
        var candidates = 0
        let now = now.millisecondsSinceEpoch
        for membership in agents[Int(agent)].memberships {
            guard let head = waitingHeads[headSlot(queue: membership.queue, tier: membership.tier - 1)] else { continue }
            // An outbound call (the band below zero) held back by its queue's reserve is no
            // candidate: the agent counts as one of the reserve.
            if head.priority < 0,
               !outboundReserveAllows(membership.queue, ready: queues[Int(membership.queue)].readyCount - (membership.readyKey == nil ? 0 : 1)) {
                continue
            }
            candidates += 1
            let weightedAge = (now - head.enteredSystem) * membership.weight
            if let current = best {
                if head.priority != current.key.priority {
                    if head.priority < current.key.priority { continue }
                } else if weightedAge != current.weightedAge {
                    if weightedAge < current.weightedAge { continue }
                } else if !(head < current.key) {
                    continue
                }
            }
            best = (head, membership.queue, membership.tier, weightedAge)
        }
        return best.map { ($0.key.call, $0.queue, $0.tier, candidates) }
    }

    /// Rings `agents` for `call`, which leaves the waiting indexes; the agents leave the ready ones.
    private mutating func offer(
        _ call: Int32, to chosen: [Int32], queue: Int32, tier: Int,
        trigger: RoutingDecision.Trigger, candidates: Int, effects: inout [Effect]
    ) {
        unindexCall(call)
        let id = calls[Int(call)].id
        let priority = calls[Int(call)].priority
        let entered = calls[Int(call)].enteredSystem
        let expires = now.adding(milliseconds: queues[Int(queue)].offerTimeoutMilliseconds)
        let decision = RoutingDecision(
            at: now, trigger: trigger, queue: queues[Int(queue)].configuration.id, tier: tier,
            strategy: queues[Int(queue)].strategy, agents: chosen.map { agents[Int($0)].id }, candidates: candidates,
            priority: priority, waited: now - entered
        )
        var ringing: [CallRecord.Ringing] = []
        ringing.reserveCapacity(chosen.count)
        offerSequence += 1
        for agent in chosen {
            unindexAgent(agent)
            if let index = agents[Int(agent)].memberships.firstIndex(where: { $0.queue == queue }) {
                agents[Int(agent)].memberships[index].lastOffered = offerSequence
            }
            let expiry = deadlines.schedule(.offerExpires(call: call, agent: agent), at: expires)
            ringing.append(.init(agent: agent, expiry: expiry))
            effects.append(.offer(Offer(call: id, agent: agents[Int(agent)].id, expires: expires, decision: decision, dial: calls[Int(call)].dial?.target)))
            transition(agent, to: .offered(id), effects: &effects)
        }
        calls[Int(call)].phase = .offered(ringing)
        calls[Int(call)].offeringQueue = queue
        calls[Int(call)].decision = decision
    }
}
