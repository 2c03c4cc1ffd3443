public import ACDCore

/// Turns what the engine does into call records and agent state intervals. A pure value (no I/O,
/// no clock) that the daemon keeps next to the engine, stores in the same snapshots and feeds the
/// same journal entries on replay: it builds the same rows again, which the store writes
/// idempotently.
public struct RecordKeeper: Sendable, Codable {
    /// Each queue's service-level threshold, stored in each call's record when it arrives. A
    /// `reconfigure` command observed replaces them.
    public var serviceLevelThresholds: [QueueID: Duration]
    /// Each configured segment's service-level target, stored in the record of each call of the
    /// segment when it arrives; replaced like the thresholds. Nil in a keeper saved before segments.
    public var segmentTargets: [String: Duration]?
    /// Calls not written yet, live or waiting for a wrap-up to end.
    var calls: [CallKey: CallInProgress] = [:]
    /// The key of each call live in the engine.
    var live: [CallID: CallKey] = [:]
    var agents: [AgentID: AgentTrack] = [:]
    /// The instant of the latest arrival, and how many times each id arrived at that instant.
    var latestArrival: Instant?
    var arrivalsAtLatest: [CallID: Int] = [:]

    /// A keeper with the thresholds of `configuration`'s queues.
    public init(configuration: CenterConfiguration) {
        self.init(serviceLevelThresholds: Self.thresholds(of: configuration))
        segmentTargets = Self.targets(of: configuration)
    }

    public init(serviceLevelThresholds: [QueueID: Duration]) {
        self.serviceLevelThresholds = serviceLevelThresholds
    }

    /// Takes the effects of one engine step, which happened at `instant` because of `command` (nil
    /// for time passing), and returns the rows that step completed: calls whose record is final,
    /// intervals that ended, and the intervals agents entered. Call it after every successful
    /// `handle` and after every `advance` (see `advance(_:to:)` for exact instants).
    public mutating func observe(_ effects: [Effect], at instant: Instant, command: Command?) -> RecordBatch {
        if case .reconfigure(let configuration, _) = command {
            serviceLevelThresholds = Self.thresholds(of: configuration)
            segmentTargets = Self.targets(of: configuration)
        }
        var step = Step(instant: instant, command: command)
        for effect in effects {
            apply(effect, in: &step)
        }
        for agent in step.enteredState {
            if let current = agents[agent]?.current, current.start == instant { step.batch.intervals.append(current) }
        }
        for key in step.touchedCalls {
            if let record = calls[key]?.recorded {
                calls[key] = nil
                step.batch.calls.append(record)
            }
        }
        return step.batch
    }

    /// Moves `engine` to `instant` one deadline at a time, observing each step at the instant its
    /// deadlines fell due (one `advance(to: instant)` would report them all at `instant`). Returns
    /// the effects, in order, and the rows.
    public mutating func advance(_ engine: inout RoutingEngine, to instant: Instant) -> (effects: [Effect], records: RecordBatch) {
        var records = RecordBatch()
        let effects = engine.advance(to: instant) { at, fired in
            records.append(observe(fired, at: at, command: nil))
        }
        return (effects, records)
    }

    private static func thresholds(of configuration: CenterConfiguration) -> [QueueID: Duration] {
        var thresholds: [QueueID: Duration] = [:]
        for queue in configuration.queues {
            thresholds[queue.id] = queue.serviceLevelThreshold
        }
        return thresholds
    }

    private static func targets(of configuration: CenterConfiguration) -> [String: Duration] {
        Dictionary(configuration.segments.map { ($0.id, $0.target) }, uniquingKeysWith: { first, _ in first })
    }

    private mutating func apply(_ effect: Effect, in step: inout Step) {
        let instant = step.instant
        switch effect {
        case .callQueued(let id, _, _, _):
            // Opens the record of a call that arrives to wait.
            updateCall(id, in: &step) { _ in }
        case .tierOpened, .callDurationExceeded, .agentMissedOffers, .breakDeferred, .breakStarted, .breakCancelled,
             .breakQuotaReached, .dailyTargetReached, .lastAgentLeaving, .openingChanged:
            return
        case .dialQueued(let id, _, let target, let due):
            dialQueued(id, target: target, due: due, in: &step)
        case .dialRequested(let id, let agent, _, _):
            dialRequested(id, agent: agent, in: &step)
        case .dialFailed(let id, let agent, let result, _):
            dialFailed(id, agent: agent, result: result, in: &step)
        case .offer(let offer):
            updateCall(offer.call, in: &step) { call in
                call.offers.append(.init(agent: offer.agent, queue: offer.decision.queue, offered: instant))
            }
        case .offerWithdrawn(let id, let agent, let reason):
            updateCall(id, in: &step) { call in
                _ = call.endOffer(agent: agent, at: instant, result: OfferResult(reason))
            }
        case .callConnected(let id, let agent, _):
            updateCall(id, in: &step) { call in
                // A dialed call's offer ended when the agent accepted; its attempt reached the customer.
                let queue = call.endOffer(agent: agent, at: instant, result: .accepted)?.queue
                    ?? call.dial?.endAttempt(agent: agent, at: instant, result: .reached)?.queue
                call.connection = .init(agent: agent, queue: queue ?? call.currentQueue, answered: instant)
                if call.answered == nil {
                    call.answered = instant
                    call.answeredBy = agent
                }
            }
        case .callOverflowed(let id, let from, let to):
            moved(id, to: to, from: from, kind: .overflowed, in: &step)
        case .callMoved(let id, let from, let to):
            moved(id, to: to, from: from, kind: .moved, in: &step)
        case .callRedirected(let id, let from, let to):
            moved(id, to: to, from: from, kind: .redirected, in: &step)
        case .callWidened(let id, let queues):
            updateCall(id, in: &step) { call in
                call.history += queues.map { QueueEvent(at: instant, kind: .widened, queue: $0) }
            }
        case .callTransferred(let id, let agent, let from, let to):
            endTalk(id, ending: .transfer, in: &step)
            updateCall(id, in: &step) { call in
                call.history.append(QueueEvent(at: instant, kind: .transferred, queue: to, from: from, agent: agent))
                call.currentQueue = to
            }
        case .consultOffered, .consultEnded:
            return
        case .callHandedOver(let id, let from, let to, let requested):
            handedOver(id, from: from, to: to, requested: requested, in: &step)
        case .callEscalated(let id, let by, let from, let to, _):
            escalated(id, by: by, from: from, to: to, in: &step)
        case .callReprioritized(let id, let priority):
            updateCall(id, in: &step) { $0.priority = priority }
        case .serviceLevelEscalated(let id, _, _, let priority):
            updateCall(id, in: &step) { call in
                call.escalated = instant
                call.priority = priority
            }
        case .serviceLevelBreached(let id, _, _):
            updateCall(id, in: &step) { $0.breached = instant }
        case .callFinished(let id, let outcome):
            finish(id, outcome: outcome, in: &step)
        case .agentStateChanged(let agent, let state):
            agentChanged(agent, to: state, in: &step)
        case .callClassified(let id, let agent, _, let classification):
            classified(id, by: agent, as: classification, in: &step)
        case .callSurveyed(let id, let agent, let queue, let score):
            surveyed(id, SurveyScore(score: score, agent: agent, queue: queue, at: instant), in: &step)
        }
    }

    /// What one call to `observe` gathers.
    struct Step {
        let instant: Instant
        let command: Command?
        var batch = RecordBatch()
        /// Calls changed in this step, in the order first changed: candidates for writing.
        var touchedCalls: [CallKey] = []
        /// Agents that entered a new state in this step, in order.
        var enteredState: [AgentID] = []

        init(instant: Instant, command: Command?) {
            self.instant = instant
            self.command = command
        }

        mutating func touch(_ key: CallKey) {
            if !touchedCalls.contains(key) { touchedCalls.append(key) }
        }
    }
}
