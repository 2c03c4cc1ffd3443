/// Service levels by customer segment: a call of a configured segment waits at least at the
/// segment's priority and runs a clock from the instant it entered the system until an agent first
/// takes it. Three deadlines hang on the clock: escalation before the target (the priority rises,
/// every tier of the call's queues opens, supervisors are told), the breach once the target has
/// passed unanswered, and the segment's max wait (the home queue's next max-wait step, early).
/// Each fires at most once per call; a move, overflow or reconfiguration keeps the clock.
extension RoutingEngine {
    /// The priority a new call joins its queue at: the higher of its own and its segment's.
    public func enqueuePriority(_ new: NewCall) -> Int {
        guard let segment = new.segment, let policy = segments.policies[segment] else { return new.priority }
        return max(new.priority, policy.priority)
    }

    /// Starts the clock of a call that just joined its first queue, if its segment is configured.
    mutating func startServiceLevelClock(_ call: Int32) {
        guard let segment = calls[Int(call)].segment, let policy = segments.policies[segment] else { return }
        let queue = queues[Int(calls[Int(call)].home)].configuration.id
        calls[Int(call)].serviceLevel = ServiceLevelClock(segment: segment, queue: queue)
        segments.count(queue, segment) { $0.offered += 1 }
        armServiceLevelDeadlines(call, policy)
    }

    /// A call carried into a new configuration keeps its clock if its segment is still configured,
    /// under the segment's new target, lead and max wait counted from the call's entry; what
    /// already happened to it (escalated, breached, max wait passed) stays done.
    mutating func carryServiceLevelClock(_ call: Int32, from before: CallRecord) {
        guard var clock = before.serviceLevel, let policy = segments.policies[clock.segment] else { return }
        clock.escalationDeadline = nil
        clock.breachDeadline = nil
        clock.maxWaitDeadline = nil
        if clock.maxWaitDue {
            // It came due while the call rang, and the offer may not carry over: armed again,
            // already past, it fires once the calls are carried, for the call as it is then.
            clock.maxWaitDue = false
            clock.maxWaitPassed = false
        }
        calls[Int(call)].serviceLevel = clock
        armServiceLevelDeadlines(call, policy)
    }

    /// Arms the clock's deadlines that have not come yet. An instant already past fires at once.
    private mutating func armServiceLevelDeadlines(_ call: Int32, _ policy: SegmentPolicy) {
        guard var clock = calls[Int(call)].serviceLevel else { return }
        let entered = calls[Int(call)].enteredSystem
        if !clock.escalated {
            clock.escalationDeadline = deadlines.schedule(.segmentEscalation(call: call), at: entered + policy.escalationWait)
        }
        if !clock.breached {
            // A call answered at exactly the target is in target: it breaches once it waited longer.
            clock.breachDeadline = deadlines.schedule(.segmentBreach(call: call), at: entered + policy.target + .milliseconds(1))
        }
        if !clock.maxWaitPassed, let maxWait = policy.maxWait {
            clock.maxWaitDeadline = deadlines.schedule(.segmentMaxWait(call: call), at: entered + maxWait)
        }
        calls[Int(call)].serviceLevel = clock
    }

    /// Cancels the clock's pending deadlines (the call is answered or leaves).
    mutating func cancelServiceLevelDeadlines(_ call: Int32) {
        guard let clock = calls[Int(call)].serviceLevel else { return }
        deadlines.cancel(clock.escalationDeadline)
        deadlines.cancel(clock.breachDeadline)
        deadlines.cancel(clock.maxWaitDeadline)
        calls[Int(call)].serviceLevel?.escalationDeadline = nil
        calls[Int(call)].serviceLevel?.breachDeadline = nil
        calls[Int(call)].serviceLevel?.maxWaitDeadline = nil
    }

    /// An agent first took the call: it counts as answered (in target unless it breached), and
    /// the clock stops for good; a transfer later does not start it again.
    mutating func stopServiceLevelClock(answered call: Int32) {
        guard let clock = calls[Int(call)].serviceLevel else { return }
        cancelServiceLevelDeadlines(call)
        segments.count(clock.queue, clock.segment) { figures in
            figures.answered += 1
            if !clock.breached { figures.answeredInTarget += 1 }
        }
        calls[Int(call)].serviceLevel = nil
    }

    /// The lead before the target came: the call rises to the segment's escalated priority, every
    /// tier of its queues opens to it (now and in any queue it joins later), and supervisors are
    /// told before it is routed again.
    mutating func escalate(call: Int32, effects: inout [Effect]) {
        guard var clock = calls[Int(call)].serviceLevel, !clock.escalated else { return }
        let waiting: Bool
        switch calls[Int(call)].phase {
        case .waiting:
            waiting = true
            unindexCall(call)
        case .offered:
            // Indexed again with its priority and tiers if the offer ends without an answer.
            waiting = false
        case .connected, .dialing, .scheduled:
            // An answered call, or one the center dials, has no clock.
            return
        }
        clock.escalationDeadline = nil
        clock.escalated = true
        calls[Int(call)].serviceLevel = clock
        segments.count(clock.queue, clock.segment) { $0.escalations += 1 }
        let raised = max(calls[Int(call)].priority, segments.policies[clock.segment]?.escalatedPriority ?? 0)
        calls[Int(call)].priority = raised
        for index in calls[Int(call)].placements.indices {
            deadlines.cancel(calls[Int(call)].placements[index].tierDeadline)
            calls[Int(call)].placements[index].tierDeadline = nil
            calls[Int(call)].placements[index].openTier = queues[Int(calls[Int(call)].placements[index].queue)].tierCount
        }
        effects.append(.serviceLevelEscalated(
            call: calls[Int(call)].id, queue: queues[Int(calls[Int(call)].home)].configuration.id, segment: clock.segment,
            priority: raised
        ))
        if waiting {
            indexCall(call)
            routeCall(call, trigger: .tierOpened, effects: &effects)
        }
    }

    /// The target passed with the call unanswered (waiting or ringing): one breach.
    mutating func breach(call: Int32, effects: inout [Effect]) {
        guard var clock = calls[Int(call)].serviceLevel, !clock.breached else { return }
        clock.breachDeadline = nil
        clock.breached = true
        calls[Int(call)].serviceLevel = clock
        segments.count(clock.queue, clock.segment) { $0.breaches += 1 }
        effects.append(.serviceLevelBreached(call: calls[Int(call)].id, queue: clock.queue, segment: clock.segment))
    }

    /// The segment's max wait passed: a waiting call takes its treatment now, a ringing one when
    /// it comes back unanswered.
    mutating func segmentMaxWaitPassed(call: Int32, effects: inout [Effect]) {
        guard calls[Int(call)].serviceLevel != nil else { return }
        calls[Int(call)].serviceLevel?.maxWaitDeadline = nil
        calls[Int(call)].serviceLevel?.maxWaitPassed = true
        switch calls[Int(call)].phase {
        case .waiting:
            applySegmentMaxWait(call: call, effects: &effects)
        case .offered:
            calls[Int(call)].serviceLevel?.maxWaitDue = true
        case .connected, .dialing, .scheduled:
            break
        }
    }

    /// A call back in line whose segment max wait passed while it rang takes its treatment now.
    mutating func applyDueSegmentMaxWait(call: Int32, effects: inout [Effect]) {
        guard calls[Int(call)].isLive, calls[Int(call)].serviceLevel?.maxWaitDue == true else { return }
        calls[Int(call)].serviceLevel?.maxWaitDue = false
        applySegmentMaxWait(call: call, effects: &effects)
    }

    /// The max-wait treatment of a waiting call: its home queue's next overflow step, early (the
    /// steps after it keep their own times); with no step left, the call leaves timed out as a
    /// `leave` step does.
    private mutating func applySegmentMaxWait(call: Int32, effects: inout [Effect]) {
        let home = Int(calls[Int(call)].home)
        if calls[Int(call)].nextOverflowStep < queues[home].overflowSteps.count {
            deadlines.cancel(calls[Int(call)].overflowDeadline)
            calls[Int(call)].overflowDeadline = nil
            calls[Int(call)].overflowDue = false
            applyOverflowStep(call: call, effects: &effects)
        } else {
            unindexCall(call)
            finish(call, outcome: .timedOut, effects: &effects)
        }
    }

    /// The call's standing against its segment's target; nil once answered or without a
    /// configured segment.
    func serviceLevel(ofCall call: Int32) -> CallServiceLevel? {
        guard let clock = calls[Int(call)].serviceLevel, let policy = segments.policies[clock.segment] else { return nil }
        let entered = calls[Int(call)].enteredSystem
        return CallServiceLevel(
            segment: clock.segment, escalatesAt: entered + policy.escalationWait, targetAt: entered + policy.target,
            maxWaitAt: policy.maxWait.map { entered + $0 }, escalated: clock.escalated, breached: clock.breached
        )
    }

    // MARK: Figures

    /// Today's figures of each configured or counted segment of the queue, by segment name.
    public func segmentFigures(queue id: QueueID) -> [SegmentFigures] {
        guard let figures = segments.figures[id] else { return [] }
        return figures.keys.sorted().map { figures[$0]! }
    }
}
