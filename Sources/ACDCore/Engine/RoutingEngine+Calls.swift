/// A call's life: arrival, answer, hangup, abandon, transfer, and the end.
extension RoutingEngine {
    mutating func enqueue(_ new: NewCall, effects: inout [Effect]) throws(EngineError) {
        let arrival = try queueNumber(new.queue)
        guard callNumbers[new.id] == nil else { throw .duplicateCall(new.id) }
        guard (0...9).contains(new.priority) else { throw .invalidPriority(new.priority) }
        let entered = new.enteredSystem ?? now
        guard entered <= now else { throw .enteredInFuture(new.id) }
        guard let (queue, parked) = admit(new, arrivingAt: arrival, effects: &effects) else { return }

        let configuration = queues[Int(queue)].configuration
        queues[Int(queue)].figures.offered += 1
        if let limit = configuration.maxLength, queues[Int(queue)].waitingCount >= limit {
            effects.append(.callFinished(call: new.id, outcome: .rejectedFull))
            return
        }
        if queues[Int(queue)].loggedIn == 0,
           !configuration.joinWhenEmpty || configuration.maxWaitWithNoAgent == .zero {
            effects.append(.callFinished(call: new.id, outcome: .leftNoAgents))
            return
        }

        callSequence += 1
        let record = CallRecord(
            id: new.id, sequence: callSequence, priority: enqueuePriority(new), segment: new.segment,
            attributes: new.attributes, enteredSystem: entered,
            placements: [.init(queue: queue, enteredQueue: now, openTier: 1)]
        )
        let call = store(record)
        if parked, let number = new.callbackNumber {
            // Closed with the callback treatment: kept, out of line, until the queue opens.
            calls[Int(call)].dial = DialTask(target: DialTarget(kind: .callback, number: number))
            queues[Int(queue)].figures.callbacks += 1
            park(call)
            effects.append(.dialQueued(call: new.id, queue: queues[Int(queue)].configuration.id, target: DialTarget(kind: .callback, number: number), due: nil))
            return
        }
        startServiceLevelClock(call)
        joinHomeQueue(call)
        indexCall(call)
        effects.append(queuedEffect(call))
        routeCall(call, trigger: .callWaiting, effects: &effects)
    }

    /// Puts a new call in a free slot of the call table (or a new one at its end) and returns its
    /// number.
    mutating func store(_ record: CallRecord) -> Int32 {
        let call: Int32
        if let slot = freeCallSlots.popLast() {
            call = slot
            calls[Int(slot)] = record
        } else {
            call = Int32(calls.count)
            calls.append(record)
        }
        callNumbers[record.id] = call
        return call
    }

    mutating func accept(call id: CallID, agent agentID: AgentID, effects: inout [Effect]) throws(EngineError) {
        let call = try callNumber(id)
        let agent = try agentNumber(agentID)
        guard case .offered(let ringing) = calls[Int(call)].phase, ringing.contains(where: { $0.agent == agent }) else {
            throw .notOffered(call: id, agent: agentID)
        }
        if calls[Int(call)].dial != nil {
            acceptDial(call, agent: agent, ringing: ringing, effects: &effects)
            return
        }

        calls[Int(call)].phase = .connected(agent: agent, since: now)
        cancelWaitingDeadlines(call)
        stopServiceLevelClock(answered: call)
        armDurationLimit(call)
        for ring in ringing {
            deadlines.cancel(ring.expiry)
        }
        agents[Int(agent)].counters.consecutiveMisses = 0
        countAnswered(by: agent, effects: &effects)
        let home = Int(calls[Int(call)].home)
        let waited = now.milliseconds(since: calls[Int(call)].enteredSystem)
        queues[home].figures.answered += 1
        queues[home].figures.answeredWaitMilliseconds += waited
        if waited <= queues[home].configuration.serviceLevelThreshold.milliseconds {
            queues[home].figures.answeredInTime += 1
        }
        effects.append(.callConnected(call: id, agent: agentID, waited: now - calls[Int(call)].enteredSystem))
        transition(agent, to: .busy(id), effects: &effects)
        for ring in ringing where ring.agent != agent {
            effects.append(.offerWithdrawn(call: id, agent: self.id(ofAgent: ring.agent), reason: .acceptedElsewhere))
            becomeReady(ring.agent, effects: &effects)
        }
    }

    /// The call was just connected: its home queue's maximum call time starts.
    mutating func armDurationLimit(_ call: Int32) {
        guard let limit = queues[Int(calls[Int(call)].home)].configuration.maxCallDuration else { return }
        calls[Int(call)].durationDeadline = deadlines.schedule(.durationLimit(call: call, hard: false), at: now + limit.soft)
    }

    /// One more call answered by the agent today, announced when it reaches its daily target.
    mutating func countAnswered(by agent: Int32, effects: inout [Effect]) {
        agents[Int(agent)].counters.callsAnswered += 1
        if let target = agents[Int(agent)].dailyTarget, agents[Int(agent)].counters.callsAnswered == target {
            effects.append(.dailyTargetReached(agent: id(ofAgent: agent), target: target))
        }
    }

    /// A reject (`missed` false) or a no-answer reported by the telephony (`missed` true).
    mutating func decline(call id: CallID, agent agentID: AgentID, missed: Bool, effects: inout [Effect]) throws(EngineError) {
        let call = try callNumber(id)
        let agent = try agentNumber(agentID)
        guard case .offered(let ringing) = calls[Int(call)].phase, ringing.contains(where: { $0.agent == agent }) else {
            throw .notOffered(call: id, agent: agentID)
        }
        endOffer(call: call, agent: agent, missed: missed, effects: &effects)
    }

    mutating func hangup(call id: CallID, effects: inout [Effect]) throws(EngineError) {
        let call = try callNumber(id)
        guard case .connected(let agent, let since) = calls[Int(call)].phase else {
            throw .callNotConnected(id)
        }
        endConsultAsCallEnds(call, effects: &effects)
        let talk = now.milliseconds(since: since)
        let queue = calls[Int(call)].home
        let catalogue = catalogueQueue(of: call)
        agents[Int(agent)].counters.talkTimeMilliseconds += talk
        finish(call, outcome: .ended, effects: &effects)
        rememberForSurvey(id, agent: agent, queue: catalogue)
        startWrapUp(agent, queue: queue, call: id, catalogue: catalogue, talkMilliseconds: talk, effects: &effects)
    }

    /// The caller hung up before an agent answered; for a callback or outbound call not reached
    /// yet, its adapter withdrew it: it ends `cancelled` and does not count as abandoned.
    mutating func abandon(call id: CallID, effects: inout [Effect]) throws(EngineError) {
        let call = try callNumber(id)
        let outcome: CallOutcome = calls[Int(call)].dial == nil ? .abandoned : .cancelled
        switch calls[Int(call)].phase {
        case .connected:
            throw .callAlreadyConnected(id)
        case .dialing:
            throw .dialInProgress(id)
        case .scheduled(let deadline):
            deadlines.cancel(deadline)
            unpark(call)
            finish(call, outcome: outcome, effects: &effects)
        case .waiting:
            if outcome == .abandoned { queues[Int(calls[Int(call)].home)].figures.abandoned += 1 }
            unindexCall(call)
            finish(call, outcome: outcome, effects: &effects)
        case .offered(let ringing):
            if outcome == .abandoned { queues[Int(calls[Int(call)].home)].figures.abandoned += 1 }
            finish(call, outcome: outcome, effects: &effects)
            for ring in ringing {
                deadlines.cancel(ring.expiry)
                effects.append(.offerWithdrawn(call: id, agent: self.id(ofAgent: ring.agent), reason: .callerAbandoned))
                becomeReady(ring.agent, effects: &effects)
            }
        }
    }

    mutating func transfer(call id: CallID, to target: QueueID, effects: inout [Effect]) throws(EngineError) {
        let call = try callNumber(id)
        let queue = try queueNumber(target)
        guard case .connected(let agent, let since) = calls[Int(call)].phase else {
            throw .callNotConnected(id)
        }
        guard calls[Int(call)].consult == nil else { throw .consultInProgress(id) }
        if let limit = queues[Int(queue)].configuration.maxLength, queues[Int(queue)].waitingCount >= limit {
            throw .queueFull(target)
        }
        let from = calls[Int(call)].home
        let catalogue = catalogueQueue(of: call)
        let talk = takeBackToWaiting(call, from: agent, since: since)
        rehome(call, to: queue)
        effects.append(.callTransferred(call: id, agent: self.id(ofAgent: agent), from: queues[Int(from)].configuration.id, to: target))
        effects.append(queuedEffect(call))
        // Routed while the transferring agent is still busy, so it goes to someone else first.
        routeCall(call, trigger: .queuesChanged, effects: &effects)
        startWrapUp(agent, queue: from, call: id, catalogue: catalogue, talkMilliseconds: talk, effects: &effects)
    }

    // MARK: Offers ending

    /// One agent's offer ends without an answer: a reject, or a miss (rang out or reported
    /// unanswered). The call goes back to its place when no one else is ringing; the agent rests
    /// for the reject delay, or is made not ready after too many misses in a row.
    mutating func endOffer(call: Int32, agent: Int32, missed: Bool, effects: inout [Effect]) {
        guard case .offered(var ringing) = calls[Int(call)].phase,
              let index = ringing.firstIndex(where: { $0.agent == agent })
        else { return }
        deadlines.cancel(ringing[index].expiry)
        ringing.remove(at: index)
        calls[Int(call)].phase = .offered(ringing)
        let offeringQueue = Int(calls[Int(call)].offeringQueue)
        effects.append(.offerWithdrawn(call: calls[Int(call)].id, agent: self.id(ofAgent: agent), reason: missed ? .notAnswered : .rejected))
        if ringing.isEmpty {
            returnToWaiting(call, effects: &effects)
        }
        if missed {
            agents[Int(agent)].counters.missedOffers += 1
            agents[Int(agent)].counters.consecutiveMisses += 1
            let misses = agents[Int(agent)].counters.consecutiveMisses
            let maxNoAnswer = queues[offeringQueue].configuration.maxNoAnswer
            if maxNoAnswer > 0, misses >= maxNoAnswer {
                transition(agent, to: .notReady(.noAnswer), effects: &effects)
                effects.append(.agentMissedOffers(agent: self.id(ofAgent: agent), consecutive: misses))
                return
            }
        } else {
            agents[Int(agent)].counters.rejectedOffers += 1
        }
        becomeReady(agent, restingForMilliseconds: queues[offeringQueue].rejectDelayMilliseconds, effects: &effects)
    }

    /// The agent stops ringing without it counting against it (it logged out or asked for a
    /// not-ready reason); the call goes back to its place if no one else rings. A consult offer
    /// ends `unavailable` instead.
    mutating func withdrawOffer(of id: CallID, from agent: Int32, effects: inout [Effect]) {
        if withdrawConsult(of: id, from: agent, effects: &effects) { return }
        guard let call = callNumbers[id], case .offered(var ringing) = calls[Int(call)].phase,
              let index = ringing.firstIndex(where: { $0.agent == agent })
        else { return }
        deadlines.cancel(ringing[index].expiry)
        ringing.remove(at: index)
        calls[Int(call)].phase = .offered(ringing)
        effects.append(.offerWithdrawn(call: id, agent: self.id(ofAgent: agent), reason: .agentUnavailable))
        if ringing.isEmpty {
            returnToWaiting(call, effects: &effects)
        }
    }

    /// The call waits again at its old place; an overflow step that came due meanwhile applies
    /// first, then the call is routed if it still waits.
    private mutating func returnToWaiting(_ call: Int32, effects: inout [Effect]) {
        // A callback whose queue closed while it rang is kept until it opens.
        if parkedWhileClosed(call) { return }
        calls[Int(call)].phase = .waiting
        indexCall(call)
        if calls[Int(call)].overflowDue {
            calls[Int(call)].overflowDue = false
            applyOverflowStep(call: call, effects: &effects)
        }
        applyDueSegmentMaxWait(call: call, effects: &effects)
        if calls[Int(call)].isLive {
            routeCall(call, trigger: .callWaiting, effects: &effects)
        }
    }

    // MARK: The end

    /// The call leaves the engine with its one outcome. It must be out of the waiting indexes.
    mutating func finish(_ call: Int32, outcome: CallOutcome, effects: inout [Effect]) {
        guard calls[Int(call)].isLive else { return }
        cancelWaitingDeadlines(call)
        cancelServiceLevelDeadlines(call)
        deadlines.cancel(calls[Int(call)].durationDeadline)
        let id = calls[Int(call)].id
        calls[Int(call)] = .vacant
        callNumbers[id] = nil
        freeCallSlots.append(call)
        effects.append(.callFinished(call: id, outcome: outcome))
    }

    /// Cancels the deadlines that only matter while a call waits (tiers, max wait, no agent).
    mutating func cancelWaitingDeadlines(_ call: Int32) {
        for index in calls[Int(call)].placements.indices {
            deadlines.cancel(calls[Int(call)].placements[index].tierDeadline)
            calls[Int(call)].placements[index].tierDeadline = nil
        }
        deadlines.cancel(calls[Int(call)].overflowDeadline)
        deadlines.cancel(calls[Int(call)].noAgentDeadline)
        calls[Int(call)].overflowDeadline = nil
        calls[Int(call)].noAgentDeadline = nil
        calls[Int(call)].overflowDue = false
    }

    mutating func durationLimitReached(call: Int32, hard: Bool, effects: inout [Effect]) {
        guard case .connected(let agent, let since) = calls[Int(call)].phase else { return }
        calls[Int(call)].durationDeadline = nil
        effects.append(.callDurationExceeded(call: calls[Int(call)].id, agent: self.id(ofAgent: agent), hard: hard))
        if !hard, let limit = queues[Int(calls[Int(call)].home)].configuration.maxCallDuration, let hardLimit = limit.hard {
            calls[Int(call)].durationDeadline = deadlines.schedule(.durationLimit(call: call, hard: true), at: since + hardLimit)
        }
    }

    /// Takes a connected call from its agent back to waiting (a transfer or an escalation): the
    /// agent's talk time counted, the call's duration limit cancelled. Returns the talk time in ms.
    mutating func takeBackToWaiting(_ call: Int32, from agent: Int32, since: Instant) -> Int64 {
        let talk = now.milliseconds(since: since)
        agents[Int(agent)].counters.talkTimeMilliseconds += talk
        deadlines.cancel(calls[Int(call)].durationDeadline)
        calls[Int(call)].durationDeadline = nil
        calls[Int(call)].phase = .waiting
        return talk
    }
}
