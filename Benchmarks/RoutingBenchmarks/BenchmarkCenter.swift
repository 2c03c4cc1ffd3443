import ACDCore

/// A large center for the benchmarks: 10,000 agents in 500 queues over 50 skills, every agent
/// logged in and on a call, `waiting` calls in line behind them, plus a few "hot" queues whose
/// dedicated agents stay ready so that an arriving call is routed at once.
///
/// Queue q requires skill q % 50 at minimum proficiency (q / 50) + 1 (q < 450); queues 450-499
/// are the hot queues, each served by its own 4 ready agents. Every other agent has three skills at
/// proficiencies drawn from a fixed-seed generator, which makes it serve about a dozen queues at
/// tiers 1-3.
/// A class, so the benchmark iterations keep mutating one engine in place (no copy-on-write).
final class BenchmarkCenter {
    static let skills = 50
    static let queues = 500
    static let hotQueues = 50
    static let agents = 10_000
    static let hotAgentsPerQueue = 4

    var engine: RoutingEngine
    /// Per busy agent, the call it is on (the busy agents cycle through calls).
    var busyCalls: [(agent: AgentID, call: CallID)] = []
    var nextCall = 0
    var clock: Int64 = 0
    var random = SplitMix64(seed: 7)

    init(waiting: Int) throws {
        var random = SplitMix64(seed: 42)
        var queues: [QueueConfiguration] = []
        for number in 0..<Self.queues {
            let hot = number >= Self.queues - Self.hotQueues
            let skill = SkillID("s\(number % Self.skills)")
            queues.append(QueueConfiguration(
                id: QueueID("q\(number)"),
                requiredSkills: hot ? [] : [SkillRequirement(skill, minimumProficiency: number / Self.skills + 1)],
                tierWait: .seconds(20), wrapUp: .zero
            ))
        }
        var agents: [AgentConfiguration] = []
        let hotAgents = Self.hotQueues * Self.hotAgentsPerQueue
        for number in 0..<(Self.agents - hotAgents) {
            var skills: [SkillID: Int] = [:]
            while skills.count < 3 {
                skills[SkillID("s\(random.next() % UInt64(Self.skills))")] = Int(random.next() % 10) + 1
            }
            var tiers: [QueueID: Int] = [:]
            for (skill, level) in skills {
                let index = Int(skill.rawValue.dropFirst())!
                for minimum in 0..<level where minimum * Self.skills + index < Self.queues - Self.hotQueues {
                    tiers[QueueID("q\(minimum * Self.skills + index)")] = Int(random.next() % 3) + 1
                }
            }
            agents.append(AgentConfiguration(id: AgentID("a\(number)"), skills: skills, tiers: tiers))
        }
        for number in 0..<hotAgents {
            let queue = QueueID("q\(Self.queues - Self.hotQueues + number / Self.hotAgentsPerQueue)")
            agents.append(AgentConfiguration(id: AgentID("hot\(number)"), tiers: [queue: 1]))
        }
        engine = try RoutingEngine(configuration: CenterConfiguration(queues: queues, agents: agents), start: .seconds(0), seed: 1)

        // Every regular agent logs in and takes a call (time passes so that tiers 2 and 3 open
        // too); then calls queue up behind them to `waiting`, spread over the regular queues, with
        // a few priorities.
        for agent in agents.prefix(Self.agents - hotAgents) {
            _ = try engine.handle(.login(agent: agent.id))
        }
        let regularQueues = Self.queues - Self.hotQueues
        var pass = 0
        while busyCalls.count < Self.agents - hotAgents, pass < 100 {
            for queueNumber in 0..<regularQueues where busyCalls.count < Self.agents - hotAgents {
                try acceptOffers(in: try engine.handle(.enqueue(NewCall(id: nextCallID(), queue: QueueID("q\(queueNumber)")))))
            }
            clock += 25_000
            try acceptOffers(in: engine.advance(to: Instant(millisecondsSinceEpoch: clock)))
            pass += 1
        }
        let alreadyWaiting = engine.queueIDs.reduce(0) { $0 + (engine.queueStatus($1)?.waiting ?? 0) }
        for index in 0..<max(0, waiting - alreadyWaiting) {
            _ = try engine.handle(.enqueue(NewCall(id: nextCallID(), queue: QueueID("q\(index % regularQueues)"), priority: index % 3)))
        }
        // Let every tier open for the waiting calls before the hot agents log in.
        clock += 60_000
        try acceptOffers(in: engine.advance(to: Instant(millisecondsSinceEpoch: clock)))
        for agent in agents.suffix(hotAgents) {
            _ = try engine.handle(.login(agent: agent.id))
        }
    }

    private func nextCallID() -> CallID {
        nextCall += 1
        return CallID("c\(nextCall)")
    }

    private func acceptOffers(in effects: [Effect]) throws {
        for effect in effects {
            if case .offer(let offer) = effect {
                _ = try engine.handle(.accept(call: offer.call, agent: offer.agent))
                busyCalls.append((offer.agent, offer.call))
            }
        }
    }

    /// Outside the measurement: 50 ms pass (tiers open for waiting calls, and the offers this makes
    /// are accepted) and a new call joins a regular queue, keeping the line at its length.
    func prepare() throws {
        clock += 50
        try acceptOffers(in: engine.advance(to: Instant(millisecondsSinceEpoch: clock)))
        let call = nextCallID()
        _ = try engine.handle(.enqueue(NewCall(id: call, queue: QueueID("q\(nextCall % (Self.queues - Self.hotQueues))"), priority: nextCall % 3)))
    }

    /// A random busy agent's hangup: the freed agent (wrap-up 0) is routed the best waiting call it
    /// may take.
    func nextHangup() -> (index: Int, command: Command) {
        let index = Int(random.next(upperBound: UInt64(busyCalls.count)))
        return (index, .hangup(call: busyCalls[index].call, by: .caller))
    }

    /// Accepts the offer a hangup produced, so the agent is busy again; an agent that found no call
    /// open to it stays ready and leaves the busy pool.
    func settle(_ effects: [Effect], hangup index: Int) throws {
        for effect in effects {
            if case .offer(let offer) = effect {
                _ = try engine.handle(.accept(call: offer.call, agent: offer.agent))
                busyCalls[index] = (offer.agent, offer.call)
                return
            }
        }
        busyCalls.swapAt(index, busyCalls.count - 1)
        busyCalls.removeLast()
    }

    /// A call for a hot queue: one of its ready agents is offered it at once.
    func newHotCall() -> Command {
        let call = nextCallID()
        return .enqueue(NewCall(id: call, queue: QueueID("q\(Self.queues - Self.hotQueues + nextCall % Self.hotQueues)")))
    }

    /// Ends a hot call (accept, hang up) so its agent is ready again.
    func finishHotCall(_ effects: [Effect]) throws {
        for effect in effects {
            if case .offer(let offer) = effect {
                _ = try engine.handle(.accept(call: offer.call, agent: offer.agent))
                _ = try engine.handle(.hangup(call: offer.call, by: .caller))
            }
        }
    }
}
