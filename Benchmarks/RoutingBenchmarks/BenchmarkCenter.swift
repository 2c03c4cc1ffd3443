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
    var turn = 0

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

        // Every regular agent logs in and takes a call; then `waiting` calls queue up behind them,
        // spread over the regular queues, with a few priorities.
        for agent in agents.prefix(Self.agents - hotAgents) {
            _ = try engine.handle(.login(agent: agent.id))
        }
        var pending: [CallID: AgentID] = [:]
        var queueNumber = 0
        while busyCalls.count + pending.count < Self.agents - hotAgents {
            let call = CallID("c\(nextCall)")
            nextCall += 1
            for effect in try engine.handle(.enqueue(NewCall(id: call, queue: QueueID("q\(queueNumber)")))) {
                if case .offer(let offer) = effect { pending[offer.call] = offer.agent }
            }
            queueNumber = (queueNumber + 1) % (Self.queues - Self.hotQueues)
            if queueNumber == 0 { tick(seconds: 30) }
            if pending.count > 200 || queueNumber == 0 { try acceptAll(&pending) }
        }
        try acceptAll(&pending)
        for index in 0..<waiting {
            let call = CallID("c\(nextCall)")
            nextCall += 1
            _ = try engine.handle(.enqueue(NewCall(id: call, queue: QueueID("q\(index % (Self.queues - Self.hotQueues))"), priority: index % 3)))
        }
        for agent in agents.suffix(hotAgents) {
            _ = try engine.handle(.login(agent: agent.id))
        }
    }

    private func acceptAll(_ pending: inout [CallID: AgentID]) throws {
        for (call, agent) in pending.sorted(by: { $0.key < $1.key }) {
            _ = try engine.handle(.accept(call: call, agent: agent))
            busyCalls.append((agent, call))
        }
        pending.removeAll()
    }

    func tick(seconds: Int64) {
        clock += seconds * 1000
        _ = engine.advance(to: Instant(millisecondsSinceEpoch: clock))
    }

    /// A new call for a regular (busy) queue: it waits. Keeps the line at its length.
    func newWaitingCall() throws -> Command {
        let call = CallID("c\(nextCall)")
        nextCall += 1
        return .enqueue(NewCall(id: call, queue: QueueID("q\(nextCall % (Self.queues - Self.hotQueues))"), priority: nextCall % 3))
    }

    /// The next busy agent's hangup: the freed agent is routed the best waiting call it may take.
    func nextHangup() -> (index: Int, command: Command) {
        turn = (turn + 1) % busyCalls.count
        return (turn, .hangup(call: busyCalls[turn].call, by: .caller))
    }

    /// Accepts the offer a hangup produced, so the agent is busy again on its new call.
    func acceptOffer(in effects: [Effect], replacing index: Int) throws {
        for effect in effects {
            if case .offer(let offer) = effect {
                _ = try engine.handle(.accept(call: offer.call, agent: offer.agent))
                busyCalls[index] = (offer.agent, offer.call)
                return
            }
        }
    }

    /// A call for a hot queue: one of its ready agents is offered it at once.
    func newHotCall() -> Command {
        let call = CallID("c\(nextCall)")
        nextCall += 1
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
