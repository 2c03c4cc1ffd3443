/// What a call's queues do to it while it waits: tiers opening, max wait and its overflow,
/// leaving when no agent is logged in.
extension RoutingEngine {
    /// The call just joined its home queue (arrival, overflow move, transfer): arm the queue's
    /// tier, overflow and no-agent deadlines for it.
    mutating func joinHomeQueue(_ call: Int32) {
        let queue = Int(calls[Int(call)].home)
        armNextTier(call: call, placement: 0)
        // A call the center dials has no caller on the line: no max wait.
        guard calls[Int(call)].dial == nil else { return }
        let step = calls[Int(call)].nextOverflowStep
        if step < queues[queue].overflowSteps.count {
            let at = calls[Int(call)].placements[0].enteredQueue + queues[queue].overflowSteps[step].after
            calls[Int(call)].overflowDeadline = deadlines.schedule(.overflowStep(call: call), at: at)
        }
        armNoAgentDeadline(call)
    }

    /// The call (out of the waiting indexes) waits in `queue` from now on, and only there: it keeps
    /// its age and priority, while the queue's tiers and max-wait steps start over.
    mutating func rehome(_ call: Int32, to queue: Int32) {
        cancelWaitingDeadlines(call)
        calls[Int(call)].placements = [.init(queue: queue, enteredQueue: now, openTier: 1)]
        calls[Int(call)].nextOverflowStep = 0
        queues[Int(queue)].figures.offered += 1
        joinHomeQueue(call)
        indexCall(call)
    }

    /// Opens every tier of the placement already due and schedules the next one.
    mutating func armNextTier(call: Int32, placement index: Int) {
        let queue = calls[Int(call)].placements[index].queue
        let joined = calls[Int(call)].placements[index].enteredQueue
        let tierCount = queues[Int(queue)].tierCount
        // An escalated call is open to every tier of every queue it joins.
        var openTier = calls[Int(call)].serviceLevel?.escalated == true ? tierCount : calls[Int(call)].placements[index].openTier
        while openTier < tierCount, tierOpening(queue, after: openTier, from: joined) <= now {
            openTier += 1
        }
        calls[Int(call)].placements[index].openTier = openTier
        calls[Int(call)].placements[index].tierDeadline = openTier < tierCount
            ? deadlines.schedule(.tierOpens(call: call, queue: queue), at: tierOpening(queue, after: openTier, from: joined))
            : nil
    }

    /// When tier `openTier + 1` of `queue` opens for a call that joined at `joined`.
    func tierOpening(_ queue: Int32, after openTier: Int, from joined: Instant) -> Instant {
        Instant(millisecondsSinceEpoch: joined.millisecondsSinceEpoch + queues[Int(queue)].tierWaitMilliseconds * Int64(openTier))
    }

    mutating func openNextTier(call: Int32, queue: Int32, effects: inout [Effect]) {
        guard let index = calls[Int(call)].placements.firstIndex(where: { $0.queue == queue }) else { return }
        let tier = calls[Int(call)].placements[index].openTier + 1
        calls[Int(call)].placements[index].openTier = tier
        calls[Int(call)].placements[index].tierDeadline = nil
        armNextTier(call: call, placement: index)
        effects.append(.tierOpened(call: calls[Int(call)].id, queue: queues[Int(queue)].configuration.id, tier: tier))
        guard case .waiting = calls[Int(call)].phase else { return }
        var key = calls[Int(call)].waitingKey
        key.call = call
        for opened in tier..<(calls[Int(call)].placements[index].openTier + 1) {
            insertWaiting(key, queue: queue, tier: opened - 1)
        }
        routeCall(call, trigger: .tierOpened, effects: &effects)
    }

    // MARK: Max wait

    mutating func overflowStepDue(call: Int32, effects: inout [Effect]) {
        calls[Int(call)].overflowDeadline = nil
        switch calls[Int(call)].phase {
        case .waiting:
            applyOverflowStep(call: call, effects: &effects)
        case .offered:
            calls[Int(call)].overflowDue = true
        case .connected, .dialing, .scheduled:
            break
        }
    }

    /// Applies the home queue's next overflow step to a waiting call and arms the one after.
    mutating func applyOverflowStep(call: Int32, effects: inout [Effect]) {
        let home = Int(calls[Int(call)].home)
        let steps = queues[home].overflowSteps
        let step = calls[Int(call)].nextOverflowStep
        guard step < steps.count else { return }
        calls[Int(call)].nextOverflowStep = step + 1
        if step + 1 < steps.count {
            let at = calls[Int(call)].placements[0].enteredQueue + steps[step + 1].after
            calls[Int(call)].overflowDeadline = deadlines.schedule(.overflowStep(call: call), at: at)
        }
        let id = calls[Int(call)].id
        switch steps[step].action {
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
            rehome(call, to: target)
            effects.append(.callOverflowed(call: id, from: queues[home].configuration.id, to: queues[Int(target)].configuration.id))
            effects.append(queuedEffect(call))
            routeCall(call, trigger: .queuesChanged, effects: &effects)
        case .widen(let targets):
            let added = targets.filter { target in !calls[Int(call)].placements.contains { $0.queue == target } }
            guard !added.isEmpty else { return }
            unindexCall(call)
            for target in added {
                calls[Int(call)].placements.append(.init(queue: target, enteredQueue: now, openTier: 1))
                armNextTier(call: call, placement: calls[Int(call)].placements.count - 1)
            }
            indexCall(call)
            effects.append(.callWidened(call: id, queues: added.map { queues[Int($0)].configuration.id }))
            routeCall(call, trigger: .queuesChanged, effects: &effects)
        }
    }

    // MARK: No agent logged in

    /// Arms the max-wait-with-no-agent deadline when the call's home queue has no agent logged in.
    mutating func armNoAgentDeadline(_ call: Int32) {
        guard calls[Int(call)].noAgentDeadline == nil, calls[Int(call)].dial == nil else { return }
        let queue = Int(calls[Int(call)].home)
        guard let since = queues[queue].noAgentSince, let limit = queues[queue].configuration.maxWaitWithNoAgent else { return }
        let at = max(since, calls[Int(call)].placements[0].enteredQueue) + limit
        calls[Int(call)].noAgentDeadline = deadlines.schedule(.noAgentWait(call: call), at: at)
    }

    mutating func noAgentWaitEnded(call: Int32, effects: inout [Effect]) {
        calls[Int(call)].noAgentDeadline = nil
        guard case .waiting = calls[Int(call)].phase,
              calls[Int(call)].placements.allSatisfy({ queues[Int($0.queue)].loggedIn == 0 })
        else { return }
        unindexCall(call)
        finish(call, outcome: .leftNoAgents, effects: &effects)
    }

    /// The last agent of the queue logged out: its waiting calls start counting toward max wait
    /// with no agent.
    mutating func queueLostLastAgent(_ queue: Int32) {
        queues[Int(queue)].noAgentSince = now
        guard queues[Int(queue)].configuration.maxWaitWithNoAgent != nil else { return }
        for key in queues[Int(queue)].waiting[0].elements where calls[Int(key.call)].home == queue {
            armNoAgentDeadline(key.call)
        }
    }

    /// An agent logged in to a queue that had none: its calls stop counting toward max wait with
    /// no agent.
    mutating func queueGotFirstAgent(_ queue: Int32) {
        queues[Int(queue)].noAgentSince = nil
        guard queues[Int(queue)].configuration.maxWaitWithNoAgent != nil else { return }
        for key in queues[Int(queue)].waiting[0].elements where calls[Int(key.call)].home == queue {
            deadlines.cancel(calls[Int(key.call)].noAgentDeadline)
            calls[Int(key.call)].noAgentDeadline = nil
        }
    }

    // MARK: Position and estimated wait

    /// The call's place in its home queue's line, 1 = next.
    func position(of call: Int32) -> Int? {
        guard case .waiting = calls[Int(call)].phase else { return nil }
        var key = calls[Int(call)].waitingKey
        key.call = call
        return queues[Int(calls[Int(call)].home)].waiting[0].rank(of: key) + 1
    }

    /// The wait estimate for the call at `position` of `queue`: `position` handle times shared by
    /// the capacity the queue's staffed agents give it. Nil when no agent is staffed.
    func estimatedWait(queue: Int32, position: Int) -> Duration? {
        let capacity = queues[Int(queue)].staffedCapacity
        guard capacity > 1e-9 else { return nil }
        let milliseconds = Double(position) * queues[Int(queue)].averageHandleMilliseconds / capacity
        return .milliseconds(Int64(milliseconds + 0.5))
    }

    func queuedEffect(_ call: Int32) -> Effect {
        let home = calls[Int(call)].home
        let position = position(of: call) ?? 1
        return .callQueued(
            call: calls[Int(call)].id, queue: queues[Int(home)].configuration.id,
            position: position, estimatedWait: estimatedWait(queue: home, position: position)
        )
    }

    func id(ofAgent agent: Int32) -> AgentID { agents[Int(agent)].id }
}
