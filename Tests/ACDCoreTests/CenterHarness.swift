import ACDCore
import Testing

/// Drives an engine through time and commands the way the daemon's executor does, keeping every
/// effect for the test to look at.
struct CenterHarness {
    var engine: RoutingEngine
    /// Effects of the last step (an advance plus a command).
    var last: [Effect] = []
    var all: [Effect] = []

    init(queues: [QueueConfiguration], agents: [AgentConfiguration], breaks: BreakPolicy = BreakPolicy(), seed: UInt64 = 1) throws {
        try self.init(configuration: CenterConfiguration(queues: queues, agents: agents, breaks: breaks), seed: seed)
    }

    init(configuration: CenterConfiguration, seed: UInt64 = 1) throws {
        engine = try RoutingEngine(configuration: configuration, start: .seconds(0), seed: seed)
    }

    /// Advances to `seconds` after the start, then carries out `command`.
    @discardableResult
    mutating func at(_ seconds: Double, _ command: Command? = nil) throws -> [Effect] {
        last = engine.advance(to: Instant(millisecondsSinceEpoch: Int64(seconds * 1000)))
        if let command {
            last += try engine.handle(command)
        }
        all += last
        return last
    }

    mutating func login(_ agents: AgentID..., at seconds: Double = 0) throws {
        for agent in agents {
            try at(seconds, .login(agent: agent))
        }
    }

    mutating func call(_ id: CallID, _ queue: QueueID, priority: Int = 0, at seconds: Double) throws {
        try at(seconds, .enqueue(NewCall(id: id, queue: queue, priority: priority)))
    }

    /// The agents offered `call` in the last step.
    func offered(_ call: CallID) -> [AgentID] {
        last.compactMap { effect in
            if case .offer(let offer) = effect, offer.call == call { return offer.agent }
            return nil
        }
    }

    /// Every offer made in the last step, as (call, agent).
    var offers: [(CallID, AgentID)] {
        last.compactMap { effect in
            if case .offer(let offer) = effect { return (offer.call, offer.agent) }
            return nil
        }
    }

    func outcome(of call: CallID) -> CallOutcome? {
        all.lazy.compactMap { effect -> CallOutcome? in
            if case .callFinished(call, let outcome) = effect { return outcome }
            return nil
        }.first
    }

    func state(_ agent: AgentID) -> AgentState? { engine.agentStatus(agent)?.state }
    func callState(_ call: CallID) -> CallState? { engine.callStatus(call)?.state }
}

func agent(
    _ id: AgentID, _ skills: [SkillID: Int] = [:], tiers: [QueueID: Int] = [:], wrapUp: Duration? = nil, team: String? = nil
) -> AgentConfiguration {
    AgentConfiguration(id: id, name: id.rawValue, skills: skills, tiers: tiers, wrapUp: wrapUp, team: team)
}

/// A skill-less queue served by the agents that name it in their tiers.
func queue(_ id: QueueID, _ strategy: RoutingStrategy = .longestIdle, configure: (inout QueueConfiguration) -> Void = { _ in }) -> QueueConfiguration {
    var queue = QueueConfiguration(id: id, strategy: strategy, wrapUp: .seconds(10))
    configure(&queue)
    return queue
}
