/// The agent's working cycle: log in, ready, not ready, wrap-up, rest after a declined offer.
extension RoutingEngine {
    mutating func login(agent id: AgentID, notReady reason: NotReadyReason?, effects: inout [Effect]) throws(EngineError) {
        let agent = try agentNumber(id)
        guard !agents[Int(agent)].state.isLoggedIn else { throw .agentAlreadyLoggedIn(id) }
        guard let reason else {
            agents[Int(agent)].counters.consecutiveMisses = 0
            becomeReady(agent, effects: &effects)
            return
        }
        guard breaks.reasons[reason] != nil else {
            // `login` is the reason of an agent that logs in before its first break or call.
            if !breaks.reasons.isEmpty && reason != .login { throw .unknownReason(agent: id, reason: reason) }
            agents[Int(agent)].counters.consecutiveMisses = 0
            transition(agent, to: .notReady(reason), effects: &effects)
            return
        }
        // A break asked for at login follows the policy as if asked for by a ready agent.
        try checkBreakRequest(agent, reason: reason, joining: true)
        agents[Int(agent)].counters.consecutiveMisses = 0
        if breakDeferral(agent, reason: reason, joining: true) == nil {
            transition(agent, to: .notReady(reason), effects: &effects)
        } else {
            becomeReady(agent, effects: &effects)
            requestBreak(agent, reason: reason, forced: false, effects: &effects)
        }
    }

    mutating func logout(agent id: AgentID, checkingLeaving: Bool, effects: inout [Effect]) throws(EngineError) {
        let agent = try agentNumber(id)
        // The last-agent rule is checked before anything changes, in the states that staff a queue.
        switch agents[Int(agent)].state {
        case .loggedOut:
            throw .agentNotLoggedIn(id)
        case .busy:
            throw .agentOnCall(id)
        case .offered(let call):
            if checkingLeaving { try checkLeaving(agent, effects: &effects) }
            withdrawOffer(of: call, from: agent, effects: &effects)
        case .wrapUp:
            if checkingLeaving { try checkLeaving(agent, effects: &effects) }
            finishWrapUpBookkeeping(agent)
        case .ready:
            if checkingLeaving { try checkLeaving(agent, effects: &effects) }
            leaveReady(agent)
        case .notReady:
            break
        }
        clearPendingBreak(agent)
        transition(agent, to: .loggedOut, effects: &effects)
    }

    mutating func ready(agent id: AgentID, effects: inout [Effect]) throws(EngineError) {
        let agent = try agentNumber(id)
        switch agents[Int(agent)].state {
        case .loggedOut:
            throw .agentNotLoggedIn(id)
        case .ready, .offered, .busy:
            clearPendingBreak(agent)
        case .notReady:
            clearPendingBreak(agent)
            becomeReady(agent, effects: &effects)
        case .wrapUp:
            _ = try checkedClassification(agent, nil)
            clearPendingBreak(agent)
            endWrapUp(agent: agent, effects: &effects)
        }
    }

    mutating func notReady(agent id: AgentID, reason: NotReadyReason, effects: inout [Effect]) throws(EngineError) {
        let agent = try agentNumber(id)
        switch agents[Int(agent)].state {
        case .loggedOut:
            throw .agentNotLoggedIn(id)
        case .notReady(reason):
            return
        case .ready, .offered, .busy, .wrapUp, .notReady:
            try checkBreakRequest(agent, reason: reason, joining: false)
            try checkLeaving(agent, effects: &effects)
            requestBreak(agent, reason: reason, forced: false, effects: &effects)
        }
    }

    mutating func forceNotReady(agent id: AgentID, reason: NotReadyReason, effects: inout [Effect]) throws(EngineError) {
        let agent = try agentNumber(id)
        switch agents[Int(agent)].state {
        case .loggedOut:
            agents[Int(agent)].counters.consecutiveMisses = 0
            transition(agent, to: .notReady(reason), effects: &effects)
        case .notReady(reason):
            clearPendingBreak(agent)
        case .ready, .offered, .busy, .wrapUp, .notReady:
            requestBreak(agent, reason: reason, forced: true, effects: &effects)
        }
    }

    /// Daily counters and queue figures start over; agents ranked by them take their new place.
    /// A break that goes on counts toward the new day from now, with a fresh quota.
    mutating func beginDay(effects: inout [Effect]) {
        for queue in queues.indices {
            queues[queue].figures = QueueFigures()
        }
        segments.figures = [:]
        for agent in agents.indices {
            agents[agent].counters = AgentCounters()
            if agents[agent].isRoutable {
                unindexAgent(Int32(agent))
                indexAgent(Int32(agent))
            }
            if agents[agent].breakSince != nil {
                agents[agent].breakSince = now
                deadlines.cancel(agents[agent].quotaDeadline)
                agents[agent].quotaDeadline = nil
                armBreakQuota(Int32(agent))
            }
        }
    }

    // MARK: Transitions

    /// Sets the agent's state and keeps the queues' staffing figures in step with it.
    mutating func transition(_ agent: Int32, to state: AgentState, effects: inout [Effect]) {
        let before = agents[Int(agent)].state
        agents[Int(agent)].state = state
        agents[Int(agent)].since = now
        let loggedInChange = (state.isLoggedIn ? 1 : 0) - (before.isLoggedIn ? 1 : 0)
        let notReadyChange = (state.isNotReady ? 1 : 0) - (before.isNotReady ? 1 : 0)
        let staffedChange = (state.isStaffed ? 1.0 : 0) - (before.isStaffed ? 1.0 : 0)
        if loggedInChange != 0 || notReadyChange != 0 || staffedChange != 0 {
            for membership in agents[Int(agent)].memberships {
                let queue = Int(membership.queue)
                let wasStaffed = queues[queue].loggedIn > 0
                queues[queue].loggedInByTier[membership.tier - 1] += loggedInChange
                queues[queue].notReadyByTier[membership.tier - 1] += notReadyChange
                queues[queue].staffedCapacity += staffedChange * membership.capacityShare
                let isStaffed = queues[queue].loggedIn > 0
                if wasStaffed && !isStaffed {
                    queueLostLastAgent(membership.queue)
                } else if !wasStaffed && isStaffed {
                    queueGotFirstAgent(membership.queue)
                }
            }
        }
        if before != state {
            keepBreakBooks(agent, from: before, to: state)
        }
        effects.append(.agentStateChanged(agent: agents[Int(agent)].id, state: state))
    }

    /// The agent is ready now: it may be offered a call at once.
    mutating func becomeReady(_ agent: Int32, effects: inout [Effect]) {
        agents[Int(agent)].idleSince = now
        transition(agent, to: .ready, effects: &effects)
        becomeRoutable(agent, effects: &effects)
    }

    /// The agent is ready but rests until `until` (reject delay) before it is offered anything.
    mutating func becomeReady(_ agent: Int32, restingForMilliseconds delay: Int64, effects: inout [Effect]) {
        guard delay > 0 else {
            becomeReady(agent, effects: &effects)
            return
        }
        agents[Int(agent)].idleSince = now
        transition(agent, to: .ready, effects: &effects)
        let until = now.adding(milliseconds: delay)
        agents[Int(agent)].restingUntil = until
        agents[Int(agent)].restDeadline = deadlines.schedule(.restEnds(agent: agent), at: until)
    }

    private mutating func becomeRoutable(_ agent: Int32, effects: inout [Effect]) {
        readySequence += 1
        agents[Int(agent)].readySequence = readySequence
        routeAgent(agent, effects: &effects)
    }

    mutating func restEnded(agent: Int32, effects: inout [Effect]) {
        agents[Int(agent)].restingUntil = nil
        agents[Int(agent)].restDeadline = nil
        guard case .ready = agents[Int(agent)].state else { return }
        becomeRoutable(agent, effects: &effects)
    }

    /// The agent stops being ready: out of the ready indexes, rest cancelled.
    mutating func leaveReady(_ agent: Int32) {
        unindexAgent(agent)
        deadlines.cancel(agents[Int(agent)].restDeadline)
        agents[Int(agent)].restDeadline = nil
        agents[Int(agent)].restingUntil = nil
    }

    /// After a call: wrap-up for the agent's or the queue's time, or straight on when that is zero
    /// (an agent removed by a reconfiguration is logged out instead). `catalogue` is the queue whose
    /// classification catalogue applies.
    mutating func startWrapUp(
        _ agent: Int32, queue: Int32, call: CallID, catalogue: Int32, talkMilliseconds talk: Int64, effects: inout [Effect]
    ) {
        guard !isRetired(agent: agent) else {
            // Removed by a reconfiguration: its last call is over.
            transition(agent, to: .loggedOut, effects: &effects)
            return
        }
        let length = agents[Int(agent)].wrapUpMilliseconds ?? queues[Int(queue)].wrapUpMilliseconds
        agents[Int(agent)].wrapUpOf = WrapUpOrigin(queue: queue, talkMilliseconds: talk, started: now, call: call, catalogue: catalogue)
        let until = now.adding(milliseconds: length)
        transition(agent, to: .wrapUp(until: until), effects: &effects)
        if length > 0 {
            agents[Int(agent)].wrapUpDeadline = deadlines.schedule(.wrapUpEnds(agent: agent), at: until)
        } else {
            endWrapUp(agent: agent, effects: &effects)
        }
    }

    /// Wrap-up is over: the handle time counts in the queue's average, and the agent goes ready or
    /// to the not-ready reason it asked for (if the break policy lets it start now; otherwise it
    /// stays pending while the agent is ready).
    mutating func endWrapUp(agent: Int32, effects: inout [Effect]) {
        guard case .wrapUp = agents[Int(agent)].state else { return }
        finishWrapUpBookkeeping(agent)
        freeAfterCall(agent, effects: &effects)
    }

    mutating func finishWrapUpBookkeeping(_ agent: Int32) {
        deadlines.cancel(agents[Int(agent)].wrapUpDeadline)
        agents[Int(agent)].wrapUpDeadline = nil
        guard let origin = agents[Int(agent)].wrapUpOf else { return }
        let (queue, talk, started) = (origin.queue, origin.talkMilliseconds, origin.started)
        agents[Int(agent)].wrapUpOf = nil
        let handled = talk + now.milliseconds(since: started)
        let average = queues[Int(queue)].averageHandleMilliseconds
        queues[Int(queue)].averageHandleMilliseconds = average + handleTimeSmoothing * (Double(handled) - average)
        queues[Int(queue)].figures.handled += 1
        queues[Int(queue)].figures.handleMilliseconds += handled
    }
}

