/// Reconfiguration: the live state carried into a new configuration, so that queues and agents can
/// be added, changed and removed while calls wait and agents work.
///
/// What carries over: every live call with its age, priority, queue entry instants and the
/// queues it was widened to (those that still exist); every logged-in agent's state, reason,
/// since-instant, rest and wrap-up, and pending break in its place in line; ringing offers whose
/// queue (with its offer timeout), call and agent still fit; today's queue figures and agent
/// counters (break usage included); handle-time averages. Tiers, max-wait steps, limits and
/// strategies are the new configuration's from now on: tiers that are due open at once, and a
/// queue whose max-wait steps changed applies the ones its calls are past at once. A waiting call
/// keeps its segment's service-level clock (from its entry) while the segment is still configured,
/// under the segment's new target, lead and max wait; a segment removed stops its calls' clocks; a
/// segment added applies to calls that arrive after.
///
/// What cannot carry over is dealt with, never dropped: calls of a removed queue leave with
/// outcome `queueRemoved` or move to the queue the center names; an offer that no longer fits is
/// withdrawn (reason `reconfigured`) and routed again; a consult transfer whose target is removed
/// ends `unavailable` (one whose target remains goes on); a removed agent is logged out, or, on a
/// call, keeps its call until it ends and is logged out then (it is retired: it serves no queue
/// and is no longer addressable). A removed queue with connected calls is retired the same way.
extension RoutingEngine {
    /// This center's live state under `configuration`, at the same instant, and what changed for
    /// the clients (offers withdrawn and made, calls moved or sent away, agents logged out). The
    /// engine's random state and counters carry on, so a reconfigured engine is as deterministic
    /// as any other. On error nothing changes.
    public func reconfigured(
        to configuration: CenterConfiguration, removedQueueCalls treatment: RemovedQueueTreatment = .leave
    ) throws(ConfigurationError) -> (engine: RoutingEngine, effects: [Effect]) {
        if case .moveTo(let target) = treatment, !configuration.queues.contains(where: { $0.id == target }) {
            throw .unknownQueue(target, referrer: "removed_queue_calls")
        }
        var next = try RoutingEngine(configuration: configuration, start: now)
        next.random = random
        next.callSequence = callSequence
        next.readySequence = readySequence
        next.offerSequence = offerSequence
        next.surveys = surveys
        next.surveys.windowMilliseconds = configuration.surveys.window.milliseconds
        next.segments.figures = segments.figures
        let effects = next.takeOver(from: self, removedQueueCalls: treatment)
        return (next, effects)
    }

    /// Whether the agent was removed by a reconfiguration and only finishes its call.
    func isRetired(agent: Int32) -> Bool {
        agentNumbers[agents[Int(agent)].id] != agent
    }

    /// Whether the queue was removed by a reconfiguration and only holds connected calls.
    func isRetired(queue: Int32) -> Bool {
        queueNumbers[queues[Int(queue)].configuration.id] != queue
    }

    // MARK: Taking over

    /// Moves `old`'s live state into this freshly configured engine at `old.now`.
    private mutating func takeOver(from old: RoutingEngine, removedQueueCalls treatment: RemovedQueueTreatment) -> [Effect] {
        var effects: [Effect] = []
        let queueMap = carryQueues(from: old)
        var agentMap = carryAgents(from: old, queueMap: queueMap)
        var loggedOut: [AgentID] = []
        for (number, agent) in old.agents.enumerated() where agent.state.isLoggedIn && agentMap[number] == nil {
            if case .busy = agent.state {
                agentMap[number] = retire(agent)
            } else {
                loggedOut.append(agent.id)
            }
        }
        for (number, queue) in old.queues.enumerated() where queueMap[number] != nil {
            let kept = queueMap[number]!
            if queues[Int(kept)].loggedIn == 0 {
                queues[Int(kept)].noAgentSince = queue.noAgentSince ?? now
            }
        }
        for call in old.calls.filter(\.isLive).sorted(by: { $0.sequence < $1.sequence }) {
            carry(call, from: old, queueMap: queueMap, agentMap: agentMap, treatment: treatment, effects: &effects)
        }
        for agent in loggedOut {
            effects.append(.agentStateChanged(agent: agent, state: .loggedOut))
        }
        fireDeadlines(upTo: now, effects: &effects)
        // Every routable agent that is not indexed yet takes the best call open to it, in the
        // order the agents became ready; afterwards no ready agent can take a waiting call.
        let unrouted = agents.indices.filter { number in
            agents[number].isRoutable && agents[number].memberships.allSatisfy { $0.readyKey == nil }
        }
        for agent in unrouted.sorted(by: { agents[$0].readySequence < agents[$1].readySequence }) {
            routeAgent(Int32(agent), effects: &effects)
        }
        settleBreaks(effects: &effects)
        return effects
    }

    /// Today's figures and handle-time averages of the queues that remain, and retired copies of
    /// removed queues that still have connected calls. Returns the new number of each old queue.
    private mutating func carryQueues(from old: RoutingEngine) -> [Int32?] {
        var map: [Int32?] = Array(repeating: nil, count: old.queues.count)
        var connectedHomes = Set<Int32>()
        for call in old.calls where call.isLive {
            switch call.phase {
            case .connected, .dialing: connectedHomes.insert(call.home)
            case .waiting, .offered, .scheduled: break
            }
        }
        for (number, queue) in old.queues.enumerated() {
            if let kept = queueNumbers[queue.configuration.id] {
                map[number] = kept
                queues[Int(kept)].figures = queue.figures
                queues[Int(kept)].averageHandleMilliseconds = queue.averageHandleMilliseconds
                // Open or closed as before while the queue keeps business hours (the shell then
                // says what the new hours make it); open without them.
                if queues[Int(kept)].configuration.hours != nil {
                    queues[Int(kept)].opening = queue.opening
                }
            } else if connectedHomes.contains(Int32(number)) {
                map[number] = Int32(queues.count)
                queues.append(QueueRuntime(
                    configuration: queue.configuration, strategy: queue.strategy,
                    tierWaitMilliseconds: queue.tierWaitMilliseconds, offerTimeoutMilliseconds: queue.offerTimeoutMilliseconds,
                    rejectDelayMilliseconds: queue.rejectDelayMilliseconds, wrapUpMilliseconds: queue.wrapUpMilliseconds,
                    overflowSteps: [], tierCount: 1, waiting: [OrderedIndex()], ready: [OrderedIndex()],
                    loggedInByTier: [0], notReadyByTier: [0], noAgentSince: nil,
                    averageHandleMilliseconds: queue.averageHandleMilliseconds, figures: queue.figures
                ))
                waitingHeads.append(contentsOf: repeatElement(nil, count: Self.maximumTier))
            }
        }
        return map
    }

    /// The states of the agents that remain (offers are settled with their calls). Returns the new
    /// number of each old agent that remains.
    private mutating func carryAgents(from old: RoutingEngine, queueMap: [Int32?]) -> [Int32?] {
        var map: [Int32?] = Array(repeating: nil, count: old.agents.count)
        var quiet: [Effect] = []
        for (number, before) in old.agents.enumerated() {
            guard let agent = agentNumbers[before.id] else { continue }
            map[number] = agent
            agents[Int(agent)].idleSince = before.idleSince
            agents[Int(agent)].readySequence = before.readySequence
            agents[Int(agent)].pendingReason = before.pendingReason
            agents[Int(agent)].pendingBreak = before.pendingBreak
            defer { carryBreak(of: agent, from: before) }
            switch before.state {
            case .loggedOut:
                continue
            case .ready:
                transition(agent, to: .ready, effects: &quiet)
                if let until = before.restingUntil, until > now {
                    agents[Int(agent)].restingUntil = until
                    agents[Int(agent)].restDeadline = deadlines.schedule(.restEnds(agent: agent), at: until)
                }
            case .notReady(let reason):
                transition(agent, to: .notReady(reason), effects: &quiet)
            case .offered:
                // Settled with its call: the offer stays or is withdrawn.
                continue
            case .busy(let call):
                transition(agent, to: .busy(call), effects: &quiet)
            case .wrapUp(let until):
                transition(agent, to: .wrapUp(until: until), effects: &quiet)
                if let origin = before.wrapUpOf, let queue = queueMap[Int(origin.queue)] {
                    agents[Int(agent)].wrapUpOf = WrapUpOrigin(
                        queue: queue, talkMilliseconds: origin.talkMilliseconds, started: origin.started, call: origin.call,
                        catalogue: origin.catalogue.flatMap { queueMap[Int($0)] }
                    )
                }
                agents[Int(agent)].wrapUpDeadline = deadlines.schedule(.wrapUpEnds(agent: agent), at: until)
            }
            agents[Int(agent)].since = before.since
        }
        breaks.pending = old.breaks.pending.compactMap { map[Int($0)] }.filter { agents[Int($0)].pendingReason != nil }
        return map
    }

    /// Today's counters and the break going on, as they were: restoring the state counted nothing
    /// new; the break's time quota is the new policy's (a quota already passed is not announced again).
    private mutating func carryBreak(of agent: Int32, from before: AgentRecord) {
        agents[Int(agent)].counters = before.counters
        deadlines.cancel(agents[Int(agent)].quotaDeadline)
        agents[Int(agent)].quotaDeadline = nil
        if agents[Int(agent)].breakSince != nil, let since = before.breakSince {
            agents[Int(agent)].breakSince = since
        }
        armBreakQuota(agent, onlyAhead: true)
    }

    /// A removed agent on a call keeps it, serving no queue, until it ends.
    private mutating func retire(_ before: AgentRecord) -> Int32 {
        let number = Int32(agents.count)
        var record = AgentRecord(
            id: before.id, name: before.name, order: before.order, wrapUpMilliseconds: before.wrapUpMilliseconds,
            team: nil, memberships: [], since: before.since, idleSince: before.idleSince
        )
        record.state = before.state
        record.counters = before.counters
        agents.append(record)
        return number
    }

    /// One live call under the new configuration.
    private mutating func carry(
        _ before: CallRecord, from old: RoutingEngine, queueMap: [Int32?], agentMap: [Int32?],
        treatment: RemovedQueueTreatment, effects: inout [Effect]
    ) {
        var quiet: [Effect] = []
        let ringing: [CallRecord.Ringing]
        var scheduled = false
        switch before.phase {
        case .waiting:
            ringing = []
        case .offered(let rings):
            ringing = rings
        case .scheduled:
            ringing = []
            scheduled = true
        case .connected(let agent, let since):
            // A busy agent and the home of a connected call always carry over (retired if removed).
            carryConnected(before, agent: agentMap[Int(agent)]!, since: since, home: queueMap[Int(before.home)]!)
            carryConsult(of: before, from: old, agentMap: agentMap, effects: &effects)
            return
        case .dialing(let agent):
            let call = insert(before, placements: [.init(queue: queueMap[Int(before.home)]!, enteredQueue: before.placements[0].enteredQueue, openTier: 1)])
            calls[Int(call)].phase = .dialing(agent: agentMap[Int(agent)]!)
            calls[Int(call)].decision = before.decision
            return
        }
        let oldHome = old.queues[Int(before.home)].configuration.id
        var placements: [CallRecord.Placement]
        var nextOverflowStep = 0
        var overflowDue = false
        var movedTo: QueueID?
        if let home = queueMap[Int(before.home)], !isRetired(queue: home) {
            placements = [.init(queue: home, enteredQueue: before.placements[0].enteredQueue, openTier: 1)]
            if old.queues[Int(before.home)].configuration.overflow == queues[Int(home)].configuration.overflow {
                nextOverflowStep = before.nextOverflowStep
                overflowDue = before.overflowDue
            }
        } else {
            switch treatment {
            case .leave:
                for ring in ringing {
                    withdraw(old.agents[Int(ring.agent)], agentMap: agentMap, call: before.id, effects: &effects)
                }
                effects.append(.callFinished(call: before.id, outcome: .queueRemoved))
                return
            case .moveTo(let target):
                let home = queueNumbers[target]!
                placements = [.init(queue: home, enteredQueue: now, openTier: 1)]
                queues[Int(home)].figures.offered += 1
                movedTo = target
            }
        }
        for placement in before.placements.dropFirst() {
            guard let queue = queueMap[Int(placement.queue)], !isRetired(queue: queue),
                  !placements.contains(where: { $0.queue == queue })
            else { continue }
            placements.append(.init(queue: queue, enteredQueue: placement.enteredQueue, openTier: 1))
        }

        let call = insert(before, placements: placements)
        carryServiceLevelClock(call, from: before)
        calls[Int(call)].nextOverflowStep = nextOverflowStep
        calls[Int(call)].overflowDue = overflowDue
        calls[Int(call)].decision = before.decision
        joinHomeQueue(call)
        for index in placements.indices.dropFirst() {
            armNextTier(call: call, placement: index)
        }
        if let movedTo {
            effects.append(.callMoved(call: before.id, from: oldHome, to: movedTo))
        }

        // The offer stays for the agents that still serve the queue it came from, if that queue's
        // offer timeout is the same (so the offer's expiry is still the queue's).
        var kept: [CallRecord.Ringing] = []
        var offering = before.offeringQueue >= 0 ? queueMap[Int(before.offeringQueue)] : nil
        if let queue = offering,
           queues[Int(queue)].offerTimeoutMilliseconds != old.queues[Int(before.offeringQueue)].offerTimeoutMilliseconds {
            offering = nil
        }
        for ring in ringing {
            if movedTo == nil, let offering, !isRetired(queue: offering), let agent = agentMap[Int(ring.agent)],
               agents[Int(agent)].memberships.contains(where: { $0.queue == offering }), let decision = before.decision {
                let expires = decision.at.adding(milliseconds: old.queues[Int(before.offeringQueue)].offerTimeoutMilliseconds)
                let expiry = deadlines.schedule(.offerExpires(call: call, agent: agent), at: expires)
                kept.append(.init(agent: agent, expiry: expiry))
                transition(agent, to: .offered(before.id), effects: &quiet)
                agents[Int(agent)].since = old.agents[Int(ring.agent)].since
            } else {
                withdraw(old.agents[Int(ring.agent)], agentMap: agentMap, call: before.id, effects: &effects)
            }
        }
        if scheduled {
            carryScheduled(call, due: before.dial?.due)
            if movedTo != nil, let dial = before.dial {
                effects.append(.dialQueued(call: before.id, queue: movedTo!, target: dial.target, due: calls[Int(call)].dial?.due))
            }
        } else if kept.isEmpty, !parkedWhileClosed(call) {
            indexCall(call)
            if movedTo != nil {
                effects.append(queuedEffect(call))
            }
        } else {
            calls[Int(call)].phase = .offered(kept)
            calls[Int(call)].offeringQueue = offering!
        }
    }

    /// A connected call stays with its agent under its queue's new call-duration limit (a limit
    /// already passed is not announced again).
    private mutating func carryConnected(_ before: CallRecord, agent: Int32, since: Instant, home: Int32) {
        let call = insert(before, placements: [.init(queue: home, enteredQueue: before.placements[0].enteredQueue, openTier: 1)])
        calls[Int(call)].phase = .connected(agent: agent, since: since)
        calls[Int(call)].decision = before.decision
        guard let limit = queues[Int(home)].configuration.maxCallDuration else { return }
        if since + limit.soft > now {
            calls[Int(call)].durationDeadline = deadlines.schedule(.durationLimit(call: call, hard: false), at: since + limit.soft)
        } else if let hard = limit.hard, since + hard > now {
            calls[Int(call)].durationDeadline = deadlines.schedule(.durationLimit(call: call, hard: true), at: since + hard)
        }
    }

    /// A callback or outbound call out of line stays so: until its due instant, or parked while
    /// its (new) queue is closed; a parked callback whose queue is open now waits in line.
    private mutating func carryScheduled(_ call: Int32, due: Instant?) {
        if let due {
            calls[Int(call)].phase = .scheduled(deadlines.schedule(.dialDue(call: call), at: due))
        } else if !parkedWhileClosed(call) {
            indexCall(call)
        }
    }

    /// Adds a call to the call table with its identity and age, waiting, with no deadlines.
    private mutating func insert(_ before: CallRecord, placements: [CallRecord.Placement]) -> Int32 {
        var record = CallRecord(
            id: before.id, sequence: before.sequence, priority: before.priority, segment: before.segment,
            attributes: before.attributes, enteredSystem: before.enteredSystem, placements: placements
        )
        record.dial = before.dial
        let call = Int32(calls.count)
        calls.append(record)
        callNumbers[before.id] = call
        return call
    }

    /// An offer that no longer fits stops ringing; an agent that remains is ready again, to be
    /// routed with the others (it counts neither as a miss nor as a reject).
    private mutating func withdraw(_ agent: AgentRecord, agentMap: [Int32?], call: CallID, effects: inout [Effect]) {
        effects.append(.offerWithdrawn(call: call, agent: agent.id, reason: .reconfigured))
        guard let number = agentNumbers[agent.id] else { return }
        transition(number, to: .ready, effects: &effects)
    }
}
