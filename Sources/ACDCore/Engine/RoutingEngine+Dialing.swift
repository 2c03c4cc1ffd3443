/// Calls the center dials: callbacks (virtual hold: the caller leaves the line and keeps their
/// place) and outbound calls pushed by an adapter. Both wait in their queue's line (outbound
/// ones after every inbound call), are offered to one agent like any call, and once the agent
/// accepts, the adapter dials; the attempt's result connects the call, or puts it out of line
/// until its retry, or ends it when its attempts are used up.
///
/// A callback is served only while its queue is open: while closed it is parked out of line.
/// Outbound calls are served whatever the hours.
extension RoutingEngine {
    mutating func requestCallback(call id: CallID, number: String, notBefore: Instant?, effects: inout [Effect]) throws(EngineError) {
        let call = try callNumber(id)
        guard !number.isEmpty else { throw .missingNumber(id) }
        guard calls[Int(call)].dial == nil else { throw .callbackUnavailable(id) }
        var released: [CallRecord.Ringing] = []
        switch calls[Int(call)].phase {
        case .waiting:
            unindexCall(call)
        case .offered(let ringing):
            released = ringing
        case .connected, .dialing, .scheduled:
            throw .callbackUnavailable(id)
        }
        // The caller is off the line: no max wait, no service-level clock, no ringing offer.
        deadlines.cancel(calls[Int(call)].overflowDeadline)
        deadlines.cancel(calls[Int(call)].noAgentDeadline)
        calls[Int(call)].overflowDeadline = nil
        calls[Int(call)].noAgentDeadline = nil
        calls[Int(call)].overflowDue = false
        cancelServiceLevelDeadlines(call)
        calls[Int(call)].serviceLevel = nil
        for ring in released {
            deadlines.cancel(ring.expiry)
            effects.append(.offerWithdrawn(call: id, agent: self.id(ofAgent: ring.agent), reason: .callbackRequested))
        }
        calls[Int(call)].dial = DialTask(target: DialTarget(kind: .callback, number: number))
        queues[Int(calls[Int(call)].home)].figures.callbacks += 1
        place(call, notBefore: notBefore, effects: &effects)
        for ring in released {
            becomeReady(ring.agent, effects: &effects)
        }
    }

    mutating func pushOutbound(_ new: OutboundCall, effects: inout [Effect]) throws(EngineError) {
        let queue = try queueNumber(new.queue)
        guard callNumbers[new.id] == nil else { throw .duplicateCall(new.id) }
        guard (0...9).contains(new.priority) else { throw .invalidPriority(new.priority) }
        guard !new.number.isEmpty else { throw .missingNumber(new.id) }
        callSequence += 1
        var record = CallRecord(
            id: new.id, sequence: callSequence, priority: new.priority, segment: nil, attributes: new.attributes,
            enteredSystem: now, placements: [.init(queue: queue, enteredQueue: now, openTier: 1)]
        )
        record.dial = DialTask(target: DialTarget(kind: .outbound, number: new.number))
        let call = store(record)
        queues[Int(queue)].figures.outbound += 1
        place(call, notBefore: new.notBefore, effects: &effects)
    }

    /// The agent accepted a callback or outbound call: it is busy dialing.
    mutating func acceptDial(_ call: Int32, agent: Int32, ringing: [CallRecord.Ringing], effects: inout [Effect]) {
        guard let task = calls[Int(call)].dial else { return }
        let id = calls[Int(call)].id
        calls[Int(call)].phase = .dialing(agent: agent)
        cancelWaitingDeadlines(call)
        for ring in ringing {
            deadlines.cancel(ring.expiry)
        }
        agents[Int(agent)].counters.consecutiveMisses = 0
        effects.append(.dialRequested(call: id, agent: self.id(ofAgent: agent), target: task.target, attempt: task.failedAttempts + 1))
        transition(agent, to: .busy(id), effects: &effects)
        for ring in ringing where ring.agent != agent {
            effects.append(.offerWithdrawn(call: id, agent: self.id(ofAgent: ring.agent), reason: .acceptedElsewhere))
            becomeReady(ring.agent, effects: &effects)
        }
    }

    mutating func dialResult(call id: CallID, result: DialResult, effects: inout [Effect]) throws(EngineError) {
        let call = try callNumber(id)
        guard case .dialing(let agent) = calls[Int(call)].phase, var task = calls[Int(call)].dial else {
            throw .notDialing(id)
        }
        let home = Int(calls[Int(call)].home)
        let policy = queues[home].configuration.dialing
        let retryAt: Instant?
        switch result {
        case .reached:
            connectDialed(call, agent: agent, kind: task.target.kind, effects: &effects)
            return
        case .noAnswer:
            retryAt = now + policy.retryDelay
        case .retry(let at):
            retryAt = at
        case .failed:
            retryAt = nil
        }
        task.failedAttempts += 1
        calls[Int(call)].dial = task
        queues[home].figures.dialFailures += 1
        effects.append(.dialFailed(call: id, agent: self.id(ofAgent: agent), result: result, attempt: task.failedAttempts))
        if let retryAt, task.failedAttempts < policy.maxAttempts {
            place(call, notBefore: retryAt, effects: &effects)
        } else {
            finish(call, outcome: .unreached(attempts: task.failedAttempts), effects: &effects)
        }
        freeAfterCall(agent, effects: &effects)
    }

    /// The customer answered: from here the call is like any connected call (a transfer makes it
    /// wait on the line like an inbound one). It counts as the agent's answered call.
    private mutating func connectDialed(_ call: Int32, agent: Int32, kind: DialKind, effects: inout [Effect]) {
        let home = Int(calls[Int(call)].home)
        let agentID = self.id(ofAgent: agent)
        calls[Int(call)].phase = .connected(agent: agent, since: now)
        calls[Int(call)].dial = nil
        switch kind {
        case .callback: queues[home].figures.callbacksReached += 1
        case .outbound: queues[home].figures.outboundReached += 1
        }
        countAnswered(by: agent, effects: &effects)
        armDurationLimit(call)
        effects.append(.callConnected(call: calls[Int(call)].id, agent: agentID, waited: now - calls[Int(call)].enteredSystem))
    }

    /// A callback or outbound call's time came: it goes in line (or is parked, a callback of a
    /// closed queue).
    mutating func dialDue(call: Int32, effects: inout [Effect]) {
        guard case .scheduled = calls[Int(call)].phase else { return }
        calls[Int(call)].dial?.due = nil
        enterLine(call, effects: &effects)
    }

    // MARK: In line and out of it

    /// Puts a callback or outbound call out of line until `notBefore` when that is later than now,
    /// else in line (a callback of a closed queue is parked), and announces it.
    private mutating func place(_ call: Int32, notBefore: Instant?, effects: inout [Effect]) {
        guard let task = calls[Int(call)].dial else { return }
        let home = calls[Int(call)].home
        let due = notBefore.flatMap { $0 > now ? $0 : nil }
        effects.append(.dialQueued(call: calls[Int(call)].id, queue: queues[Int(home)].configuration.id, target: task.target, due: due))
        if let due {
            calls[Int(call)].phase = .scheduled(deadlines.schedule(.dialDue(call: call), at: due))
            calls[Int(call)].dial?.due = due
        } else {
            enterLine(call, effects: &effects)
        }
    }

    /// The call (out of line, its deadline spent) waits in line from now, with the tiers its age
    /// opens, and is routed; a callback of a closed queue is parked instead.
    private mutating func enterLine(_ call: Int32, effects: inout [Effect]) {
        if parkedWhileClosed(call) { return }
        calls[Int(call)].phase = .waiting
        for index in calls[Int(call)].placements.indices {
            deadlines.cancel(calls[Int(call)].placements[index].tierDeadline)
            armNextTier(call: call, placement: index)
        }
        indexCall(call)
        routeCall(call, trigger: .callWaiting, effects: &effects)
    }

    /// Parks the call (out of the waiting indexes) if it is a callback whose queue is closed;
    /// returns whether it did.
    mutating func parkedWhileClosed(_ call: Int32) -> Bool {
        guard calls[Int(call)].dial?.target.kind == .callback, !isOpen(calls[Int(call)].home) else { return false }
        park(call)
        return true
    }

    /// Keeps a callback (out of the waiting indexes) out of line until its queue opens.
    mutating func park(_ call: Int32) {
        calls[Int(call)].phase = .scheduled(nil)
        queues[Int(calls[Int(call)].home)].parked.append(call)
    }

    mutating func unpark(_ call: Int32) {
        let home = Int(calls[Int(call)].home)
        queues[home].parked.removeAll { $0 == call }
    }

    /// The queue closed: its callbacks waiting in line are parked until it opens again.
    mutating func parkCallbacks(of queue: Int32) {
        for key in queues[Int(queue)].waiting[0].elements
        where calls[Int(key.call)].home == queue && calls[Int(key.call)].dial?.target.kind == .callback {
            unindexCall(key.call)
            park(key.call)
        }
    }

    /// The queue opened: its parked callbacks go back in line in their order and are routed.
    mutating func releaseParkedCallbacks(of queue: Int32, effects: inout [Effect]) {
        let parked = queues[Int(queue)].parked.sorted { calls[Int($0)].waitingKey < calls[Int($1)].waitingKey }
        queues[Int(queue)].parked = []
        for call in parked {
            enterLine(call, effects: &effects)
        }
    }

    /// Whether an outbound call of `queue` may go to one of its ready agents now, `ready` of them
    /// being in its ready indexes: the queue's reserve of ready agents stays for inbound calls.
    func outboundReserveAllows(_ queue: Int32, ready: Int) -> Bool {
        ready >= queues[Int(queue)].configuration.dialing.outboundReserve
    }

    /// One more agent is ready in the queues of `agent`: in those with an outbound reserve, the
    /// first outbound call in line may now go to another ready agent without touching the reserve.
    mutating func offerOutboundHeldByReserve(joinedBy agent: Int32, effects: inout [Effect]) {
        for membership in agents[Int(agent)].memberships where queues[Int(membership.queue)].configuration.dialing.outboundReserve > 0 {
            // The first outbound call ranks right after the inbound ones.
            let queue = Int(membership.queue)
            guard let first = queues[queue].waiting[0].element(atOffset: queues[queue].waitingCount) else { continue }
            routeCall(first.call, trigger: .reserveFreed, effects: &effects)
        }
    }

    /// After a call or a dial attempt: the agent is ready, or starts the break it asked for.
    mutating func freeAfterCall(_ agent: Int32, effects: inout [Effect]) {
        if agents[Int(agent)].pendingReason != nil, pendingBreakMayStart(agent) {
            startPendingBreak(agent, effects: &effects)
        } else {
            becomeReady(agent, effects: &effects)
        }
    }
}
