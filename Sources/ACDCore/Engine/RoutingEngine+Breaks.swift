/// Breaks under the center's policy: reasons and daily quotas, no break while calls wait, and a
/// limit of agents on a staggered break per team.
///
/// A request is refused (an error, nothing changes) for an unknown reason, a used-up quota, or a
/// full team when the policy refuses. Otherwise the break starts at once, or is pending: the agent
/// is on a call or in wrap-up, a call it could take waits or rings for it, or its team is full
/// (when the policy queues). Pending breaks are kept in the order they were asked for; after every
/// command and deadline, each pending break whose agent is free (ready or not ready) starts if
/// nothing stops it any more, or is dropped if the policy now refuses it. An agent never leaves a
/// call in progress for a break.
extension RoutingEngine {
    // MARK: Requests

    /// Refuses a request the policy refuses outright. `joining`: the agent is logging in.
    func checkBreakRequest(_ agent: Int32, reason: NotReadyReason, joining: Bool) throws(EngineError) {
        let id = agents[Int(agent)].id
        if let refusal = breakRefusal(agent, reason: reason, joining: joining) {
            switch refusal {
            case .unknownReason:
                throw .unknownReason(agent: id, reason: reason)
            case .quotaExhausted:
                throw .breakQuotaExhausted(agent: id, reason: reason)
            case .teamLimit:
                let team = agents[Int(agent)].team.map { breaks.teams[Int($0)] }
                throw .breakLimitReached(
                    agent: id, reason: reason, team: team?.name ?? "",
                    limit: team.flatMap { breaks.policy.limit(loggedIn: $0.loggedIn + (joining ? 1 : 0)) } ?? 0
                )
            }
        }
    }

    /// Starts the break now if nothing stops it, or makes it pending and tells why. A forced break
    /// waits only for the end of a call.
    mutating func requestBreak(_ agent: Int32, reason: NotReadyReason, forced: Bool, effects: inout [Effect]) {
        let cause: BreakDeferral?
        switch agents[Int(agent)].state {
        case .busy, .wrapUp:
            cause = .onCall
        case .loggedOut, .ready, .offered, .notReady:
            cause = forced ? nil : breakDeferral(agent, reason: reason, joining: false)
        }
        guard let cause else {
            clearPendingBreak(agent)
            startBreak(agent, reason: reason, effects: &effects)
            return
        }
        if agents[Int(agent)].pendingReason == nil {
            breaks.pending.append(agent)
        }
        agents[Int(agent)].pendingReason = reason
        agents[Int(agent)].pendingBreak = PendingBreak(cause: cause, forced: forced)
        effects.append(.breakDeferred(agent: agents[Int(agent)].id, reason: reason, cause: cause))
    }

    /// The agent no longer waits for a break.
    mutating func clearPendingBreak(_ agent: Int32) {
        guard agents[Int(agent)].pendingReason != nil else { return }
        agents[Int(agent)].pendingReason = nil
        agents[Int(agent)].pendingBreak = nil
        if let index = breaks.pending.firstIndex(of: agent) {
            breaks.pending.remove(at: index)
        }
    }

    // MARK: What the policy says

    /// Why the policy refuses `reason` to the agent now, if it does.
    func breakRefusal(_ agent: Int32, reason: NotReadyReason, joining: Bool) -> BreakRefusal? {
        guard let rule = breaks.reasons[reason] else {
            return breaks.reasons.isEmpty ? nil : .unknownReason
        }
        if isQuotaExhausted(agent, rule) { return .quotaExhausted }
        if breaks.policy.overLimit == .refuse, isTeamFull(agent, reason: reason, joining: joining) { return .teamLimit }
        return nil
    }

    /// Why a break the policy accepts cannot start yet for an agent that is not on a call: its
    /// team is full, or a call it could take waits or rings for it. Nil: it may start.
    func breakDeferral(_ agent: Int32, reason: NotReadyReason, joining: Bool) -> BreakDeferral? {
        if isTeamFull(agent, reason: reason, joining: joining) { return .teamLimit }
        guard breaks.policy.deferWhileCallsWait else { return nil }
        switch agents[Int(agent)].state {
        case .offered:
            return .callsWaiting
        case .loggedOut, .ready:
            return inboundCallWaits(for: agent) ? .callsWaiting : nil
        case .busy, .wrapUp:
            return .onCall
        case .notReady:
            // Not available anyway: switching reasons keeps no caller waiting longer.
            return nil
        }
    }

    func isQuotaExhausted(_ agent: Int32, _ rule: BreakReason) -> Bool {
        if let count = rule.dailyCount, (agents[Int(agent)].counters.breaks[rule.id]?.count ?? 0) >= count { return true }
        if let time = rule.dailyTime, breakMilliseconds(agent, rule.id) >= time.milliseconds { return true }
        return false
    }

    /// Time spent today on `reason`, the break going on included.
    func breakMilliseconds(_ agent: Int32, _ reason: NotReadyReason) -> Int64 {
        var used = agents[Int(agent)].counters.breaks[reason]?.milliseconds ?? 0
        if case .notReady(reason) = agents[Int(agent)].state, let since = agents[Int(agent)].breakSince {
            used += now.milliseconds(since: since)
        }
        return used
    }

    /// Whether `reason` is staggered and the agent's team has no slot for it (the agent's own
    /// staggered break aside). `joining`: the agent is logging in, so it counts as logged in.
    func isTeamFull(_ agent: Int32, reason: NotReadyReason, joining: Bool) -> Bool {
        guard breaks.isStaggered(reason), let number = agents[Int(agent)].team else { return false }
        let team = breaks.teams[Int(number)]
        guard let limit = breaks.policy.limit(loggedIn: team.loggedIn + (joining ? 1 : 0)) else { return false }
        var own = 0
        if case .notReady(let current) = agents[Int(agent)].state, breaks.isStaggered(current) { own = 1 }
        return team.onStaggeredBreak - own >= limit
    }

    /// Whether the agent's pending break may start as its wrap-up ends.
    func pendingBreakMayStart(_ agent: Int32) -> Bool {
        guard let reason = agents[Int(agent)].pendingReason, let pending = agents[Int(agent)].pendingBreak else { return false }
        if pending.forced { return true }
        guard breakRefusal(agent, reason: reason, joining: false) == nil else { return false }
        if isTeamFull(agent, reason: reason, joining: false) { return false }
        return !breaks.policy.deferWhileCallsWait || !inboundCallWaits(for: agent)
    }

    /// Whether a call with a caller to serve (inbound, or a callback) waits for the agent: what
    /// holds a break back. Outbound work does not (it ranks after every such call, so the best
    /// call is outbound only when none waits).
    func inboundCallWaits(for agent: Int32) -> Bool {
        guard let best = bestCall(forAgent: agent) else { return false }
        return calls[Int(best.call)].dial?.target.kind != .outbound
    }

    // MARK: Starting

    /// The agent goes on the break now: out of the ready indexes, or its offer withdrawn.
    mutating func startBreak(_ agent: Int32, reason: NotReadyReason, effects: inout [Effect]) {
        switch agents[Int(agent)].state {
        case .ready:
            leaveReady(agent)
        case .offered(let call):
            withdrawOffer(of: call, from: agent, effects: &effects)
        case .wrapUp:
            finishWrapUpBookkeeping(agent)
        case .loggedOut, .busy, .notReady:
            break
        }
        transition(agent, to: .notReady(reason), effects: &effects)
    }

    mutating func startPendingBreak(_ agent: Int32, effects: inout [Effect]) {
        guard let reason = agents[Int(agent)].pendingReason else { return }
        clearPendingBreak(agent)
        startBreak(agent, reason: reason, effects: &effects)
        effects.append(.breakStarted(agent: agents[Int(agent)].id, reason: reason))
    }

    /// Every pending break of a free agent (ready or not ready), first asked first: it starts if
    /// nothing stops it, is dropped if the policy now refuses it, or goes on waiting (its agent
    /// told when the cause changed). A break that starts fills a team slot, which can make the
    /// policy refuse a break looked at before it, so the look starts over after each start.
    mutating func settleBreaks(effects: inout [Effect]) {
        var index = 0
        while index < breaks.pending.count {
            let agent = breaks.pending[index]
            switch agents[Int(agent)].state {
            case .loggedOut, .busy, .wrapUp:
                index += 1
                continue
            case .ready, .offered, .notReady:
                break
            }
            guard let reason = agents[Int(agent)].pendingReason, let pending = agents[Int(agent)].pendingBreak else {
                breaks.pending.remove(at: index)
                continue
            }
            if !pending.forced, let refusal = breakRefusal(agent, reason: reason, joining: false) {
                clearPendingBreak(agent)
                effects.append(.breakCancelled(agent: agents[Int(agent)].id, reason: reason, refusal: refusal))
                continue
            }
            if !pending.forced, let cause = breakDeferral(agent, reason: reason, joining: false) {
                if cause != pending.cause {
                    agents[Int(agent)].pendingBreak?.cause = cause
                    effects.append(.breakDeferred(agent: agents[Int(agent)].id, reason: reason, cause: cause))
                }
                index += 1
                continue
            }
            startPendingBreak(agent, effects: &effects)
            // Each start leaves the list shorter, so this ends.
            index = 0
        }
    }

    // MARK: Bookkeeping

    /// Keeps usage, quota deadlines and team counts in step with a change of state.
    mutating func keepBreakBooks(_ agent: Int32, from before: AgentState, to state: AgentState) {
        if let team = agents[Int(agent)].team {
            let loggedInChange = (state.isLoggedIn ? 1 : 0) - (before.isLoggedIn ? 1 : 0)
            breaks.teams[Int(team)].loggedIn += loggedInChange
            var onBreakChange = 0
            if case .notReady(let reason) = before, breaks.isStaggered(reason) { onBreakChange -= 1 }
            if case .notReady(let reason) = state, breaks.isStaggered(reason) { onBreakChange += 1 }
            breaks.teams[Int(team)].onStaggeredBreak += onBreakChange
        }
        if case .notReady(let reason) = before, let since = agents[Int(agent)].breakSince {
            agents[Int(agent)].counters.breaks[reason, default: BreakUsage()].milliseconds += now.milliseconds(since: since)
            agents[Int(agent)].breakSince = nil
            deadlines.cancel(agents[Int(agent)].quotaDeadline)
            agents[Int(agent)].quotaDeadline = nil
        }
        if case .notReady(let reason) = state, breaks.reasons[reason] != nil {
            agents[Int(agent)].counters.breaks[reason, default: BreakUsage()].count += 1
            agents[Int(agent)].breakSince = now
            armBreakQuota(agent)
        }
    }

    /// Schedules the moment the agent's break runs past its daily time quota (at once when it
    /// already has, unless `onlyAhead`).
    mutating func armBreakQuota(_ agent: Int32, onlyAhead: Bool = false) {
        guard case .notReady(let reason) = agents[Int(agent)].state, let quota = breaks.reasons[reason]?.dailyTime,
              agents[Int(agent)].breakSince != nil
        else { return }
        let left = quota.milliseconds - breakMilliseconds(agent, reason)
        if onlyAhead && left <= 0 { return }
        agents[Int(agent)].quotaDeadline = deadlines.schedule(.breakQuota(agent: agent), at: now.adding(milliseconds: max(0, left)))
    }

    mutating func breakQuotaReached(agent: Int32, effects: inout [Effect]) {
        agents[Int(agent)].quotaDeadline = nil
        guard case .notReady(let reason) = agents[Int(agent)].state else { return }
        effects.append(.breakQuotaReached(agent: agents[Int(agent)].id, reason: reason))
    }
}
