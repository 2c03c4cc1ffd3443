import ACDCore

/// One replication: the routing engine driven by a virtual clock that jumps from one event to the
/// next (an arrival, a hangup, a caller's patience running out, a delayed answer, a shift change,
/// or the engine's own next deadline), never in fixed ticks.
///
/// Simulated agent clients accept every offer after the accept delay, talk for the call's drawn
/// handle time and leave wrap-up to the engine; simulated callers hang up when their patience runs
/// out. Everything is measured from the engine's effects.
struct SimulationRun {
    let plan: SimulationPlan
    var engine: RoutingEngine
    var events = EventQueue()
    var calls: [SimulatedCall] = []
    var callNumbers: [CallID: Int] = [:]
    var agents: [SimulatedAgent]
    var agentNumbers: [AgentID: Int] = [:]
    var streams: [StreamState]
    /// Per queue of the center: milliseconds its agents spent on its calls, and idle (an agent's
    /// idle time shared among the queues it serves), within the measured window.
    var queueWork: [Double]
    var queueIdle: [Double]
    /// Commands the simulated clients answer effects with at the same instant.
    var followUps: [Command] = []
    var onShift = 0

    let end: Int64
    let measuredFrom: Int64
    let intervalLength: Int64
    let seriesLength: Int64
    let acceptDelay: Int64
    /// Per stream, the index of its queue in the center.
    let streamQueues: [Int]
    let thresholds: [Int64]

    /// A stream's generators, its next arrival and what it measured.
    struct StreamState {
        var arrivals: SimulationRandom
        var handleTimes: SimulationRandom
        var patience: SimulationRandom
        /// The latest arrival drawn, in seconds from the start, kept unrounded so that rounding to
        /// milliseconds does not add up.
        var lastArrival = 0.0
        var figures = StreamFigures()
        var series: [IntervalFigures]
        var waiting = 0
        var waitingSince: Int64 = 0
    }

    /// The reason simulated agents give when their shift ends during a call.
    static let shiftEnd: NotReadyReason = "end-of-shift"

    init(plan: SimulationPlan, seed: UInt64) throws(SimulationError) {
        try plan.validate()
        self.plan = plan
        let center = plan.simulatedCenter
        do {
            engine = try RoutingEngine(configuration: center, start: Instant(millisecondsSinceEpoch: 0), seed: SimulationRandom.seed(seed, stream: 0))
        } catch {
            throw .configuration(error)
        }
        let end = plan.duration.milliseconds
        let seriesLength = plan.seriesInterval.milliseconds
        self.end = end
        self.seriesLength = seriesLength
        measuredFrom = plan.warmUp.milliseconds
        intervalLength = plan.traffic.interval.milliseconds
        acceptDelay = plan.traffic.acceptDelay.milliseconds

        var queueNumbers: [QueueID: Int] = [:]
        for (number, queue) in center.queues.enumerated() {
            queueNumbers[queue.id] = number
        }
        // The plan was validated: every stream's queue is configured.
        streamQueues = plan.traffic.streams.map { queueNumbers[$0.queue] ?? 0 }
        thresholds = streamQueues.map { center.queues[$0].serviceLevelThreshold.milliseconds }
        queueWork = Array(repeating: 0, count: center.queues.count)
        queueIdle = Array(repeating: 0, count: center.queues.count)

        let buckets = Int((end + seriesLength - 1) / seriesLength)
        let series = (0..<buckets).map { index in
            let start = Int64(index) * seriesLength
            return IntervalFigures(startMilliseconds: start, lengthMilliseconds: min(seriesLength, end - start))
        }
        streams = plan.traffic.streams.indices.map { index in
            let base = UInt64(index + 1) * 3
            return StreamState(
                arrivals: SimulationRandom(seed: SimulationRandom.seed(seed, stream: base)),
                handleTimes: SimulationRandom(seed: SimulationRandom.seed(seed, stream: base + 1)),
                patience: SimulationRandom(seed: SimulationRandom.seed(seed, stream: base + 2)),
                series: series
            )
        }
        let engine = engine
        agents = center.agents.map { agent in
            let served = engine.agentStatus(agent.id)?.queues.compactMap { queueNumbers[$0.queue] } ?? []
            return SimulatedAgent(id: agent.id, queues: served)
        }
        for (number, agent) in agents.enumerated() {
            agentNumbers[agent.id] = number
        }
    }

    /// Runs to the end and returns what was measured.
    mutating func run() throws(SimulationError) -> ReplicationResult {
        try changeShift(to: plan.agentsOnShift(inInterval: 0))
        let intervals = plan.staffing.count
        if intervals > 1 {
            for interval in 1..<intervals where Int64(interval) * intervalLength < end {
                events.schedule(.shiftChange(interval: interval), at: Int64(interval) * intervalLength)
            }
        }
        for stream in streams.indices {
            scheduleArrival(stream: stream)
        }
        while true {
            let engineDue = engine.nextDeadline?.millisecondsSinceEpoch
            let eventDue = events.nextTime
            if let engineDue, engineDue < end, engineDue <= eventDue ?? .max {
                // The engine's deadlines first when they tie with an event of ours.
                try absorb(engine.advance(to: Instant(millisecondsSinceEpoch: engineDue)))
            } else if let eventDue, eventDue < end, let (time, event) = events.pop() {
                try absorb(engine.advance(to: Instant(millisecondsSinceEpoch: time)))
                try carryOut(event, at: time)
            } else {
                break
            }
        }
        return finish()
    }

    // MARK: Events

    private mutating func carryOut(_ event: SimulationEvent, at time: Int64) throws(SimulationError) {
        switch event {
        case .arrival(let stream):
            try arrive(stream: stream, at: time)
        case .hangup(let call):
            try perform(.hangup(call: calls[call].id, by: .caller))
        case .patienceEnds(let call):
            if !calls[call].isConnected, !calls[call].isFinished {
                try perform(.abandon(call: calls[call].id))
            }
        case .answer(let call, let agent):
            if agents[agent].ringing == call {
                try perform(.accept(call: calls[call].id, agent: agents[agent].id))
            }
        case .shiftChange(let interval):
            try changeShift(to: plan.agentsOnShift(inInterval: interval))
        }
    }

    private mutating func arrive(stream index: Int, at time: Int64) throws(SimulationError) {
        let stream = plan.traffic.streams[index]
        let number = calls.count
        let talk = stream.handleTime.sampleMilliseconds(using: &streams[index].handleTimes)
        let patience = stream.patience.map { $0.sampleMilliseconds(using: &streams[index].patience) }
        let id = CallID("c\(number)")
        let call = SimulatedCall(id: id, stream: index, arrival: time, talk: talk, isMeasured: time >= measuredFrom)
        calls.append(call)
        callNumbers[id] = number
        streams[index].series[bucket(time)].offered += 1
        if call.isMeasured {
            streams[index].figures.offered += 1
        }
        if let patience {
            events.schedule(.patienceEnds(call: number), at: time + patience)
        }
        scheduleArrival(stream: index)
        try perform(.enqueue(NewCall(id: id, queue: stream.queue, priority: stream.priority)))
    }

    /// Draws the stream's next arrival and schedules it, unless it comes after the end.
    private mutating func scheduleArrival(stream index: Int) {
        guard let next = plan.traffic.streams[index].nextArrival(
            after: streams[index].lastArrival, intervalSeconds: Double(intervalLength) / 1000, using: &streams[index].arrivals
        ) else { return }
        streams[index].lastArrival = next
        let time = (next * 1000).rounded()
        if time < Double(end) {
            events.schedule(.arrival(stream: index), at: Int64(time))
        }
    }

    /// Brings the number of agents on shift to `count`: the first `count` agents of the team.
    /// Arriving agents log in ready; leaving agents log out, or finish their call and wrap-up first.
    private mutating func changeShift(to count: Int) throws(SimulationError) {
        let before = onShift
        onShift = min(count, agents.count)
        for agent in before..<max(before, onShift) where engine.agentStatus(agents[agent].id)?.state == .loggedOut {
            try perform(.login(agent: agents[agent].id))
        }
        for agent in onShift..<max(before, onShift) {
            switch engine.agentStatus(agents[agent].id)?.state {
            case .notReady:
                try perform(.logout(agent: agents[agent].id))
            case .ready, .offered, .busy, .wrapUp:
                // Forced: the end of a shift is no break the center's policy may defer or refuse, nor
                // a departure the last-agent rule may refuse; the agent logs out once not ready.
                try perform(.forceNotReady(agent: agents[agent].id, reason: Self.shiftEnd))
            case .loggedOut, nil:
                break
            }
        }
    }

    // MARK: Commands

    /// Gives the engine `command` and the commands the simulated clients answer its effects with.
    private mutating func perform(_ command: Command) throws(SimulationError) {
        followUps.append(command)
        try performFollowUps()
    }

    /// Follows effects of time passing, and the commands the simulated clients answer them with.
    private mutating func absorb(_ effects: [Effect]) throws(SimulationError) {
        apply(effects)
        try performFollowUps()
    }

    /// Gives the engine the commands waiting in `followUps`, and those their effects call for,
    /// in order.
    private mutating func performFollowUps() throws(SimulationError) {
        var index = 0
        while index < followUps.count {
            let next = followUps[index]
            index += 1
            let effects: [Effect]
            do {
                effects = try engine.handle(next)
            } catch {
                throw .engineRefused(next, error)
            }
            apply(effects)
        }
        followUps.removeAll(keepingCapacity: true)
    }

    func bucket(_ time: Int64) -> Int {
        Int(time / seriesLength)
    }
}
