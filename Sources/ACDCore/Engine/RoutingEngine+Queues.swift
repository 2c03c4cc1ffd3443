/// What a call's queues do to it while it waits: tiers opening, max wait and its overflow,
/// leaving when no agent is logged in.
extension RoutingEngine {
    /// The call just joined its home queue (arrival, overflow move, transfer): arm the queue's
    /// tier, overflow and no-agent deadlines for it.
    mutating func joinHomeQueue(_ call: Int32) {
        guard var record = calls[Int(call)] else { return }
        let queue = record.home
        armNextTier(&record, placement: 0, call: call)
        let steps = queues[Int(queue)].overflowSteps
        if record.nextOverflowStep < steps.count {
            let at = record.placements[0].enteredQueue + steps[record.nextOverflowStep].after
            record.overflowDeadline = deadlines.schedule(.overflowStep(call: call), at: at)
        }
        calls[Int(call)] = record
        armNoAgentDeadline(call)
    }

    /// Opens every tier already due and schedules the next one.
    private mutating func armNextTier(_ record: inout CallRecord, placement index: Int, call: Int32) {
        let placement = record.placements[index]
        let queue = queues[Int(placement.queue)]
        var openTier = placement.openTier
        while openTier < queue.tierCount, tierOpening(queue, after: openTier, from: placement.enteredQueue) <= now {
            openTier += 1
        }
        record.placements[index].openTier = openTier
        record.placements[index].tierDeadline = openTier < queue.tierCount
            ? deadlines.schedule(.tierOpens(call: call, queue: placement.queue),
                                 at: tierOpening(queue, after: openTier, from: placement.enteredQueue))
            : nil
    }

    /// When tier `openTier + 1` opens for a call that joined at `joined`.
    func tierOpening(_ queue: QueueRuntime, after openTier: Int, from joined: Instant) -> Instant {
        joined + queue.configuration.tierWait * openTier
    }

    mutating func openNextTier(call: Int32, queue: Int32, effects: inout [Effect]) {
        guard var record = calls[Int(call)],
              let index = record.placements.firstIndex(where: { $0.queue == queue })
        else { return }
        let tier = record.placements[index].openTier + 1
        record.placements[index].openTier = tier
        record.placements[index].tierDeadline = nil
        armNextTier(&record, placement: index, call: call)
        calls[Int(call)] = record
        effects.append(.tierOpened(call: record.id, queue: queues[Int(queue)].configuration.id, tier: tier))
        guard case .waiting = record.phase else { return }
        var key = record.waitingKey
        key.call = call
        for opened in tier...record.placements[index].openTier {
            queues[Int(queue)].waiting[opened - 1].insert(key)
        }
        routeCall(call, trigger: .tierOpened, effects: &effects)
    }

    // MARK: Max wait

    mutating func overflowStepDue(call: Int32, effects: inout [Effect]) {
        guard let record = calls[Int(call)] else { return }
        calls[Int(call)]?.overflowDeadline = nil
        switch record.phase {
        case .waiting:
            applyOverflowStep(call: call, effects: &effects)
        case .offered:
            calls[Int(call)]?.overflowDue = true
        case .connected:
            break
        }
    }

    /// Applies the home queue's next overflow step to a waiting call and arms the one after.
    mutating func applyOverflowStep(call: Int32, effects: inout [Effect]) {
        guard var record = calls[Int(call)] else { return }
        let home = queues[Int(record.home)]
        guard record.nextOverflowStep < home.overflowSteps.count else { return }
        let action = home.overflowSteps[record.nextOverflowStep].action
        record.nextOverflowStep += 1
        if record.nextOverflowStep < home.overflowSteps.count {
            let at = record.placements[0].enteredQueue + home.overflowSteps[record.nextOverflowStep].after
            record.overflowDeadline = deadlines.schedule(.overflowStep(call: call), at: at)
        }
        calls[Int(call)] = record
        switch action {
        case .leave:
            unindexCall(call)
            finish(call, outcome: .timedOut, effects: &effects)
        case .divert(let destination):
            unindexCall(call)
            finish(call, outcome: .overflowedOut(destination: destination), effects: &effects)
        case .moveTo(let target):
            unindexCall(call)
            if let limit = queues[Int(target)].configuration.maxLength, queues[Int(target)].waitingCount >= limit {
                finish(call, outcome: .timedOut, effects: &effects)
                return
            }
            cancelWaitingDeadlines(&record)
            record.placements = [.init(queue: target, enteredQueue: now, openTier: 1)]
            record.nextOverflowStep = 0
            calls[Int(call)] = record
            joinHomeQueue(call)
            indexCall(call)
            effects.append(.callOverflowed(call: record.id, from: home.configuration.id, to: queues[Int(target)].configuration.id))
            effects.append(queuedEffect(call))
            routeCall(call, trigger: .queuesChanged, effects: &effects)
        case .widen(let targets):
            let added = targets.filter { target in !record.placements.contains { $0.queue == target } }
            guard !added.isEmpty else { return }
            unindexCall(call)
            for target in added {
                record.placements.append(.init(queue: target, enteredQueue: now, openTier: 1))
                armNextTier(&record, placement: record.placements.count - 1, call: call)
            }
            calls[Int(call)] = record
            indexCall(call)
            effects.append(.callWidened(call: record.id, queues: added.map { queues[Int($0)].configuration.id }))
            routeCall(call, trigger: .queuesChanged, effects: &effects)
        }
    }

    // MARK: No agent logged in

    /// Arms the max-wait-with-no-agent deadline when the call's home queue has no agent logged in.
    mutating func armNoAgentDeadline(_ call: Int32) {
        guard let record = calls[Int(call)], record.noAgentDeadline == nil else { return }
        let queue = queues[Int(record.home)]
        guard let since = queue.noAgentSince, let limit = queue.configuration.maxWaitWithNoAgent else { return }
        let at = max(since, record.placements[0].enteredQueue) + limit
        calls[Int(call)]?.noAgentDeadline = deadlines.schedule(.noAgentWait(call: call), at: at)
    }

    mutating func noAgentWaitEnded(call: Int32, effects: inout [Effect]) {
        guard let record = calls[Int(call)] else { return }
        calls[Int(call)]?.noAgentDeadline = nil
        guard case .waiting = record.phase,
              record.placements.allSatisfy({ queues[Int($0.queue)].loggedIn == 0 })
        else { return }
        unindexCall(call)
        finish(call, outcome: .leftNoAgents, effects: &effects)
    }

    /// The last agent of the queue logged out: its waiting calls start counting toward max wait
    /// with no agent.
    mutating func queueLostLastAgent(_ queue: Int32) {
        queues[Int(queue)].noAgentSince = now
        guard queues[Int(queue)].configuration.maxWaitWithNoAgent != nil else { return }
        for key in queues[Int(queue)].waiting[0].elements where calls[Int(key.call)]?.home == queue {
            armNoAgentDeadline(key.call)
        }
    }

    /// An agent logged in to a queue that had none: its calls stop counting toward max wait with
    /// no agent.
    mutating func queueGotFirstAgent(_ queue: Int32) {
        queues[Int(queue)].noAgentSince = nil
        guard queues[Int(queue)].configuration.maxWaitWithNoAgent != nil else { return }
        for key in queues[Int(queue)].waiting[0].elements where calls[Int(key.call)]?.home == queue {
            deadlines.cancel(calls[Int(key.call)]?.noAgentDeadline)
            calls[Int(key.call)]?.noAgentDeadline = nil
        }
    }

    // MARK: Position and estimated wait

    /// The call's place in its home queue's line, 1 = next.
    func position(of call: Int32) -> Int? {
        guard let record = calls[Int(call)], case .waiting = record.phase else { return nil }
        var key = record.waitingKey
        key.call = call
        return queues[Int(record.home)].waiting[0].rank(of: key) + 1
    }

    /// The wait estimate for the call at `position` of `queue`: `position` handle times shared by
    /// the capacity the queue's staffed agents give it. Nil when no agent is staffed.
    func estimatedWait(queue: Int32, position: Int) -> Duration? {
        let runtime = queues[Int(queue)]
        guard runtime.staffedCapacity > 1e-9 else { return nil }
        let milliseconds = Double(position) * runtime.averageHandleMilliseconds / runtime.staffedCapacity
        return .milliseconds(Int64(milliseconds.rounded()))
    }

    func queuedEffect(_ call: Int32) -> Effect {
        let record = calls[Int(call)]!
        let position = position(of: call) ?? 1
        return .callQueued(
            call: record.id, queue: queues[Int(record.home)].configuration.id,
            position: position, estimatedWait: estimatedWait(queue: record.home, position: position)
        )
    }

    func id(ofAgent agent: Int32) -> AgentID { agents[Int(agent)].id }
}
