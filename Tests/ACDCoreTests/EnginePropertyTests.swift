import ACDCore
import PropertyBased
import Testing

/// Property tests of `RoutingEngine`: seeded random runs of a small center (time passing plus
/// commands chosen from the live state, valid and invalid), with these checked after every step:
/// - a call rings for more than one agent only under ring-all;
/// - an agent holds at most one call, and its state (`.offered(c)`, `.busy(c)`) agrees with the call's;
/// - no routable agent is eligible for a waiting call;
/// - every call finishes exactly once: `.callFinished` only for a live call, `liveCallIDs` equal to
///   the calls enqueued and not finished, `.ended` only from its hangup, `.abandoned` from its abandon;
///   after the run every call is ended and each enqueued one finished exactly once;
/// - a command the public state allows is carried out, one it forbids is refused, and a refused
///   command changes nothing (statuses, positions, queues, and the effects of the next minute);
/// - `nextDeadline`, if any, is not before `now`;
/// - under a break policy (two variants of three: queued or refused over the team limit, both
///   deferring breaks while calls wait): a team never goes over its limit except through force; no
///   agent ringing or on a call has a break started; a break never starts past its daily count or
///   time except through force; a pending break never stays pending when its agent is free and
///   the policy lets it start, nor when the policy refuses it;
/// - business hours (queues opened and closed at random): a call never joins a queue that was
///   closed when it arrived, a queue closing with `leave` keeps none of its waiting calls, and a
///   `closed` outcome comes only from an arrival or a closing.
/// A violation fails with the seed, the step, the recent trace and a shrunk command sequence that
/// reproduces it. Same seed, same effects: checked too.
@Suite("Engine properties")
struct EnginePropertyTests {
    static let stepsPerRun = 300

    /// 200 fixed seeds, in parallel batches; seed % 9 picks the variant (strategies and break
    /// policy). A batch goes on
    /// after a failing seed and reports each broken invariant once.
    @Test("invariants hold after every step of random runs (fixed seeds)", arguments: 0..<8)
    func fixedSeeds(batch: Int) async {
        var reported: Set<String> = []
        for seed in UInt64(batch * 25)..<UInt64(batch * 25 + 25) {
            let run = EngineSimulation.run(seed: seed, steps: Self.stepsPerRun)
            for failure in run.failures where reported.insert(failure.violation.kind).inserted {
                await Self.record(seed: seed, run: run, failure: failure)
            }
        }
    }

    /// Fresh seeds on every test run; a failure names its seed, which replays with
    /// `EngineSimulation.run(seed:steps:)` and can join the fixed seeds.
    @Test("invariants hold after every step of random runs (random seeds)", .shrinking(false))
    func randomSeeds() async {
        await propertyCheck(count: 16, input: Gen.uint64(in: 1_000...UInt64.max).withoutShrink()) { seed in
            let run = EngineSimulation.run(seed: seed, steps: Self.stepsPerRun)
            for failure in run.failures {
                await Self.record(seed: seed, run: run, failure: failure)
            }
        }
    }

    /// Records a failure; the first one of each kind in the whole test run is shrunk (shrinking
    /// replays the run many times, so the others point to it).
    private static func record(seed: UInt64, run: EngineSimulation.Run, failure: EngineSimulation.Failure) async {
        let shrink = await ShrinkRegistry.shared.claim(failure.violation.kind)
        Issue.record(Comment(rawValue: EngineSimulation.report(seed: seed, run: run, failure: failure, shrink: shrink)))
    }

    @Test("the same seed gives the same actions and the same effects")
    func determinism() {
        for seed in UInt64(0)..<18 {
            let first = EngineSimulation.run(seed: seed, steps: Self.stepsPerRun)
            let second = EngineSimulation.run(seed: seed, steps: Self.stepsPerRun)
            #expect(first.actions == second.actions, "seed \(seed): the generated actions differ")
            guard first.effects.count == second.effects.count else {
                Issue.record("seed \(seed): \(first.effects.count) vs \(second.effects.count) steps of effects")
                continue
            }
            if let step = first.effects.indices.first(where: { first.effects[$0] != second.effects[$0] }) {
                Issue.record("""
                    seed \(seed) step \(step) (\(first.actions[step])): effects differ between two runs
                      first:  \(first.effects[step])
                      second: \(second.effects[step])
                    """)
            }
            // The runs must also have exercised the engine, or the property says little.
            let flat = first.effects.joined()
            #expect(flat.contains { if case .callConnected = $0 { true } else { false } }, "seed \(seed): no call connected")
        }
    }

    /// The generator must reach the interesting states, or the invariants are checked on little.
    @Test("random runs reach offers, ring-all, overflow, tiers, wrap-up, reconfiguration and refused commands")
    func coverage() {
        var counts: [String: Int] = [:]
        for seed in UInt64(0)..<30 {
            let run = EngineSimulation.run(seed: seed, steps: Self.stepsPerRun)
            for (key, value) in run.statistics { counts[key, default: 0] += value }
        }
        for key in [
            "offer", "ring-all offer", "connected", "withdrawn", "tier opened", "overflowed", "widened",
            "transferred", "finished ended", "finished abandoned", "finished timedOut", "finished leftNoAgents",
            "finished rejectedFull", "finished overflowedOut", "duration exceeded", "missed offers", "refused",
            "wrap-up", "resting", "reconfigured", "break deferred", "break started from pending", "break quota reached",
            "break refused", "break forced", "classified", "scored", "classification refused", "score refused",
            "queue closed", "queue opened", "finished closed", "redirected", "escalated", "breached",
            "consult offered", "handed over", "consult ended", "escalated by agent",
            "dial queued", "dial scheduled", "dial requested", "dial failed", "finished unreached", "finished cancelled",
            "callback reached", "outbound reached",
        ] {
            #expect(counts[key, default: 0] > 0, "no '\(key)' in 30 runs: \(counts.sorted { $0.key < $1.key })")
        }
    }
}

/// Which kinds of violation have been shrunk already in this test process.
private actor ShrinkRegistry {
    static let shared = ShrinkRegistry()
    private var claimed: Set<String> = []

    func claim(_ kind: String) -> Bool { claimed.insert(kind).inserted }
}

// MARK: - The center

/// The simulated center: four queues, eight agents serving one to three queues at tiers 1-3;
/// support escalates to general, the others to their next tier.
enum SimulatedCenter {
    static let sales: QueueID = "sales"
    static let support: QueueID = "support"
    static let billing: QueueID = "billing"
    static let general: QueueID = "general"
    static let queues = [sales, support, billing, general]
    static let unknownQueue: QueueID = "nowhere"
    /// The queues' reserves of ready agents for inbound calls (their dial policies).
    static let outboundReserves: [QueueID: Int] = [general: 1]
    static let agents: [AgentID] = ["a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8"]
    static let unknownAgent: AgentID = "ghost"
    static let start = Instant.seconds(1_700_000_000)
    static let reasons: [NotReadyReason] = [.onBreak, .lunch, .training, .meeting, "coaching"]
    /// The number of variants: strategies times break policies.
    static let variants = 9

    /// Strategies of sales, support, billing and general, by variant.
    static let strategies: [[RoutingStrategy]] = [
        [.longestIdle, .ringAll, .random, .roundRobin],
        [.fewestCalls, .leastTalkTime, .bestProficiency, .topDown],
        [.ringAll, .random, .bestProficiency, .ringAll],
    ]

    /// The break policy of a variant: none; queued over the team limit of 2; refused over 40% of
    /// the team. Both defer breaks while calls wait; "coaching" is not a reason.
    static func breakPolicy(variant: Int) -> BreakPolicy {
        let reasons = [
            BreakReason(.onBreak, dailyCount: 3, dailyTime: .seconds(40), staggered: true),
            BreakReason(.lunch, dailyCount: 1, staggered: true),
            BreakReason(.training),
            BreakReason(.meeting, dailyCount: 2, dailyTime: .seconds(30)),
        ]
        switch variant / strategies.count {
        case 1: return BreakPolicy(reasons: reasons, deferWhileCallsWait: true, maxOnBreak: .agents(2), overLimit: .queue)
        case 2: return BreakPolicy(reasons: reasons, deferWhileCallsWait: true, maxOnBreak: .percent(40), overLimit: .refuse)
        default: return BreakPolicy()
        }
    }

    /// Billing requires a classification with a motive (and a sub-motive of 'invoice'); general
    /// has its own call types; sales and support have the default catalogue.
    static let billingCatalogue = ClassificationCatalogue(required: true, motives: [.init("invoice", subMotives: ["copy"]), .init("payment")])
    static let generalCatalogue = ClassificationCatalogue(callTypes: ["solved", "escalated"])
    /// What agents end wrap-up with: none, fitting one catalogue or another, or fitting none.
    static let classifications: [CallClassification?] = [
        nil, CallClassification(callType: "perfect"), CallClassification(callType: "perfect", motive: "payment"),
        CallClassification(callType: "improper", motive: "invoice", subMotive: "copy"), CallClassification(callType: "solved"),
        CallClassification(callType: "bogus"),
    ]
    /// Business hours whose calendar the engine never reads: the property runs open and close
    /// the queues at random (`setOpen`), billing and general without hours (refused when closed).
    static func hours(_ whenClosed: ClosedTreatment, _ atClosing: ClosingTreatment) -> BusinessHours {
        BusinessHours(timeZone: "Europe/Madrid", week: [.monday: [DailySpan(opens: 480, closes: 1020)]], whenClosed: whenClosed, atClosing: atClosing)
    }

    static func configuration(variant: Int) -> CenterConfiguration {
        let strategy = strategies[variant % strategies.count]
        let queues = [
            QueueConfiguration(
                id: sales, strategy: strategy[0], tierWait: .seconds(10),
                overflow: [
                    OverflowStep(after: .seconds(20), action: .widen([support])),
                    OverflowStep(after: .seconds(26), action: .widen([sales, support])),
                    OverflowStep(after: .seconds(100), action: .moveTo(general)),
                ],
                maxLength: 6, offerTimeout: .seconds(8), maxNoAnswer: 2, rejectDelay: .seconds(4),
                wrapUp: .seconds(10), maxCallDuration: CallDurationLimit(soft: .seconds(60), hard: .seconds(90)),
                weight: 2, hours: hours(.sendTo(general), .leave), dialing: DialPolicy(maxAttempts: 3, retryDelay: .seconds(10))
            ),
            // Here and in sales: steps closer together than the offer timeout, and widenings that
            // name the queue itself or add no new queue (a valid configuration).
            QueueConfiguration(
                id: support, strategy: strategy[1], tierWait: .seconds(6),
                overflow: [
                    OverflowStep(after: .seconds(15), action: .widen([support, billing])),
                    OverflowStep(after: .seconds(22), action: .widen([billing])),
                    OverflowStep(after: .seconds(30), action: .leave),
                ],
                maxWaitWithNoAgent: .seconds(25), offerTimeout: .seconds(10), maxNoAnswer: 3, rejectDelay: .zero,
                wrapUp: .zero, maxCallDuration: CallDurationLimit(soft: .seconds(45)), hours: hours(.voicemail("vm"), .serve), escalationQueue: general
            ),
            QueueConfiguration(
                id: billing, requiredSkills: [SkillRequirement("billing", minimumProficiency: 3)],
                strategy: strategy[2], tierWait: .seconds(8),
                overflow: [
                    OverflowStep(after: .seconds(60), action: .divert(destination: "voicemail")),
                    OverflowStep(after: .seconds(15), action: .widen([general])),
                ],
                maxLength: 4, joinWhenEmpty: false, offerTimeout: .seconds(6), maxNoAnswer: 1,
                rejectDelay: .seconds(3), wrapUp: .seconds(5), classification: billingCatalogue, hours: hours(.callback, .serve)
            ),
            QueueConfiguration(
                id: general, strategy: strategy[3], tierWait: .seconds(4),
                overflow: [OverflowStep(after: .seconds(50), action: .moveTo(sales))],
                maxWaitWithNoAgent: .zero, maxLength: 3, offerTimeout: .seconds(12), maxNoAnswer: 0,
                rejectDelay: .seconds(8), wrapUp: .seconds(20),
                maxCallDuration: CallDurationLimit(soft: .seconds(30), hard: .seconds(30)), classification: generalCatalogue,
                dialing: DialPolicy(maxAttempts: 2, retryDelay: .seconds(20), outboundReserve: 1)
            ),
        ]
        let agents = [
            AgentConfiguration(id: "a1", tiers: [sales: 1, support: 1], team: "north"),
            AgentConfiguration(id: "a2", tiers: [sales: 2, general: 1], team: "north"),
            AgentConfiguration(id: "a3", skills: ["billing": 5], tiers: [support: 2, general: 3], team: "north"),
            AgentConfiguration(id: "a4", skills: ["billing": 8], tiers: [billing: 2, sales: 3], team: "north"),
            AgentConfiguration(id: "a5", tiers: [general: 1], wrapUp: .zero, team: "south"),
            AgentConfiguration(id: "a6", tiers: [support: 3, sales: 1, general: 2], wrapUp: .seconds(15), team: "south"),
            AgentConfiguration(id: "a7", skills: ["billing": 3, "spanish": 6], tiers: [support: 1], team: "south"),
            AgentConfiguration(id: "a8", skills: ["billing": 2], tiers: [general: 2]),
        ]
        return CenterConfiguration(queues: queues, agents: agents, breaks: breakPolicy(variant: variant), segments: segments)
    }

    /// The customer segments, the same in every variant (so a reconfiguration keeps every
    /// clock's instants): vip with a max wait shorter than some queues' steps, gold escalated a
    /// duration before its target. Calls also come with a segment that is not configured.
    static let segments = [
        SegmentPolicy(id: "vip", priority: 3, target: .seconds(12), escalation: .percent(75), escalatedPriority: 8, maxWait: .seconds(24)),
        SegmentPolicy(id: "gold", target: .seconds(30), escalation: .before(.seconds(5))),
    ]
}

// MARK: - Actions and violations

/// One step of a run.
enum SimulatedAction: Equatable, Sendable, CustomStringConvertible {
    case advance(to: Instant)
    case command(Command)
    /// The center reconfigured to another variant (other strategies) with everything live.
    case reconfigure(variant: Int)

    var description: String {
        switch self {
        case .advance(let instant): "advance(to: \(SimulatedAction.time(instant)))"
        case .reconfigure(let variant): "reconfigure(variant: \(variant))"
        case .command(let command): SimulatedAction.describe(command)
        }
    }

    static func time(_ instant: Instant) -> String {
        let offset = instant.millisecondsSinceEpoch - SimulatedCenter.start.millisecondsSinceEpoch
        let magnitude = offset.magnitude
        return "t\(offset < 0 ? "-" : "+")\(magnitude / 1000).\(String(1000 + magnitude % 1000).dropFirst())s"
    }

    static func describe(_ command: Command) -> String {
        switch command {
        case .enqueue(let call):
            var text = "enqueue(\(call.id) -> \(call.queue), priority \(call.priority)"
            if let entered = call.enteredSystem { text += ", entered \(time(entered))" }
            return text + ")"
        case .accept(let call, let agent): return "accept(\(call), \(agent))"
        case .reject(let call, let agent): return "reject(\(call), \(agent))"
        case .noAnswer(let call, let agent): return "noAnswer(\(call), \(agent))"
        case .hangup(let call, let party): return "hangup(\(call), by: \(party))"
        case .abandon(let call): return "abandon(\(call))"
        case .transfer(let call, let queue): return "transfer(\(call), to: \(queue))"
        case .reprioritize(let call, let priority): return "reprioritize(\(call), \(priority))"
        case .move(let call, let queue): return "move(\(call), to: \(queue))"
        case .login(let agent, let reason): return "login(\(agent)\(reason.map { ", notReady: \($0)" } ?? ""))"
        case .logout(let agent): return "logout(\(agent))"
        case .forceLogout(let agent): return "forceLogout(\(agent))"
        case .ready(let agent): return "ready(\(agent))"
        case .notReady(let agent, let reason): return "notReady(\(agent), \(reason))"
        case .forceNotReady(let agent, let reason): return "forceNotReady(\(agent), \(reason))"
        case .wrapUpDone(let agent, let classification):
            guard let classification else { return "wrapUpDone(\(agent))" }
            let parts = [classification.callType, classification.motive, classification.subMotive].compactMap { $0 }
            return "wrapUpDone(\(agent), \(parts.joined(separator: "/")))"
        case .survey(let call, let score): return "survey(\(call), \(score))"
        case .consultTransfer(let call, let from, let to): return "consultTransfer(\(call), \(from) -> \(to))"
        case .acceptConsult(let call, let agent): return "acceptConsult(\(call), \(agent))"
        case .declineConsult(let call, let agent): return "declineConsult(\(call), \(agent))"
        case .escalate(let call, let agent): return "escalate(\(call), by: \(agent.map(\.rawValue) ?? "supervisor"))"
        case .beginDay: return "beginDay"
        case .reconfigure: return "reconfigure"
        case .setOpen(let queue, let state):
            return "setOpen(\(queue), \(state.isOpen ? "open" : "closed")\(state.until.map { " until \(time($0))" } ?? ""))"
        case .requestCallback(let call, let number, let notBefore):
            return "requestCallback(\(call), \(number)\(notBefore.map { ", not before \(time($0))" } ?? ""))"
        case .pushOutbound(let call):
            return "pushOutbound(\(call.id) -> \(call.queue), priority \(call.priority)\(call.notBefore.map { ", not before \(time($0))" } ?? ""))"
        case .dialResult(let call, let result): return "dialResult(\(call), \(result.name))"
        }
    }
}

/// A broken invariant: `kind` names the property (shrinking keeps it), `detail` says what was seen.
struct SimulationViolation: Error, Equatable, Sendable {
    var kind: String
    var detail: String
}

/// Everything observable about the engine, to tell that a refused command changed nothing.
private struct EngineSnapshot: Equatable {
    var now: Instant
    var liveCalls: [CallID]
    var calls: [CallStatus?]
    var positions: [Int?]
    var waits: [Duration?]
    var agents: [AgentStatus?]
    var queues: [QueueStatus?]

    init(_ engine: RoutingEngine) {
        now = engine.now
        liveCalls = engine.liveCallIDs
        calls = liveCalls.map { engine.callStatus($0) }
        positions = liveCalls.map { engine.position(of: $0)?.position }
        waits = liveCalls.map { engine.position(of: $0)?.estimatedWait }
        agents = engine.agentIDs.map { engine.agentStatus($0) }
        queues = engine.queueIDs.map { engine.queueStatus($0) }
    }
}

// MARK: - The simulation

/// A run of the engine against a model of which calls are live, checking invariants after every
/// step. It generates its actions from a seed, or replays given ones (shrinking).
struct EngineSimulation {
    struct Run {
        var variant: Int
        var actions: [SimulatedAction] = []
        var effects: [[Effect]] = []
        /// The broken invariants, the first of each kind. The run stops at the first one that
        /// leaves the model unreliable; a deadline left in the past does not stop it, so that it
        /// cannot hide other bugs.
        var failures: [Failure] = []
        var statistics: [String: Int] = [:]
    }

    struct Failure {
        var step: Int
        var violation: SimulationViolation
    }

    static let lateDeadline = "deadline in the past"

    private(set) var engine: RoutingEngine
    private let variant: Int
    private let policy: BreakPolicy
    private let agentIDs: [AgentID]
    /// Agents and reasons a supervisor forced since the day began: their quotas may be passed.
    private var forcedToday: Set<String> = []
    /// Forced breaks that wait for the end of a call, whatever day they started on (a new day
    /// does not take the force away): their start may take a team over its limit.
    private var forcedWaiting: Set<String> = []
    /// The calls the model says are live: enqueued (and not refused at once) and not finished.
    private var live: Set<CallID> = []
    private var finishedIDs: [CallID] = []
    /// The agent each connected call is with, and the call each agent last took (its wrap-up's).
    private var connectedAgent: [CallID: AgentID] = [:]
    private var wrappingUp: [AgentID: CallID] = [:]
    /// The call last offered to each agent and the queue it was offered for; the queue whose
    /// catalogue classifies the call each agent last took.
    private var offeredFor: [AgentID: (call: CallID, queue: QueueID)] = [:]
    private var catalogueQueue: [AgentID: QueueID] = [:]
    /// Answered calls that ended and are not scored yet: for whom, and when.
    private var endedForSurvey: [CallID: (agent: AgentID, at: Instant)] = [:]
    private var acceptedEnqueues = 0
    /// The kind of each call that became a callback or outbound call (for the statistics).
    private var dialedKinds: [CallID: DialKind] = [:]
    /// The home queue of each call to dial, whose policy counts its attempts.
    private var dialHome: [CallID: QueueID] = [:]
    private var finishes = 0
    private var random: Xoshiro
    private var nextCallNumber = 0
    /// The consult transfer going on for each call: its target.
    private var consults: [CallID: AgentID] = [:]
    private(set) var statistics: [String: Int] = [:]
    /// Violations that do not stop a run, found by the last step.
    private var lateDeadlines: [SimulationViolation] = []
    /// Calls of a configured segment, with the instant their clock counts from; and those
    /// answered, escalated and breached.
    private var clocks: [CallID: (entered: Instant, policy: SegmentPolicy)] = [:]
    private var answered: Set<CallID> = []
    private var escalated: Set<CallID> = []
    private var breached: Set<CallID> = []

    init(variant: Int, seed: UInt64) {
        self.variant = variant
        policy = SimulatedCenter.breakPolicy(variant: variant)
        // The configuration is valid by construction; a throw here is a test bug.
        engine = try! RoutingEngine(
            configuration: SimulatedCenter.configuration(variant: variant), start: SimulatedCenter.start, seed: seed
        )
        agentIDs = engine.agentIDs
        random = Xoshiro(seed: (seed, 0xACDD_0000_5EED_0001, 0x9E37_79B9_7F4A_7C15, ~seed))
    }

    /// Generates and checks `steps` actions from `seed`, then ends every live call (abandon or
    /// hangup) and checks that every call got exactly one outcome.
    static func run(seed: UInt64, steps: Int) -> Run {
        let variant = Int(seed % UInt64(SimulatedCenter.variants))
        var simulation = EngineSimulation(variant: variant, seed: seed)
        var run = Run(variant: variant)
        func note(_ violation: SimulationViolation) {
            if !run.failures.contains(where: { $0.violation.kind == violation.kind }) {
                run.failures.append(Failure(step: run.actions.count - 1, violation: violation))
            }
        }
        var stopped = false
        func perform(_ action: SimulatedAction) -> Bool {
            run.actions.append(action)
            defer { simulation.takeLateDeadlines().forEach(note) }
            do {
                let (effects, _) = try simulation.apply(action)
                run.effects.append(effects)
                return true
            } catch {
                run.effects.append([])
                note(error)
                stopped = true
                return false
            }
        }
        for _ in 0..<steps {
            guard perform(simulation.nextAction()) else { break }
        }
        if !stopped {
            while let command = simulation.nextDrainCommand(), perform(.command(command)) {}
        }
        if !stopped {
            do { try simulation.checkAllFinished() } catch { note(error) }
        }
        run.statistics = simulation.statistics
        return run
    }

    /// Replays `actions` (a shrinking candidate) and returns the step at which they break the
    /// invariant `kind`, if they do before breaking another one that stops a run.
    static func replay(_ actions: [SimulatedAction], variant: Int, seed: UInt64, kind: String, finalCheck: Bool) -> Int? {
        var simulation = EngineSimulation(variant: variant, seed: seed)
        for (step, action) in actions.enumerated() {
            do { _ = try simulation.apply(action) } catch { return error.kind == kind ? step : nil }
            if simulation.takeLateDeadlines().contains(where: { $0.kind == kind }) { return step }
        }
        if finalCheck {
            do { try simulation.checkAllFinished() } catch { return error.kind == kind ? actions.count - 1 : nil }
        }
        return nil
    }

    mutating func takeLateDeadlines() -> [SimulationViolation] {
        defer { lateDeadlines = [] }
        return lateDeadlines
    }

    // MARK: Applying a step

    /// Carries out `action` and checks every invariant; returns the effects and the error of a
    /// refused command.
    mutating func apply(_ action: SimulatedAction) throws(SimulationViolation) -> ([Effect], EngineError?) {
        switch action {
        case .advance(let instant):
            let before = engine.now
            let teams = teamStatuses()
            let states = agentStates()
            let effects = engine.advance(to: instant)
            guard engine.now == max(before, instant) else {
                throw SimulationViolation(kind: "time", detail: "now is \(engine.now) after advancing from \(before) to \(instant)")
            }
            try account(effects, command: nil)
            try checkInvariants()
            try checkBreaks(effects, teamsBefore: teams, statesBefore: states, forced: false)
            return (effects, nil)
        case .reconfigure(let variant):
            let before = engine.liveCallIDs
            let teams = teamStatuses()
            let states = agentStates()
            let effects: [Effect]
            do {
                (engine, effects) = try engine.reconfigured(to: SimulatedCenter.configuration(variant: variant))
            } catch {
                throw SimulationViolation(kind: "reconfiguration refused", detail: error.message)
            }
            guard engine.liveCallIDs == before else {
                throw SimulationViolation(kind: "reconfiguration changed the calls", detail: "\(before) -> \(engine.liveCallIDs)")
            }
            count("reconfigured")
            try account(effects, command: nil)
            try checkInvariants()
            try checkBreaks(effects, teamsBefore: teams, statesBefore: states, forced: false)
            return (effects, nil)
        case .command(let command):
            let before = engine
            let teams = teamStatuses()
            let states = agentStates()
            let allowed = isAllowed(command)
            let effects: [Effect]
            do {
                effects = try engine.handle(command)
            } catch {
                count("refused")
                switch error {
                case .unknownReason, .breakQuotaExhausted, .breakLimitReached: count("break refused")
                case .classificationRequired, .classificationIncomplete, .unknownCallType, .unknownMotive: count("classification refused")
                case .invalidScore, .callNotEnded, .callNotSurveyable, .alreadyScored: count("score refused")
                default: break
                }
                if allowed == true {
                    throw SimulationViolation(kind: "allowed command refused", detail: "threw \(error)")
                }
                try checkUnchanged(before: before, error: error)
                try checkInvariants()
                return ([], error)
            }
            if allowed == false {
                throw SimulationViolation(kind: "invalid command carried out", detail: "effects \(effects)")
            }
            if case .requestCallback(let call, _, _) = command {
                // The caller left the line: no service-level clock any more.
                clocks[call] = nil
            }
            if case .pushOutbound(let call) = command {
                live.insert(call.id)
                acceptedEnqueues += 1
                clocks[call.id] = nil
                answered.remove(call.id)
            }
            if case .enqueue(let call) = command {
                live.insert(call.id)
                acceptedEnqueues += 1
                // A reused id starts over.
                clocks[call.id] = SimulatedCenter.segments.first { $0.id == call.segment }.map { (call.enteredSystem ?? engine.now, $0) }
                if effects.contains(where: { if case .dialQueued(call.id, _, _, _) = $0 { true } else { false } }) {
                    // Taken as a callback by a closed queue: no caller on the line, no clock.
                    clocks[call.id] = nil
                }
                answered.remove(call.id)
                escalated.remove(call.id)
                breached.remove(call.id)
            }
            var forced = false
            switch command {
            case .forceNotReady(let agent, let reason):
                forced = true
                forcedToday.insert("\(agent)/\(reason)")
                forcedWaiting = forcedWaiting.filter { !$0.hasPrefix("\(agent)/") }
                forcedWaiting.insert("\(agent)/\(reason)")
                count("break forced")
            case .beginDay:
                forcedToday = []
            default:
                break
            }
            try account(effects, command: command)
            try checkInvariants()
            try checkBreaks(effects, teamsBefore: teams, statesBefore: states, forced: forced, command: command)
            try checkHours(command, effects, before: before)
            return (effects, nil)
        }
    }

    /// A call never joins a queue that was closed when it arrived (it may come back to it later
    /// by overflow, even within its arrival: a segment's max wait passed at entry); a queue
    /// closing with `leave` keeps no waiting call of its own right after it closes.
    private func checkHours(_ command: Command, _ effects: [Effect], before: RoutingEngine) throws(SimulationViolation) {
        switch command {
        case .enqueue(let call):
            guard before.queueStatus(call.queue)?.opening?.isOpen == false else { return }
            let joined = effects.lazy.compactMap { effect -> QueueID? in
                if case .callQueued(call.id, let queue, _, _) = effect { queue } else { nil }
            }.first
            if joined == call.queue {
                throw SimulationViolation(kind: "call joined a closed queue", detail: "\(call.id) waits in \(call.queue), closed")
            }
        case .setOpen(let queue, let state):
            // Sales is the queue whose hours say `leave`; the calls ringing at closing stay, and
            // may wait again later.
            guard !state.isOpen, queue == SimulatedCenter.sales, before.queueStatus(queue)?.opening?.isOpen ?? true else { return }
            for id in engine.liveCallIDs where engine.callStatus(id)?.state == .waiting && engine.callStatus(id)?.queues.first?.queue == queue
                && engine.callStatus(id)?.dial == nil {
                throw SimulationViolation(kind: "call waits in a queue closed with leave", detail: "\(id) in \(queue)")
            }
        default:
            return
        }
    }

    /// Whether the engine must carry out `command` (true) or refuse it (false), judged from the
    /// public state alone; nil when either may be right.
    private func isAllowed(_ command: Command) -> Bool? {
        func state(_ call: CallID) -> CallState? { engine.callStatus(call)?.state }
        func agentState(_ agent: AgentID) -> AgentState? { engine.agentStatus(agent)?.state }
        switch command {
        case .enqueue(let call):
            return SimulatedCenter.queues.contains(call.queue) && !live.contains(call.id)
                && (0...9).contains(call.priority) && (call.enteredSystem ?? engine.now) <= engine.now
        case .accept(let call, let agent), .reject(let call, let agent), .noAnswer(let call, let agent):
            guard case .offered(let ringing)? = state(call) else { return false }
            return ringing.contains(agent)
        case .hangup(let call, _):
            guard case .connected? = state(call) else { return false }
            return true
        case .transfer(let call, let queue):
            guard case .connected? = state(call), SimulatedCenter.queues.contains(queue) else { return false }
            return nil  // refused when the target queue is full
        case .abandon(let call):
            switch state(call) {
            case .waiting?, .offered?, .scheduled?: return true
            case .connected?, .dialing?, nil: return false
            }
        case .reprioritize(let call, let priority):
            switch state(call) {
            case .waiting?, .offered?, .scheduled?: return (0...9).contains(priority)
            case .connected?, .dialing?, nil: return false
            }
        case .requestCallback(let call, let number, _):
            switch state(call) {
            case .waiting?, .offered?: return engine.callStatus(call)?.dial == nil && !number.isEmpty
            case .connected?, .dialing?, .scheduled?, nil: return false
            }
        case .pushOutbound(let call):
            return SimulatedCenter.queues.contains(call.queue) && !live.contains(call.id) && (0...9).contains(call.priority) && !call.number.isEmpty
        case .dialResult(let call, _):
            guard case .dialing? = state(call) else { return false }
            return true
        case .move(let call, let queue):
            switch state(call) {
            case .waiting?, .offered?, .scheduled?: return SimulatedCenter.queues.contains(queue) ? nil : false  // nil: refused when full
            case .connected?, .dialing?, nil: return false
            }
        case .login(let agent, let reason):
            guard agentState(agent) == .loggedOut else { return false }
            guard let reason else { return true }
            return breakAllowed(agent, reason, joining: true)
        case .logout(let agent), .forceLogout(let agent):
            switch agentState(agent) {
            case nil, .loggedOut?, .busy?: return false
            default: return true
            }
        case .ready(let agent):
            guard let current = agentState(agent) else { return false }
            // During wrap-up, a queue that requires a classification refuses it.
            if case .wrapUp = current { return classificationFits(nil, agent) }
            return current != .loggedOut
        case .notReady(let agent, let reason):
            guard let current = agentState(agent), current != .loggedOut else { return false }
            return current == .notReady(reason) || breakAllowed(agent, reason, joining: false)
        case .forceNotReady(let agent, _):
            return agentState(agent) != nil
        case .wrapUpDone(let agent, let classification):
            guard case .wrapUp? = agentState(agent) else { return false }
            return classificationFits(classification, agent)
        case .survey(let call, let score):
            guard (1...5).contains(score), state(call) == nil else { return false }
            return nil
        case .consultTransfer(let call, let from, let to):
            guard state(call) == .connected(from), engine.callStatus(call)?.consultTarget == nil, to != from else { return false }
            return agentState(to) == .ready
        case .acceptConsult(let call, let agent), .declineConsult(let call, let agent):
            return engine.callStatus(call)?.consultTarget == agent
        case .escalate(let call, let agent):
            guard case .connected(let on)? = state(call), agent == nil || agent == on,
                  engine.callStatus(call)?.consultTarget == nil
            else { return false }
            return nil  // refused with no escalation queue and no higher tier, or a full one
        case .beginDay, .reconfigure:
            return true
        case .setOpen(let queue, _):
            return SimulatedCenter.queues.contains(queue)
        }
    }

    /// Whether ending the agent's wrap-up with `classification` (nil: none) fits the catalogue of
    /// the queue it took the call for; nil when the model does not know that queue.
    private func classificationFits(_ classification: CallClassification?, _ agent: AgentID) -> Bool? {
        guard let queue = catalogueQueue[agent],
              let catalogue = SimulatedCenter.configuration(variant: variant).queues.first(where: { $0.id == queue })?.classification
        else { return nil }
        guard let classification else { return !catalogue.required }
        guard catalogue.callTypes.contains(classification.callType) else { return false }
        guard let motive = classification.motive else { return catalogue.motives.isEmpty && classification.subMotive == nil }
        guard let entry = catalogue.motives.first(where: { $0.id == motive }) else { return false }
        guard let subMotive = classification.subMotive else { return entry.subMotives.isEmpty }
        return entry.subMotives.contains(subMotive)
    }

    /// A refused command changed nothing: every status is the same, and so is the future (the
    /// effects of letting a minute pass), which also covers deadlines and the random generator.
    private func checkUnchanged(before: RoutingEngine, error: EngineError) throws(SimulationViolation) {
        let snapshot = EngineSnapshot(before)
        let after = EngineSnapshot(engine)
        guard after == snapshot else {
            throw SimulationViolation(kind: "refused command changed state", detail: "threw \(error) but changed:\n"
                + Self.difference(snapshot, after))
        }
        // Every third refusal (it costs a minute of simulated time twice).
        guard statistics["refused", default: 0] % 3 == 0 else { return }
        var original = before
        var refused = engine
        let horizon = engine.now + .seconds(60)
        let expected = original.advance(to: horizon)
        let actual = refused.advance(to: horizon)
        guard expected == actual else {
            throw SimulationViolation(kind: "refused command changed the future", detail:
                "threw \(error); the next minute differs:\n  before: \(expected)\n  after:  \(actual)")
        }
    }

    private static func difference(_ old: EngineSnapshot, _ new: EngineSnapshot) -> String {
        var lines: [String] = []
        if old.now != new.now { lines.append("  now \(old.now) -> \(new.now)") }
        if old.liveCalls != new.liveCalls { lines.append("  live calls \(old.liveCalls) -> \(new.liveCalls)") }
        if old.calls != new.calls { lines.append("  calls \(old.calls) -> \(new.calls)") }
        if old.positions != new.positions || old.waits != new.waits { lines.append("  positions/waits changed") }
        for (a, b) in zip(old.agents, new.agents) where a != b { lines.append("  agent \(String(describing: a)) -> \(String(describing: b))") }
        for (a, b) in zip(old.queues, new.queues) where a != b { lines.append("  queue \(String(describing: a)) -> \(String(describing: b))") }
        return lines.joined(separator: "\n")
    }

    /// Every `.callFinished` ends a call the model holds live, once; its outcome fits the cause.
    private mutating func account(_ effects: [Effect], command: Command?) throws(SimulationViolation) {
        for effect in effects {
            tally(effect)
            if case .callConnected(let call, let agent, _) = effect { connectedAgent[call] = agent }
            switch effect {
            case .callFinished(let call, let outcome):
                guard live.remove(call) != nil else {
                    throw SimulationViolation(kind: "callFinished for a call not live", detail:
                        "\(call) finished (\(outcome)) but it already finished or was never enqueued")
                }
                finishes += 1
                finishedIDs.append(call)
                switch outcome {
                case .ended:
                    guard case .hangup(call, _)? = command else {
                        throw SimulationViolation(kind: "outcome without cause", detail: "\(call) ended without a hangup of it")
                    }
                    if let agent = connectedAgent[call] { endedForSurvey[call] = (agent, engine.now) }
                case .abandoned:
                    guard case .abandon(call)? = command else {
                        throw SimulationViolation(kind: "outcome without cause", detail: "\(call) abandoned without an abandon of it")
                    }
                case .timedOut, .leftNoAgents, .rejectedFull, .overflowedOut, .queueRemoved:
                    break
                case .closed:
                    switch command {
                    case .enqueue(let new)? where new.id == call: break
                    case .setOpen?: break
                    default:
                        throw SimulationViolation(kind: "outcome without cause", detail: "\(call) left closed without arriving or a closing")
                    }
                case .unreached(let attempts):
                    guard case .dialResult(call, let result)? = command, attempts >= 1,
                          result == .failed || attempts == SimulatedCenter.configuration(variant: variant).queues.first(where: { $0.id == dialHome[call] })?.dialing.maxAttempts
                    else {
                        throw SimulationViolation(kind: "outcome without cause", detail: "\(call) unreached after \(attempts) attempt(s), \(command.map(SimulatedAction.describe) ?? "time")")
                    }
                case .cancelled:
                    guard case .abandon(call)? = command else {
                        throw SimulationViolation(kind: "outcome without cause", detail: "\(call) cancelled without an abandon of it")
                    }
                }
            case .offer(let offer):
                guard offer.expires > offer.decision.at else {
                    throw SimulationViolation(kind: "offer expired at once", detail: "\(offer)")
                }
                offeredFor[offer.agent] = (offer.call, offer.decision.queue)
            case .callClassified(let call, let agent, let queue, let classification):
                let catalogue = SimulatedCenter.configuration(variant: variant).queues.first { $0.id == queue }?.classification
                guard case .wrapUpDone(agent, classification)? = command, catalogue?.callTypes.contains(classification.callType) == true,
                      wrappingUp[agent] == call, catalogueQueue[agent] == queue
                else {
                    throw SimulationViolation(kind: "classification not asked for or outside its catalogue", detail:
                        "\(call) by \(agent) for \(queue) as \(classification) after \(command.map(SimulatedAction.describe) ?? "time")")
                }
            case .callSurveyed(let call, let agent, _, let score):
                guard case .survey(call, score)? = command, let ended = endedForSurvey[call], ended.agent == agent,
                      engine.now <= ended.at + SurveyPolicy.defaultWindow
                else {
                    throw SimulationViolation(kind: "score for a call not ended, or scored twice", detail:
                        "\(call) scored \(score) for \(agent); ended: \(String(describing: endedForSurvey[call]))")
                }
                endedForSurvey[call] = nil
            case .consultOffered(let call, _, let to, _):
                guard consults.updateValue(to, forKey: call) == nil else {
                    throw SimulationViolation(kind: "two consults of a call", detail: "\(call) asked \(to) while a consult ran")
                }
            case .consultEnded(let call, _, let to, _):
                guard consults.removeValue(forKey: call) == to else {
                    throw SimulationViolation(kind: "consult ended twice or never began", detail: "\(call) ended a consult of \(to)")
                }
            case .callHandedOver(let call, let from, let to, _):
                guard case .acceptConsult(call, to)? = command, consults.removeValue(forKey: call) == to else {
                    throw SimulationViolation(kind: "handover without consent", detail:
                        "\(call) handed from \(from) to \(to) after \(command.map(SimulatedAction.describe) ?? "time")")
                }
                connectedAgent[call] = to
                // The taker classifies the call from the catalogue the first agent would have.
                if let queue = catalogueQueue[from] { offeredFor[to] = (call, queue) }
            case .agentStateChanged(let agent, let state):
                if case .busy(let call) = state {
                    wrappingUp[agent] = call
                    catalogueQueue[agent] = offeredFor[agent].flatMap { $0.call == call ? $0.queue : nil }
                }
            case .callConnected(let call, _, _):
                answered.insert(call)
            case .serviceLevelEscalated(let call, _, _, _):
                try checkServiceLevelEvent(call, "escalated", into: &escalated, notBefore: \.escalationWait)
                guard !breached.contains(call) else {
                    throw SimulationViolation(kind: "escalated after its breach", detail: "\(call)")
                }
            case .serviceLevelBreached(let call, _, _):
                try checkServiceLevelEvent(call, "breached", into: &breached, notBefore: \.target)
                guard escalated.contains(call) else {
                    throw SimulationViolation(kind: "breached before its escalation", detail: "\(call)")
                }
            default:
                break
            }
        }
    }

    /// An escalation or breach: of a call of a configured segment, once, before it was answered,
    /// and not before its instant (`entered` + the policy's wait; a breach only past it).
    private func checkServiceLevelEvent(
        _ call: CallID, _ what: String, into seen: inout Set<CallID>, notBefore wait: KeyPath<SegmentPolicy, Duration>
    ) throws(SimulationViolation) {
        guard let clock = clocks[call] else {
            throw SimulationViolation(kind: "\(what) without a segment", detail: "\(call)")
        }
        guard seen.insert(call).inserted else {
            throw SimulationViolation(kind: "\(what) twice", detail: "\(call)")
        }
        guard !answered.contains(call) else {
            throw SimulationViolation(kind: "\(what) after it was answered", detail: "\(call)")
        }
        let due = clock.entered + clock.policy[keyPath: wait]
        guard engine.now >= due, what != "breached" || engine.now > due else {
            throw SimulationViolation(kind: "\(what) early", detail: "\(call) at \(engine.now), due \(due)")
        }
    }

    /// The invariants that hold between steps.
    mutating func checkInvariants() throws(SimulationViolation) {
        let liveIDs = engine.liveCallIDs
        guard Set(liveIDs) == live, liveIDs.count == live.count else {
            throw SimulationViolation(kind: "live calls differ from the model", detail:
                "engine \(liveIDs.sorted()), model \(live.sorted()); a call left without callFinished or stayed after it")
        }
        var agents: [AgentID: AgentStatus] = [:]
        for id in agentIDs {
            guard let status = engine.agentStatus(id) else {
                throw SimulationViolation(kind: "agent missing", detail: "no status for configured agent \(id)")
            }
            agents[id] = status
            let routable = status.state == .ready && status.restingUntil == nil
            guard status.isRoutable == routable else {
                throw SimulationViolation(kind: "routable flag", detail: "\(id) isRoutable \(status.isRoutable) in \(status.state), resting until \(String(describing: status.restingUntil))")
            }
        }
        // Which call each agent holds, read from the calls' side.
        var holder: [AgentID: CallID] = [:]
        var waiting: [CallID] = []
        for id in liveIDs {
            guard let status = engine.callStatus(id) else {
                throw SimulationViolation(kind: "live call without status", detail: "\(id)")
            }
            switch status.state {
            case .waiting:
                waiting.append(id)
            case .offered(let ringing):
                guard !ringing.isEmpty else {
                    throw SimulationViolation(kind: "offered to nobody", detail: "\(id) is offered to no agent")
                }
                guard ringing.count == 1 || status.decision?.strategy == .ringAll else {
                    throw SimulationViolation(kind: "offered to several agents without ring-all", detail:
                        "\(id) rings for \(ringing) under \(String(describing: status.decision))")
                }
                for agent in ringing {
                    if let other = holder.updateValue(id, forKey: agent) {
                        throw SimulationViolation(kind: "agent holds two calls", detail: "\(agent) holds \(other) and \(id)")
                    }
                    guard agents[agent]?.state == .offered(id) else {
                        throw SimulationViolation(kind: "agent and call disagree", detail:
                            "\(id) rings for \(agent), whose state is \(String(describing: agents[agent]?.state))")
                    }
                }
            case .dialing(let agent):
                if let other = holder.updateValue(id, forKey: agent) {
                    throw SimulationViolation(kind: "agent holds two calls", detail: "\(agent) holds \(other) and \(id)")
                }
                guard status.dial != nil, agents[agent]?.state == .busy(id) else {
                    throw SimulationViolation(kind: "agent and call disagree", detail:
                        "\(id) is dialed by \(agent), whose state is \(String(describing: agents[agent]?.state)); dial \(String(describing: status.dial))")
                }
            case .scheduled(let until):
                guard let dial = status.dial, let home = status.queues.first?.queue else {
                    throw SimulationViolation(kind: "scheduled call not dialed", detail: "\(id): \(status)")
                }
                // Parked: only a callback, only while its queue is closed.
                if until == nil, dial.kind != .callback || engine.queueStatus(home)?.opening?.isOpen ?? true {
                    throw SimulationViolation(kind: "parked out of hours", detail: "\(id) (\(dial.kind)) parked in \(home), \(String(describing: engine.queueStatus(home)?.opening))")
                }
                if let until, until <= engine.now {
                    throw SimulationViolation(kind: "scheduled call past its time", detail: "\(id) due \(until), now \(engine.now)")
                }
            case .connected(let agent):
                if let other = holder.updateValue(id, forKey: agent) {
                    throw SimulationViolation(kind: "agent holds two calls", detail: "\(agent) holds \(other) and \(id)")
                }
                if let target = status.consultTarget {
                    if let other = holder.updateValue(id, forKey: target) {
                        throw SimulationViolation(kind: "agent holds two calls", detail: "\(target) is asked to take \(id) and holds \(other)")
                    }
                    guard agents[target]?.state == .offered(id), consults[id] == target else {
                        throw SimulationViolation(kind: "consult disagrees", detail:
                            "\(id) asks \(target), whose state is \(String(describing: agents[target]?.state)); model: \(String(describing: consults[id]))")
                    }
                }
                guard agents[agent]?.state == .busy(id) else {
                    throw SimulationViolation(kind: "agent and call disagree", detail:
                        "\(id) is connected to \(agent), whose state is \(String(describing: agents[agent]?.state))")
                }
            }
        }
        let asked = Set(liveIDs.filter { engine.callStatus($0)?.consultTarget != nil })
        guard asked == Set(consults.keys) else {
            throw SimulationViolation(kind: "consult disagrees", detail: "engine consults on \(asked.sorted()), model \(consults)")
        }
        for id in agentIDs {
            switch agents[id]?.state {
            case .offered(let call)?, .busy(let call)?:
                guard holder[id] == call else {
                    throw SimulationViolation(kind: "agent and call disagree", detail:
                        "\(id) is \(String(describing: agents[id]?.state)) but \(call) is \(String(describing: engine.callStatus(call)?.state))")
                }
            default:
                break
            }
        }
        // No routable agent may take a waiting call, except an outbound call held back by its
        // queue's reserve of ready agents; a callback waits in line only while its queue is open.
        for call in waiting {
            let status = engine.callStatus(call)
            let home = status?.queues.first?.queue
            if status?.dial?.kind == .callback, let home, !(engine.queueStatus(home)?.opening?.isOpen ?? true) {
                throw SimulationViolation(kind: "callback in line while closed", detail: "\(call) in \(home)")
            }
            if status?.dial?.kind == .outbound, let home,
               engine.queueStatus(home)?.ready ?? 0 <= SimulatedCenter.outboundReserves[home, default: 0] {
                continue
            }
            for agent in agentIDs where agents[agent]?.isRoutable == true && engine.isEligible(agent: agent, for: call) {
                throw SimulationViolation(kind: "routable agent eligible for a waiting call", detail:
                    "\(agent) is routable and eligible for waiting \(call): \(String(describing: engine.callStatus(call)))")
            }
        }
        // Every unanswered live call of a segment was escalated by its lead and breached once past
        // its target.
        for id in liveIDs {
            guard let clock = clocks[id], !answered.contains(id) else { continue }
            if engine.now >= clock.entered + clock.policy.escalationWait, !escalated.contains(id) {
                throw SimulationViolation(kind: "escalation missed", detail: "\(id) entered \(clock.entered), now \(engine.now)")
            }
            if engine.now > clock.entered + clock.policy.target, !breached.contains(id) {
                throw SimulationViolation(kind: "breach missed", detail: "\(id) entered \(clock.entered), now \(engine.now)")
            }
        }
        if let deadline = engine.nextDeadline, deadline < engine.now {
            lateDeadlines.append(SimulationViolation(kind: Self.lateDeadline, detail:
                "nextDeadline \(SimulatedAction.time(deadline)) is before now \(SimulatedAction.time(engine.now))"))
        }
    }

    /// After the drain: every enqueued call got exactly one `.callFinished`.
    func checkAllFinished() throws(SimulationViolation) {
        guard live.isEmpty, engine.liveCallIDs.isEmpty, acceptedEnqueues == finishes else {
            throw SimulationViolation(kind: "calls without an outcome", detail:
                "\(acceptedEnqueues) enqueued, \(finishes) finished; still live: \(engine.liveCallIDs)")
        }
    }

    // MARK: Generating actions

    private mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }
    private mutating func number(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    private mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }

    private mutating func freshCall() -> CallID {
        nextCallNumber += 1
        return CallID("c\(nextCallNumber)")
    }

    private mutating func newCall(_ id: CallID) -> NewCall {
        let priority = chance(70) ? number(0...2) : number(0...9)
        let entered: Instant? = chance(75) ? nil : engine.now + .milliseconds(-Int64(number(0...120_000)))
        return NewCall(
            id: id, queue: pick(SimulatedCenter.queues), priority: priority,
            segment: chance(20) ? pick(["vip", "vip", "gold", "walk-in"]) : nil, attributes: chance(30) ? ["lang": "es"] : [:], enteredSystem: entered,
            callbackNumber: chance(60) ? "+34 600 \(id)" : nil
        )
    }

    /// The next action, chosen from the live state.
    mutating func nextAction() -> SimulatedAction {
        var waiting: [CallID] = []
        var offered: [(call: CallID, agents: [AgentID])] = []
        var connected: [CallID] = []
        var dialing: [CallID] = []
        var scheduled: [CallID] = []
        for id in engine.liveCallIDs {
            switch engine.callStatus(id)?.state {
            case .waiting?: waiting.append(id)
            case .offered(let agents)?: offered.append((id, agents))
            case .connected?: connected.append(id)
            case .dialing?: dialing.append(id)
            case .scheduled?: scheduled.append(id)
            case nil: break
            }
        }
        let live = waiting + offered.map(\.call) + connected + dialing + scheduled
        let weights = [
            ("advance", 26), ("enqueue", 15), ("odd enqueue", 3), ("respond", offered.isEmpty ? 1 : 24),
            ("connected", connected.isEmpty ? 1 : 9), ("abandon", live.isEmpty ? 1 : 4), ("agent", 18), ("beginDay", 1),
            ("reconfigure", 1), ("survey", 3), ("hours", 3),
            ("callback", waiting.isEmpty && offered.isEmpty ? 1 : 3), ("outbound", 3), ("dial", dialing.isEmpty ? 1 : 12),
        ]
        var roll = number(0...(weights.reduce(0) { $0 + $1.1 } - 1))
        var kind = weights[0].0
        for (name, weight) in weights {
            if roll < weight { kind = name; break }
            roll -= weight
        }
        let anyAgent = pick(SimulatedCenter.agents + [SimulatedCenter.unknownAgent])
        switch kind {
        case "advance":
            if chance(20), let deadline = engine.nextDeadline {
                return .advance(to: max(deadline, engine.now))
            }
            var milliseconds = chance(40) ? number(0...3_000) : number(0...30_000)
            if chance(50) { milliseconds -= milliseconds % 1_000 }
            return .advance(to: engine.now + .milliseconds(milliseconds))
        case "enqueue":
            return .command(.enqueue(newCall(freshCall())))
        case "odd enqueue":
            var call = newCall(freshCall())
            switch number(0...4) {
            case 0: if let id = live.first { call.id = id }
            case 1: call.queue = SimulatedCenter.unknownQueue
            case 2: call.priority = chance(50) ? 10 : -1
            case 3: call.enteredSystem = engine.now + .milliseconds(number(1...5_000))
            default:
                // Reusing the id of a call that finished is allowed.
                let reusable = finishedIDs.filter { !self.live.contains($0) }
                if !reusable.isEmpty { call.id = pick(reusable) }
            }
            return .command(.enqueue(call))
        case "respond":
            let call: CallID
            let agent: AgentID
            if let target = offered.isEmpty ? nil : pick(offered) {
                call = target.call
                agent = chance(85) ? pick(target.agents) : anyAgent
            } else {
                call = live.isEmpty ? "c0" : pick(live)
                agent = anyAgent
            }
            switch number(0...3) {
            case 0, 1: return .command(.accept(call: call, agent: agent))
            case 2: return .command(.reject(call: call, agent: agent))
            default: return .command(.noAnswer(call: call, agent: agent))
            }
        case "connected":
            let call = connected.isEmpty ? (live.isEmpty ? "c0" : pick(live)) : pick(connected)
            let on: AgentID? = if case .connected(let agent)? = engine.callStatus(call)?.state { agent } else { nil }
            if let target = engine.callStatus(call)?.consultTarget, chance(60) {
                // The asked agent answers (sometimes another agent, refused).
                let agent = chance(85) ? target : anyAgent
                return .command(chance(60) ? .acceptConsult(call: call, agent: agent) : .declineConsult(call: call, agent: agent))
            }
            if chance(55) { return .command(.hangup(call: call, by: chance(50) ? .caller : .agent)) }
            if chance(40) {
                let from = chance(90) ? on ?? anyAgent : anyAgent
                return .command(.consultTransfer(call: call, from: from, to: chance(10) ? from : anyAgent))
            }
            if chance(35) { return .command(.escalate(call: call, by: chance(70) ? on ?? anyAgent : nil)) }
            let target = chance(5) ? SimulatedCenter.unknownQueue : pick(SimulatedCenter.queues)
            return .command(.transfer(call: call, to: target))
        case "abandon":
            if !live.isEmpty, chance(30) {
                // A supervisor's hand on a live call instead.
                let call = pick(live)
                if chance(50) { return .command(.reprioritize(call: call, priority: number(-1...10))) }
                return .command(.move(call: call, to: chance(5) ? SimulatedCenter.unknownQueue : pick(SimulatedCenter.queues)))
            }
            if live.isEmpty || chance(10) {
                return .command(.abandon(call: finishedIDs.isEmpty || chance(30) ? "c0" : pick(finishedIDs)))
            }
            return .command(.abandon(call: pick(live)))
        case "agent":
            return .command(agentCommand(chance(3) ? SimulatedCenter.unknownAgent : pick(SimulatedCenter.agents)))
        case "survey":
            let scored = chance(80) ? endedForSurvey.keys.sorted().first : nil
            let call = scored ?? (chance(50) || finishedIDs.isEmpty ? (live.isEmpty ? "c0" : pick(live)) : pick(finishedIDs))
            return .command(.survey(call: call, score: chance(85) ? number(1...5) : pick([0, 6, -3])))
        case "callback":
            let candidates = waiting + offered.map(\.call)
            let call = candidates.isEmpty || chance(10) ? (live.isEmpty ? "c0" : pick(live)) : pick(candidates)
            let notBefore: Instant? = chance(30) ? engine.now + .milliseconds(Int64(number(-5_000...60_000))) : nil
            return .command(.requestCallback(call: call, number: chance(5) ? "" : "+34 600 \(call)", notBefore: notBefore))
        case "outbound":
            let notBefore: Instant? = chance(20) ? engine.now + .milliseconds(Int64(number(0...60_000))) : nil
            var id = freshCall()
            if chance(5), let taken = live.first { id = taken }
            return .command(.pushOutbound(OutboundCall(
                id: id, queue: chance(5) ? SimulatedCenter.unknownQueue : pick(SimulatedCenter.queues),
                number: chance(5) ? "" : "+34 900 \(id)", priority: chance(5) ? 10 : number(0...3), notBefore: notBefore
            )))
        case "dial":
            let call = dialing.isEmpty || chance(5) ? (live.isEmpty ? "c0" : pick(live)) : pick(dialing)
            let results: [DialResult] = [.reached, .reached, .reached, .noAnswer, .noAnswer, .failed, .retry(at: engine.now + .seconds(Int64(number(0...90))))]
            return .command(.dialResult(call: call, result: pick(results)))
        case "hours":
            let queue = chance(5) ? SimulatedCenter.unknownQueue : pick(SimulatedCenter.queues)
            let until: Instant? = chance(70) ? engine.now + .seconds(Int64(number(60...7_200))) : nil
            return .command(.setOpen(queue: queue, state: OpeningState(isOpen: chance(50), until: until)))
        case "reconfigure":
            // Other strategies, the same break policy.
            let strategies = SimulatedCenter.strategies.count
            return .reconfigure(variant: number(0...(strategies - 1)) + variant / strategies * strategies)
        default:
            return .command(.beginDay)
        }
    }

    /// A command for `agent`, mostly one that fits its state, sometimes any (often refused).
    private mutating func agentCommand(_ agent: AgentID) -> Command {
        let reason = pick(SimulatedCenter.reasons)
        let options: [(Command, Int)]
        switch engine.agentStatus(agent)?.state {
        case nil, .loggedOut?:
            options = [(.login(agent: agent), 70), (.login(agent: agent, notReady: reason), 30)]
        case .ready?:
            options = [(.notReady(agent: agent, reason: reason), 45), (.logout(agent: agent), 25), (.ready(agent: agent), 30)]
        case .offered?:
            options = [(.notReady(agent: agent, reason: reason), 40), (.logout(agent: agent), 30), (.ready(agent: agent), 30)]
        case .busy?:
            options = [(.notReady(agent: agent, reason: reason), 40), (.ready(agent: agent), 30), (.logout(agent: agent), 30)]
        case .wrapUp?:
            options = [
                (.wrapUpDone(agent: agent, classification: pick(SimulatedCenter.classifications)), 45),
                (.notReady(agent: agent, reason: reason), 20), (.ready(agent: agent), 15),
                (.logout(agent: agent), 20),
            ]
        case .notReady?:
            options = [(.ready(agent: agent), 75), (.logout(agent: agent), 25)]
        }
        if chance(4) {
            return .forceNotReady(agent: agent, reason: reason)
        }
        if chance(12) {
            return pick([
                .login(agent: agent), .logout(agent: agent), .ready(agent: agent),
                .notReady(agent: agent, reason: reason), .wrapUpDone(agent: agent),
            ])
        }
        var roll = number(0...99)
        for (command, weight) in options {
            if roll < weight { return command }
            roll -= weight
        }
        return options[0].0
    }

    /// At the end: abandon a waiting or ringing call, hang up a connected one, until none is left.
    mutating func nextDrainCommand() -> Command? {
        guard let call = engine.liveCallIDs.first else { return nil }
        switch engine.callStatus(call)?.state {
        case .connected?: return .hangup(call: call, by: .caller)
        case .dialing?: return .dialResult(call: call, result: .failed)
        case .waiting?, .offered?, .scheduled?, nil: return .abandon(call: call)
        }
    }

    // MARK: Statistics (the coverage test)

    private mutating func count(_ key: String) { statistics[key, default: 0] += 1 }

    private mutating func tally(_ effect: Effect) {
        switch effect {
        case .offer(let offer):
            count("offer")
            if offer.decision.strategy == .ringAll && offer.decision.agents.count > 1 { count("ring-all offer") }
        case .callConnected(let call, _, _):
            count("connected")
            if dialedKinds[call] == .callback { count("callback reached") }
            if dialedKinds[call] == .outbound { count("outbound reached") }
        case .dialQueued(let call, let queue, let target, let due):
            count(due == nil ? "dial queued" : "dial scheduled")
            dialedKinds[call] = target.kind
            dialHome[call] = queue
        case .dialRequested: count("dial requested")
        case .dialFailed: count("dial failed")
        case .offerWithdrawn: count("withdrawn")
        case .tierOpened: count("tier opened")
        case .callOverflowed: count("overflowed")
        case .callWidened: count("widened")
        case .callTransferred: count("transferred")
        case .callReprioritized: count("reprioritized")
        case .callMoved(let call, _, let to):
            count("moved")
            if dialHome[call] != nil { dialHome[call] = to }
        case .callFinished(_, let outcome):
            switch outcome {
            case .ended: count("finished ended")
            case .abandoned: count("finished abandoned")
            case .timedOut: count("finished timedOut")
            case .leftNoAgents: count("finished leftNoAgents")
            case .rejectedFull: count("finished rejectedFull")
            case .overflowedOut: count("finished overflowedOut")
            case .queueRemoved: count("finished queueRemoved")
            case .closed: count("finished closed")
            case .unreached: count("finished unreached")
            case .cancelled: count("finished cancelled")
            }
        case .openingChanged(_, let state): count(state.isOpen ? "queue opened" : "queue closed")
        case .callRedirected: count("redirected")
        case .callDurationExceeded: count("duration exceeded")
        case .agentMissedOffers: count("missed offers")
        case .breakDeferred: count("break deferred")
        case .breakStarted: count("break started from pending")
        case .breakCancelled: count("break cancelled")
        case .breakQuotaReached: count("break quota reached")
        case .dailyTargetReached: count("daily target reached")
        case .lastAgentLeaving: count("last agent leaving")
        case .serviceLevelEscalated: count("escalated")
        case .serviceLevelBreached: count("breached")
        case .agentStateChanged(_, let state):
            if case .wrapUp = state { count("wrap-up") }
        case .consultOffered: count("consult offered")
        case .consultEnded: count("consult ended")
        case .callHandedOver: count("handed over")
        case .callEscalated: count("escalated by agent")
        case .callClassified: count("classified")
        case .callSurveyed: count("scored")
        case .callQueued:
            break
        }
        if case .offerWithdrawn(_, let agent, let reason) = effect, reason == .rejected || reason == .notAnswered,
           engine.agentStatus(agent)?.restingUntil != nil {
            count("resting")
        }
    }

    // MARK: Reporting

    /// The failure message: seed, step, the violation, the last steps, and a shrunk reproduction.
    static func report(seed: UInt64, run: Run, failure: Failure, shrink shrinking: Bool) -> String {
        let (step, violation) = (failure.step, failure.violation)
        var lines = [
            "engine invariant '\(violation.kind)' broken: seed \(seed) (variant \(run.variant)), step \(step): \(run.actions[step])",
            "  \(violation.detail)",
            "  replay: EngineSimulation.run(seed: \(seed), steps: \(EnginePropertyTests.stepsPerRun))",
            "  last steps:",
        ]
        for index in max(0, step - 12)...step {
            lines.append("    [\(index)] \(run.actions[index])")
            if index >= step - 2 { lines.append("         -> \(run.effects[index])") }
        }
        guard shrinking else {
            lines.append("  (shrunk reproduction: see the first failure of this kind)")
            return lines.joined(separator: "\n")
        }
        let finalCheck = violation.kind == "calls without an outcome"
        let shrunk = shrink(Array(run.actions.prefix(step + 1)), variant: run.variant, seed: seed, kind: violation.kind, finalCheck: finalCheck)
        lines.append("  shrunk reproduction (\(shrunk.count) of \(step + 1) steps, variant \(run.variant), engine seed \(seed)):")
        lines += shrunk.map { "    \($0)" }
        return lines.joined(separator: "\n")
    }

    /// Removes chunks of actions while the replay still breaks the same invariant.
    static func shrink(_ actions: [SimulatedAction], variant: Int, seed: UInt64, kind: String, finalCheck: Bool)
        -> [SimulatedAction]
    {
        var current = actions
        var budget = 600
        func fails(_ candidate: [SimulatedAction]) -> Int? {
            budget -= 1
            return replay(candidate, variant: variant, seed: seed, kind: kind, finalCheck: finalCheck)
        }
        var chunk = max(1, current.count / 2)
        while budget > 0 {
            var removed = false
            var start = 0
            while start < current.count, budget > 0 {
                var candidate = current
                candidate.removeSubrange(start..<min(current.count, start + chunk))
                if let step = fails(candidate) {
                    current = Array(candidate.prefix(step + 1))
                    removed = true
                } else {
                    start += chunk
                }
            }
            if chunk == 1 && !removed { break }
            if chunk > 1 { chunk /= 2 }
        }
        return current
    }
}

// MARK: - Breaks

extension EngineSimulation {
    fileprivate func teamStatuses() -> [String: TeamStatus] {
        Dictionary(uniqueKeysWithValues: engine.teamNames.compactMap { name in engine.teamStatus(name).map { (name, $0) } })
    }

    fileprivate func agentStates() -> [AgentID: AgentState] {
        Dictionary(uniqueKeysWithValues: agentIDs.compactMap { id in engine.agentStatus(id).map { (id, $0.state) } })
    }

    /// The team limit for `loggedIn` agents, as the policy states it.
    private func limit(loggedIn: Int) -> Int? {
        switch policy.maxOnBreak {
        case nil: nil
        case .agents(let count): count
        case .percent(let percent): max(1, loggedIn * percent / 100)
        }
    }

    /// Whether the reason's quota is used up, read from the agent's public status.
    private func quotaUsedUp(_ status: AgentStatus, _ reason: NotReadyReason) -> Bool {
        guard let usage = status.breaks.first(where: { $0.reason == reason }) else { return false }
        return usage.countLeft == 0 || usage.timeLeft == .zero
    }

    /// Whether the team has no slot for the agent's staggered break (its own slot aside).
    private func teamFull(_ status: AgentStatus, _ reason: NotReadyReason, joining: Bool) -> Bool {
        guard policy.reasons.first(where: { $0.id == reason })?.staggered == true, let name = status.team,
              let team = engine.teamStatus(name), let limit = limit(loggedIn: team.loggedIn + (joining ? 1 : 0))
        else { return false }
        var own = 0
        if case .notReady(let current) = status.state, policy.reasons.first(where: { $0.id == current })?.staggered == true { own = 1 }
        return team.onStaggeredBreak - own >= limit
    }

    /// Whether the policy accepts the request (at once or pending), judged from the public state.
    fileprivate func breakAllowed(_ agent: AgentID, _ reason: NotReadyReason, joining: Bool) -> Bool {
        guard let status = engine.agentStatus(agent) else { return false }
        guard policy.reasons.contains(where: { $0.id == reason }) else {
            return policy.reasons.isEmpty || reason == .login
        }
        if quotaUsedUp(status, reason) { return false }
        return policy.overLimit == .queue || !teamFull(status, reason, joining: joining)
    }

    /// The break invariants after a step whose effects are `effects`.
    fileprivate mutating func checkBreaks(
        _ effects: [Effect], teamsBefore: [String: TeamStatus], statesBefore: [AgentID: AgentState], forced: Bool,
        command: Command? = nil
    ) throws(SimulationViolation) {
        guard !policy.reasons.isEmpty else { return }
        // A team goes over its limit only through force: the forcing command, or the start of a
        // forced break that waited for the end of a call.
        let startsForcedBreak = effects.contains { effect in
            guard case .agentStateChanged(let agent, .notReady(let reason)) = effect else { return false }
            return forcedToday.contains("\(agent)/\(reason)") || forcedWaiting.contains("\(agent)/\(reason)")
        }
        for effect in effects {
            guard case .agentStateChanged(let agent, let state) = effect else { continue }
            switch state {
            case .busy, .wrapUp:
                break
            case .loggedOut, .ready, .offered, .notReady:
                forcedWaiting = forcedWaiting.filter { !$0.hasPrefix("\(agent)/") }
            }
        }
        if !forced, !startsForcedBreak {
            for (name, after) in teamStatuses() {
                let before = teamsBefore[name]?.onStaggeredBreak ?? 0
                if let limit = after.limit, after.onStaggeredBreak > limit, after.onStaggeredBreak > before {
                    throw SimulationViolation(kind: "team over its break limit", detail: "\(name): \(before) -> \(after)")
                }
            }
        }
        // No break starts for an agent ringing or on a call; none starts past its quota.
        var states = statesBefore
        for effect in effects {
            guard case .agentStateChanged(let agent, let state) = effect else { continue }
            defer { states[agent] = state }
            guard case .notReady(let reason) = state, reason != .noAnswer else { continue }
            switch states[agent] {
            case .busy(let call)?:
                // A dial attempt that reached no one is no call: the break may start after it.
                if case .dialResult(call, let result)? = command, result != .reached { break }
                throw SimulationViolation(kind: "break started on a call", detail: "\(agent) went from a call to \(reason)")
            case .offered?:
                if !forced {
                    throw SimulationViolation(kind: "break started while a call rang", detail: "\(agent) left a ringing call for \(reason)")
                }
            default:
                break
            }
            guard !forcedToday.contains("\(agent)/\(reason)"), let status = engine.agentStatus(agent),
                  let rule = policy.reasons.first(where: { $0.id == reason }), status.state == .notReady(reason),
                  let usage = status.breaks.first(where: { $0.reason == reason })
            else { continue }
            let usedAtStart = usage.used - (engine.now - status.since)
            let overCount = rule.dailyCount.map { usage.count > $0 } ?? false
            let overTime = rule.dailyTime.map { usedAtStart >= $0 } ?? false
            if overCount || overTime {
                throw SimulationViolation(kind: "break started past its quota", detail: "\(agent): \(usage) for \(rule)")
            }
        }
        // A pending break of a free agent waits only for what the policy says, and is dropped
        // when the policy refuses it.
        for id in agentIDs {
            guard let status = engine.agentStatus(id), let reason = status.pendingReason else { continue }
            switch status.state {
            case .ready, .notReady:
                break
            case .loggedOut, .offered, .busy, .wrapUp:
                continue
            }
            let known = policy.reasons.contains { $0.id == reason }
            let full = teamFull(status, reason, joining: false)
            let refused = !known || quotaUsedUp(status, reason) || (policy.overLimit == .refuse && full)
            if refused {
                throw SimulationViolation(kind: "refused break left pending", detail: "\(id): \(reason), \(status)")
            }
            let callWaits = policy.deferWhileCallsWait && status.state == .ready && engine.nextCall(for: id) != nil
            if !full && !callWaits {
                throw SimulationViolation(kind: "pending break stuck", detail: "\(id) may take \(reason) now: \(status)")
            }
        }
    }
}
