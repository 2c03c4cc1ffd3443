/// The routing engine: the whole state of the center and every rule that moves it.
///
/// It is a value with no I/O, no clock and no threads. The shell feeds it time with
/// `advance(to:)` and commands with `handle(_:)`, carries out the effects both return, and arms one
/// timer for `nextDeadline`. The same configuration, seed, instants and commands always give the
/// same effects, which is what makes replay, explanation and simulation possible.
public struct RoutingEngine: Sendable, Codable {
    /// The highest tier an agent may have in a queue.
    public static let maximumTier = 9

    /// The engine's time: the latest instant it was advanced to. It never goes back.
    public internal(set) var now: Instant

    var queues: [QueueRuntime]
    var agents: [AgentRecord]
    let queueNumbers: [QueueID: Int32]
    let agentNumbers: [AgentID: Int32]
    /// The call table: live calls and vacant slots, addressed by the numbers in `callNumbers`.
    var calls: [CallRecord] = []
    var freeCallSlots: [Int32] = []
    var callNumbers: [CallID: Int32] = [:]
    /// The head of every waiting index, at `headSlot(queue:tier:)`.
    var waitingHeads: [WaitingCallKey?]
    var deadlines = DeadlineSchedule()
    var random: SplitMix64
    var callSequence: UInt64 = 0
    var readySequence: UInt64 = 0
    var offerSequence: UInt64 = 0
    let handleTimeSmoothing: Double
    var breaks: BreakRuntime
    let lastAgentLeaving: LeavingPolicy
    /// The answered calls that ended within the survey window.
    var surveys: SurveyMemory
    var segments: SegmentRuntime
    let transfers: TransferPolicy

    /// Builds an engine for `configuration` at instant `start`, every agent logged out. `seed`
    /// drives the random strategy.
    public init(configuration: CenterConfiguration, start: Instant, seed: UInt64 = 0) throws(ConfigurationError) {
        try configuration.validate()
        now = start
        random = SplitMix64(seed: seed)
        handleTimeSmoothing = configuration.handleTimeSmoothing
        lastAgentLeaving = configuration.lastAgentLeaving
        surveys = SurveyMemory(window: configuration.surveys.window)
        segments = SegmentRuntime(policies: configuration.segments)
        transfers = configuration.transfers

        var queueNumbers: [QueueID: Int32] = [:]
        for (number, queue) in configuration.queues.enumerated() {
            queueNumbers[queue.id] = Int32(number)
        }
        var agentNumbers: [AgentID: Int32] = [:]
        for (number, agent) in configuration.agents.enumerated() {
            agentNumbers[agent.id] = Int32(number)
        }
        self.queueNumbers = queueNumbers
        self.agentNumbers = agentNumbers
        let breaks = BreakRuntime(policy: configuration.breaks, agents: configuration.agents)
        self.breaks = breaks

        // Eligibility is derived once here: every agent's queues and tiers. The candidates are the
        // queues requiring one of the agent's skills and the queues it names.
        var queuesBySkill: [SkillID: [Int32]] = [:]
        for (number, queue) in configuration.queues.enumerated() {
            for requirement in queue.requiredSkills {
                queuesBySkill[requirement.skill, default: []].append(Int32(number))
            }
        }
        var tierCounts = Array(repeating: 1, count: configuration.queues.count)
        agents = configuration.agents.enumerated().map { order, agent in
            var candidates = Set(agent.tiers.keys.compactMap { queueNumbers[$0] })
            for skill in agent.skills.keys {
                candidates.formUnion(queuesBySkill[skill] ?? [])
            }
            var memberships: [AgentRecord.Membership] = []
            for number in candidates.sorted() {
                let queue = configuration.queues[Int(number)]
                guard let proficiency = agent.proficiency(serving: queue) else { continue }
                let tier = agent.tiers[queue.id] ?? 1
                tierCounts[Int(number)] = max(tierCounts[Int(number)], tier)
                memberships.append(.init(queue: number, tier: tier, proficiency: proficiency, weight: Int64(queue.weight), capacityShare: 0))
            }
            let totalWeight = memberships.reduce(0) { $0 + configuration.queues[Int($1.queue)].weight }
            for index in memberships.indices {
                let weight = configuration.queues[Int(memberships[index].queue)].weight
                memberships[index].capacityShare = Double(weight) / Double(totalWeight)
            }
            return AgentRecord(
                id: agent.id, name: agent.name, order: order, wrapUpMilliseconds: agent.wrapUp?.milliseconds,
                team: agent.team.flatMap { breaks.teamNumbers[$0] }, dailyTarget: agent.dailyTarget, memberships: memberships,
                since: start, idleSince: start
            )
        }
        waitingHeads = Array(repeating: nil, count: configuration.queues.count * Self.maximumTier)
        queues = configuration.queues.enumerated().map { number, queue in
            let steps = queue.overflow.sorted { $0.after < $1.after }.map { step in
                ResolvedOverflowStep(
                    after: step.after, configured: step.action,
                    action: ResolvedOverflowAction(step.action, queueNumbers: queueNumbers)
                )
            }
            let tiers = tierCounts[number]
            return QueueRuntime(
                configuration: queue,
                strategy: queue.strategy,
                tierWaitMilliseconds: queue.tierWait.milliseconds,
                offerTimeoutMilliseconds: queue.offerTimeout.milliseconds,
                rejectDelayMilliseconds: queue.rejectDelay.milliseconds,
                wrapUpMilliseconds: queue.wrapUp.milliseconds,
                overflowSteps: steps,
                tierCount: tiers,
                waiting: Array(repeating: OrderedIndex(), count: tiers),
                ready: Array(repeating: OrderedIndex(), count: tiers),
                loggedInByTier: Array(repeating: 0, count: tiers),
                notReadyByTier: Array(repeating: 0, count: tiers),
                noAgentSince: start,
                averageHandleMilliseconds: Double(queue.expectedHandleTime.milliseconds)
            )
        }
    }

    /// The earliest instant at which time passing will change something. The shell arms one
    /// timer for it and calls `advance(to:)` when it fires.
    public var nextDeadline: Instant? {
        mutating get { deadlines.next }
    }

    /// Moves the engine's time to `instant`, carrying out every deadline due by then in order, each
    /// at its own instant. An instant earlier than `now` changes nothing.
    public mutating func advance(to instant: Instant) -> [Effect] {
        var effects: [Effect] = []
        fireDeadlines(upTo: instant, effects: &effects)
        now = max(now, instant)
        return effects
    }

    /// Moves the engine's time to `instant` one deadline at a time, handing `step` each deadline's
    /// instant and effects (one `advance(to:)` returns them together, so their instants are lost:
    /// call records need them). Returns every effect, in order.
    public mutating func advance(to instant: Instant, eachStep step: (Instant, [Effect]) -> Void) -> [Effect] {
        var effects: [Effect] = []
        while let due = nextDeadline, due <= instant {
            let fired = advance(to: due)
            effects += fired
            step(now, fired)
        }
        effects += advance(to: instant)
        return effects
    }

    /// Carries out `command` at the engine's current time (`now`; advance first), then anything
    /// it made due at once (such as a max-wait step that passed while the call rang). On error
    /// nothing changed.
    public mutating func handle(_ command: Command) throws(EngineError) -> [Effect] {
        var effects: [Effect] = []
        effects.reserveCapacity(8)
        switch command {
        case .enqueue(let call):
            try enqueue(call, effects: &effects)
        case .accept(let call, let agent):
            try accept(call: call, agent: agent, effects: &effects)
        case .reject(let call, let agent):
            try decline(call: call, agent: agent, missed: false, effects: &effects)
        case .noAnswer(let call, let agent):
            try decline(call: call, agent: agent, missed: true, effects: &effects)
        case .hangup(let call, _):
            try hangup(call: call, effects: &effects)
        case .abandon(let call):
            try abandon(call: call, effects: &effects)
        case .transfer(let call, let queue):
            try transfer(call: call, to: queue, effects: &effects)
        case .consultTransfer(let call, let from, let to):
            try consultTransfer(call: call, from: from, to: to, effects: &effects)
        case .acceptConsult(let call, let agent):
            try acceptConsult(call: call, agent: agent, effects: &effects)
        case .declineConsult(let call, let agent):
            try declineConsult(call: call, agent: agent, effects: &effects)
        case .escalate(let call, let agent):
            try escalate(call: call, by: agent, effects: &effects)
        case .requestCallback(let call, let number, let notBefore):
            try requestCallback(call: call, number: number, notBefore: notBefore, effects: &effects)
        case .pushOutbound(let call):
            try pushOutbound(call, effects: &effects)
        case .dialResult(let call, let result):
            try dialResult(call: call, result: result, effects: &effects)
        case .reprioritize(let call, let priority):
            try reprioritize(call: call, priority: priority, effects: &effects)
        case .move(let call, let queue):
            try move(call: call, to: queue, effects: &effects)
        case .login(let agent, let reason):
            try login(agent: agent, notReady: reason, effects: &effects)
        case .logout(let agent):
            try logout(agent: agent, checkingLeaving: true, effects: &effects)
        case .forceLogout(let agent):
            try logout(agent: agent, checkingLeaving: false, effects: &effects)
        case .ready(let agent):
            try ready(agent: agent, effects: &effects)
        case .notReady(let agent, let reason):
            try notReady(agent: agent, reason: reason, effects: &effects)
        case .forceNotReady(let agent, let reason):
            try forceNotReady(agent: agent, reason: reason, effects: &effects)
        case .wrapUpDone(let agent, let classification):
            try wrapUpDone(agent: agent, classification: classification, effects: &effects)
        case .survey(let call, let score):
            try survey(call: call, score: score, effects: &effects)
        case .beginDay:
            beginDay(effects: &effects)
        case .setOpen(let queue, let state):
            try setOpen(queue: queue, state: state, effects: &effects)
        case .reconfigure(let configuration, let treatment):
            do {
                (self, effects) = try reconfigured(to: configuration, removedQueueCalls: treatment)
            } catch {
                throw .invalidConfiguration(error)
            }
        }
        fireDeadlines(upTo: now, effects: &effects)
        settleBreaks(effects: &effects)
        return effects
    }

    /// Carries out, in order and each at its own instant, every deadline due by `instant`,
    /// including those that firing schedules; pending breaks that may start then start.
    mutating func fireDeadlines(upTo instant: Instant, effects: inout [Effect]) {
        while let (due, deadline) = deadlines.popDue(atOrBefore: instant) {
            now = max(now, due)
            fire(deadline, effects: &effects)
            settleBreaks(effects: &effects)
        }
    }

    private mutating func fire(_ deadline: Deadline, effects: inout [Effect]) {
        switch deadline {
        case .offerExpires(let call, let agent):
            endOffer(call: call, agent: agent, missed: true, effects: &effects)
        case .tierOpens(let call, let queue):
            openNextTier(call: call, queue: queue, effects: &effects)
        case .overflowStep(let call):
            overflowStepDue(call: call, effects: &effects)
        case .noAgentWait(let call):
            noAgentWaitEnded(call: call, effects: &effects)
        case .restEnds(let agent):
            restEnded(agent: agent, effects: &effects)
        case .wrapUpEnds(let agent):
            endWrapUp(agent: agent, effects: &effects)
        case .durationLimit(let call, let hard):
            durationLimitReached(call: call, hard: hard, effects: &effects)
        case .breakQuota(let agent):
            breakQuotaReached(agent: agent, effects: &effects)
        case .segmentEscalation(let call):
            escalate(call: call, effects: &effects)
        case .segmentBreach(let call):
            breach(call: call, effects: &effects)
        case .segmentMaxWait(let call):
            segmentMaxWaitPassed(call: call, effects: &effects)
        case .consultExpires(let call):
            consultExpired(call: call, effects: &effects)
        case .dialDue(let call):
            dialDue(call: call, effects: &effects)
        }
    }

    // MARK: Snapshots

    /// A snapshot written before break, leaving, survey, segment and transfer policies decodes with the default
    /// policies (and no ended call remembered for surveys), its pending not-ready requests waiting
    /// for the end of the call.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        now = try container.decode(Instant.self, forKey: .now)
        queues = try container.decode([QueueRuntime].self, forKey: .queues)
        agents = try container.decode([AgentRecord].self, forKey: .agents)
        queueNumbers = try container.decode([QueueID: Int32].self, forKey: .queueNumbers)
        agentNumbers = try container.decode([AgentID: Int32].self, forKey: .agentNumbers)
        calls = try container.decode([CallRecord].self, forKey: .calls)
        freeCallSlots = try container.decode([Int32].self, forKey: .freeCallSlots)
        callNumbers = try container.decode([CallID: Int32].self, forKey: .callNumbers)
        waitingHeads = try container.decode([WaitingCallKey?].self, forKey: .waitingHeads)
        deadlines = try container.decode(DeadlineSchedule.self, forKey: .deadlines)
        random = try container.decode(SplitMix64.self, forKey: .random)
        callSequence = try container.decode(UInt64.self, forKey: .callSequence)
        readySequence = try container.decode(UInt64.self, forKey: .readySequence)
        offerSequence = try container.decode(UInt64.self, forKey: .offerSequence)
        handleTimeSmoothing = try container.decode(Double.self, forKey: .handleTimeSmoothing)
        lastAgentLeaving = try container.decodeIfPresent(LeavingPolicy.self, forKey: .lastAgentLeaving) ?? .warn
        surveys = try container.decodeIfPresent(SurveyMemory.self, forKey: .surveys) ?? SurveyMemory(window: SurveyPolicy.defaultWindow)
        segments = try container.decodeIfPresent(SegmentRuntime.self, forKey: .segments) ?? SegmentRuntime(policies: [])
        transfers = try container.decodeIfPresent(TransferPolicy.self, forKey: .transfers) ?? TransferPolicy()
        if let breaks = try container.decodeIfPresent(BreakRuntime.self, forKey: .breaks) {
            self.breaks = breaks
        } else {
            breaks = BreakRuntime(policy: BreakPolicy(), agents: [])
            for agent in agents.indices where agents[agent].pendingReason != nil {
                agents[agent].pendingBreak = PendingBreak(cause: .onCall, forced: false)
                breaks.pending.append(Int32(agent))
            }
        }
    }

    // MARK: Lookups that validate input

    func agentNumber(_ id: AgentID) throws(EngineError) -> Int32 {
        guard let number = agentNumbers[id] else { throw .unknownAgent(id) }
        return number
    }

    func queueNumber(_ id: QueueID) throws(EngineError) -> Int32 {
        guard let number = queueNumbers[id] else { throw .unknownQueue(id) }
        return number
    }

    func callNumber(_ id: CallID) throws(EngineError) -> Int32 {
        guard let number = callNumbers[id] else { throw .unknownCall(id) }
        return number
    }
}

extension ResolvedOverflowAction {
    /// Resolves queue names; the configuration was validated, so every name is known.
    init(_ action: OverflowAction, queueNumbers: [QueueID: Int32]) {
        switch action {
        case .moveTo(let queue): self = .moveTo(queueNumbers[queue] ?? -1)
        case .widen(let queues): self = .widen(queues.compactMap { queueNumbers[$0] })
        case .leave: self = .leave
        case .divert(let destination): self = .divert(destination)
        }
    }
}
