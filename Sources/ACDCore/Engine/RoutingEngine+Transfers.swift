/// Consult transfers and escalation.
///
/// A consult transfer: the agent on a connected call asks a ready agent to take it over. The
/// target leaves the ready indexes and rings (state `offered`) until the consult timeout; it
/// consents (the call is connected to it and the asking agent goes to wrap-up) or refuses, or the
/// consult ends because it timed out, the target became unavailable or the call ended: then the
/// call stays with the asking agent and the target is ready again (unless it left). A call has at
/// most one consult, which ends exactly once.
///
/// Escalation: the call leaves its agent (who goes to wrap-up) and waits again, keeping its age
/// and priority: in its queue's escalation queue, or, when the queue has none, in its own queue
/// with the tier above its agent's open at once.
extension RoutingEngine {
    // MARK: Consult transfers

    mutating func consultTransfer(call id: CallID, from fromID: AgentID, to targetID: AgentID, effects: inout [Effect]) throws(EngineError) {
        let call = try callNumber(id)
        let from = try agentNumber(fromID)
        let target = try agentNumber(targetID)
        guard case .connected(let agent, _) = calls[Int(call)].phase else { throw .callNotConnected(id) }
        guard agent == from else { throw .notOnCall(call: id, agent: fromID) }
        guard calls[Int(call)].consult == nil else { throw .consultInProgress(id) }
        guard target != from else { throw .transferToSelf(targetID) }
        guard case .ready = agents[Int(target)].state else { throw .targetUnavailable(targetID) }
        leaveReady(target)
        let expires = now + transfers.consultTimeout
        let expiry = deadlines.schedule(.consultExpires(call: call), at: expires)
        calls[Int(call)].consult = Consult(from: from, target: target, started: now, expires: expires, expiry: expiry)
        effects.append(.consultOffered(call: id, from: fromID, to: targetID, expires: expires))
        transition(target, to: .offered(id), effects: &effects)
    }

    mutating func acceptConsult(call id: CallID, agent targetID: AgentID, effects: inout [Effect]) throws(EngineError) {
        let call = try callNumber(id)
        let target = try agentNumber(targetID)
        guard let consult = calls[Int(call)].consult, consult.target == target,
              case .connected(let from, let since) = calls[Int(call)].phase
        else { throw .noConsult(call: id, agent: targetID) }
        deadlines.cancel(consult.expiry)
        calls[Int(call)].consult = nil
        let home = calls[Int(call)].home
        let catalogue = catalogueQueue(of: call)
        let talk = now.milliseconds(since: since)
        agents[Int(from)].counters.talkTimeMilliseconds += talk
        calls[Int(call)].phase = .connected(agent: target, since: now)
        deadlines.cancel(calls[Int(call)].durationDeadline)
        calls[Int(call)].durationDeadline = nil
        if let limit = queues[Int(home)].configuration.maxCallDuration {
            calls[Int(call)].durationDeadline = deadlines.schedule(.durationLimit(call: call, hard: false), at: now + limit.soft)
        }
        agents[Int(target)].counters.callsAnswered += 1
        agents[Int(target)].counters.consecutiveMisses = 0
        if let goal = agents[Int(target)].dailyTarget, agents[Int(target)].counters.callsAnswered == goal {
            effects.append(.dailyTargetReached(agent: targetID, target: goal))
        }
        effects.append(.callHandedOver(call: id, from: self.id(ofAgent: from), to: targetID, requested: consult.started))
        transition(target, to: .busy(id), effects: &effects)
        startWrapUp(from, queue: home, call: id, catalogue: catalogue, talkMilliseconds: talk, effects: &effects)
    }

    mutating func declineConsult(call id: CallID, agent targetID: AgentID, effects: inout [Effect]) throws(EngineError) {
        let call = try callNumber(id)
        let target = try agentNumber(targetID)
        guard calls[Int(call)].consult?.target == target else { throw .noConsult(call: id, agent: targetID) }
        endConsult(call, reason: .declined, effects: &effects)
        becomeReady(target, effects: &effects)
    }

    /// The consult timeout passed with no answer.
    mutating func consultExpired(call: Int32, effects: inout [Effect]) {
        guard let consult = calls[Int(call)].consult else { return }
        endConsult(call, reason: .timedOut, effects: &effects)
        becomeReady(consult.target, effects: &effects)
    }

    /// The target of a consult on call `id` logs out or goes not ready: the consult ends
    /// `unavailable` and the caller moves the agent on. False when `agent` is asked for no consult
    /// on that call.
    mutating func withdrawConsult(of id: CallID, from agent: Int32, effects: inout [Effect]) -> Bool {
        guard let call = callNumbers[id], calls[Int(call)].consult?.target == agent else { return false }
        endConsult(call, reason: .unavailable, effects: &effects)
        return true
    }

    /// The connected call is about to end: its consult, if any, ends `call_ended` and the target
    /// is ready again.
    mutating func endConsultAsCallEnds(_ call: Int32, effects: inout [Effect]) {
        guard let consult = calls[Int(call)].consult else { return }
        endConsult(call, reason: .callEnded, effects: &effects)
        becomeReady(consult.target, effects: &effects)
    }

    /// The call's consult ends with no handover; the target's next state is the caller's to set.
    private mutating func endConsult(_ call: Int32, reason: ConsultEnding, effects: inout [Effect]) {
        guard let consult = calls[Int(call)].consult else { return }
        deadlines.cancel(consult.expiry)
        calls[Int(call)].consult = nil
        effects.append(.consultEnded(
            call: calls[Int(call)].id, from: id(ofAgent: consult.from), to: id(ofAgent: consult.target), reason: reason
        ))
    }

    /// Reconfiguration: the consult of a carried connected call goes on, with its expiry, when its
    /// target remains; otherwise it ends `unavailable` (the target was logged out).
    mutating func carryConsult(of before: CallRecord, from old: RoutingEngine, agentMap: [Int32?], effects: inout [Effect]) {
        guard let consult = before.consult, let call = callNumbers[before.id],
              case .connected(let from, _) = calls[Int(call)].phase
        else { return }
        guard let target = agentMap[Int(consult.target)] else {
            effects.append(.consultEnded(
                call: before.id, from: id(ofAgent: from), to: old.agents[Int(consult.target)].id, reason: .unavailable
            ))
            return
        }
        var quiet: [Effect] = []
        transition(target, to: .offered(before.id), effects: &quiet)
        agents[Int(target)].since = old.agents[Int(consult.target)].since
        let expiry = deadlines.schedule(.consultExpires(call: call), at: consult.expires)
        calls[Int(call)].consult = Consult(from: from, target: target, started: consult.started, expires: consult.expires, expiry: expiry)
    }

    // MARK: Escalation

    mutating func escalate(call id: CallID, by agentID: AgentID?, effects: inout [Effect]) throws(EngineError) {
        let call = try callNumber(id)
        guard case .connected(let agent, let since) = calls[Int(call)].phase else { throw .callNotConnected(id) }
        if let agentID, try agentNumber(agentID) != agent { throw .notOnCall(call: id, agent: agentID) }
        guard calls[Int(call)].consult == nil else { throw .consultInProgress(id) }
        let home = calls[Int(call)].home
        let homeID = queues[Int(home)].configuration.id
        var destination = home
        var openTier: Int?
        if let target = queues[Int(home)].configuration.escalationQueue, let number = queueNumbers[target], !isRetired(queue: home) {
            if let limit = queues[Int(number)].configuration.maxLength, queues[Int(number)].waitingCount >= limit {
                throw .queueFull(target)
            }
            destination = number
        } else {
            let tier = agents[Int(agent)].memberships.first { $0.queue == home }?.tier ?? 1
            guard !isRetired(queue: home), tier < queues[Int(home)].tierCount else { throw .noEscalation(homeID) }
            openTier = tier + 1
        }
        let catalogue = catalogueQueue(of: call)
        let talk = takeBackToWaiting(call, from: agent, since: since)
        if let openTier {
            // Its own queue again, from now, with the tiers up to the one above its agent's open.
            cancelWaitingDeadlines(call)
            calls[Int(call)].placements = [.init(queue: home, enteredQueue: now, openTier: openTier)]
            calls[Int(call)].nextOverflowStep = 0
            joinHomeQueue(call)
            indexCall(call)
        } else {
            rehome(call, to: destination)
        }
        effects.append(.callEscalated(
            call: id, by: agentID, from: homeID, to: queues[Int(destination)].configuration.id, tier: openTier
        ))
        effects.append(queuedEffect(call))
        // Routed while the escalating agent is still busy, so it goes to someone else.
        routeCall(call, trigger: .queuesChanged, effects: &effects)
        startWrapUp(agent, queue: home, call: id, catalogue: catalogue, talkMilliseconds: talk, effects: &effects)
    }
}
