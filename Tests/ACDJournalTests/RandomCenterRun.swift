import ACDCore

/// A random but plausible run of a small center (three queues with overflow, tiers and different
/// strategies; six agents): commands picked from the engine's state, so that calls are offered,
/// answered, transferred and abandoned, agents go on break and come back, and time passes.
struct RandomCenterRun {
    static let start = Instant.seconds(1_700_000_000)
    static let queues: [QueueID] = ["sales", "support", "billing"]
    static let agents: [AgentID] = ["a1", "a2", "a3", "a4", "a5", "a6"]
    static let reasons: [NotReadyReason] = [.onBreak, .lunch, "coaching"]

    static let configuration = CenterConfiguration(
        queues: [
            QueueConfiguration(
                id: "sales", strategy: .longestIdle, tierWait: .seconds(10),
                overflow: [
                    OverflowStep(after: .seconds(20), action: .widen(["support"])),
                    OverflowStep(after: .seconds(90), action: .moveTo("billing")),
                ],
                maxLength: 8, offerTimeout: .seconds(8), maxNoAnswer: 2, rejectDelay: .seconds(4), wrapUp: .seconds(10),
                maxCallDuration: CallDurationLimit(soft: .seconds(60), hard: .seconds(120)), weight: 2,
                hours: BusinessHours(
                    timeZone: "Europe/Paris", week: [.monday: [DailySpan(opens: 480, closes: 1080)]],
                    holidays: [Holiday(year: 2026, month: 12, day: 25)], whenClosed: .sendTo("support"), atClosing: .leave
                )
            ),
            QueueConfiguration(
                id: "support", strategy: .fewestCalls, tierWait: .seconds(6),
                overflow: [OverflowStep(after: .seconds(40), action: .divert(destination: "voicemail"))],
                maxWaitWithNoAgent: .seconds(25), offerTimeout: .seconds(10), wrapUp: .zero
            ),
            QueueConfiguration(
                id: "billing", requiredSkills: [SkillRequirement("billing", minimumProficiency: 3)], strategy: .ringAll,
                overflow: [OverflowStep(after: .seconds(30), action: .leave)], offerTimeout: .seconds(6), wrapUp: .seconds(5)
            ),
        ],
        agents: [
            AgentConfiguration(id: "a1", tiers: ["sales": 1, "support": 1]),
            AgentConfiguration(id: "a2", name: "Zoë", tiers: ["sales": 2]),
            AgentConfiguration(id: "a3", skills: ["billing": 5], tiers: ["support": 2]),
            AgentConfiguration(id: "a4", skills: ["billing": 8], tiers: ["sales": 3], wrapUp: .seconds(15)),
            AgentConfiguration(id: "a5", tiers: ["support": 3]),
            AgentConfiguration(id: "a6", skills: ["billing": 3], wrapUp: .zero),
        ],
        // Half the calls are gold: snapshots hold their service-level clocks and figures.
        segments: [SegmentPolicy(id: "gold", priority: 2, target: .seconds(15), escalation: .before(.seconds(3)), maxWait: .seconds(45))]
    )

    /// One step of a run.
    enum Action: Equatable, CustomStringConvertible {
        case advance(to: Instant)
        case command(Command)

        var description: String {
            switch self {
            case .advance(let instant): "advance(to: \(instant))"
            case .command(let command): "\(command)"
            }
        }
    }

    private var random: SplitMix64
    private var now = start
    private var calls = 0

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    /// An engine for the center at the start of a run.
    static func engine(seed: UInt64) throws -> RoutingEngine {
        try RoutingEngine(configuration: configuration, start: start, seed: seed)
    }

    /// The next action, picked from what `engine` holds now.
    mutating func nextAction(for engine: RoutingEngine) -> Action {
        let roll = Int.random(in: 0..<100, using: &random)
        let live = engine.liveCallIDs
        let agent = Self.agents.randomElement(using: &random)!
        switch roll {
        case 0..<20:
            now = now + .milliseconds(Int64.random(in: 0...15_000, using: &random))
            return .advance(to: now)
        case 20..<24:
            // Outbound work: dialed after the inbound calls.
            calls += 1
            return .command(.pushOutbound(OutboundCall(
                id: CallID("o\(calls)"), queue: Self.queues.randomElement(using: &random)!, number: "+33 6 \(calls)",
                priority: Int.random(in: 0...3, using: &random)
            )))
        case 24..<40:
            calls += 1
            let call = NewCall(
                id: CallID("c\(calls)"), queue: Self.queues.randomElement(using: &random)!, priority: Int.random(in: 0...3, using: &random),
                segment: Bool.random(using: &random) ? "gold" : nil, attributes: calls % 3 == 0 ? ["lang": "fr", "ani": "+33 1 \(calls)"] : [:]
            )
            return .command(.enqueue(call))
        case 40..<70 where !live.isEmpty:
            return .command(callCommand(live.randomElement(using: &random)!, in: engine))
        case 70..<97:
            return .command(agentCommand(agent, in: engine))
        case 97..<99:
            return .command(.logout(agent: agent))
        default:
            switch Int.random(in: 0..<10, using: &random) {
            case 0: return .command(.beginDay)
            case 1..<4:
                // Business hours: the shell opens and closes sales.
                let state = OpeningState(isOpen: Bool.random(using: &random), until: now + .seconds(3600))
                return .command(.setOpen(queue: "sales", state: state))
            default: return .advance(to: now)
            }
        }
    }

    private mutating func callCommand(_ call: CallID, in engine: RoutingEngine) -> Command {
        let choice = Int.random(in: 0..<10, using: &random)
        switch engine.callStatus(call)?.state {
        case .waiting?:
            return switch choice {
            case 0..<3: .abandon(call: call)
            case 3: .requestCallback(call: call, number: "+33 6 \(call)", notBefore: Bool.random(using: &random) ? now + .seconds(30) : nil)
            case 4..<7: .reprioritize(call: call, priority: Int.random(in: 0...9, using: &random))
            default: .move(call: call, to: Self.queues.randomElement(using: &random)!)
            }
        case .dialing?:
            return switch choice {
            case 0..<5: .dialResult(call: call, result: .reached)
            case 5..<8: .dialResult(call: call, result: .noAnswer)
            case 8: .dialResult(call: call, result: .retry(at: now + .seconds(20)))
            default: .dialResult(call: call, result: .failed)
            }
        case .scheduled?:
            return choice < 5 ? .abandon(call: call) : .move(call: call, to: Self.queues.randomElement(using: &random)!)
        case .offered(let agents)?:
            let agent = agents.randomElement(using: &random) ?? "a1"
            return switch choice {
            case 0..<6: .accept(call: call, agent: agent)
            case 6..<8: .reject(call: call, agent: agent)
            default: .noAnswer(call: call, agent: agent)
            }
        case .connected?:
            return choice < 8 ? .hangup(call: call, by: choice < 4 ? .caller : .agent) : .transfer(call: call, to: Self.queues.randomElement(using: &random)!)
        case nil:
            return .abandon(call: call)
        }
    }

    private mutating func agentCommand(_ agent: AgentID, in engine: RoutingEngine) -> Command {
        let reason = Self.reasons.randomElement(using: &random)!
        switch engine.agentStatus(agent)?.state {
        case .loggedOut?, nil:
            return .login(agent: agent, notReady: Bool.random(using: &random) ? nil : reason)
        case .ready?, .offered?, .busy?:
            return .notReady(agent: agent, reason: reason)
        case .wrapUp?:
            return .wrapUpDone(agent: agent)
        case .notReady?:
            return .ready(agent: agent)
        }
    }

    /// Carries out `action` on `engine`: what it did, or why it was refused.
    static func apply(_ action: Action, to engine: inout RoutingEngine) -> Result<[Effect], EngineError> {
        switch action {
        case .advance(let instant):
            return .success(engine.advance(to: instant))
        case .command(let command):
            return Result { () throws(EngineError) in try engine.handle(command) }
        }
    }
}
