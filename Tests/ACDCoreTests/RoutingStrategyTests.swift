import ACDCore
import Testing

@Suite struct RoutingStrategyTests {
    /// Three agents of one queue made ready at 0, 1 and 2 s (in the order given).
    func center(_ strategy: RoutingStrategy, agents ids: [AgentID] = ["ana", "bo", "cy"], seed: UInt64 = 1) throws -> CenterHarness {
        var center = try CenterHarness(
            queues: [queue("q", strategy) { $0.wrapUp = .zero }],
            agents: ids.map { agent($0, tiers: ["q": 1]) }, seed: seed
        )
        for (second, id) in ids.enumerated() {
            try center.login(id, at: Double(second))
        }
        return center
    }

    /// Runs a call through: offered to whoever the strategy picks, accepted, ended after `talk`.
    @discardableResult
    func serve(_ center: inout CenterHarness, _ call: CallID, at second: Double, talk: Double = 10) throws -> AgentID {
        try center.call(call, "q", at: second)
        let agent = try #require(center.offered(call).first)
        try center.at(second, .accept(call: call, agent: agent))
        try center.at(second + talk, .hangup(call: call, by: .caller))
        return agent
    }

    @Test func longestIdleTakesTheAgentReadyLongest() throws {
        var center = try center(.longestIdle)
        #expect(try serve(&center, "c1", at: 10) == "ana")
        #expect(try serve(&center, "c2", at: 30) == "bo")
        #expect(try serve(&center, "c3", at: 50) == "cy")
        // ana became ready again at 20 s, before bo (40 s).
        #expect(try serve(&center, "c4", at: 70) == "ana")
    }

    @Test func agentsIdleSinceTheSameInstantGoInTheOrderTheyBecameReady() throws {
        var center = try CenterHarness(queues: [queue("q")], agents: [agent("bo", tiers: ["q": 1]), agent("ana", tiers: ["q": 1])])
        try center.at(5, .login(agent: "ana"))
        try center.at(5, .login(agent: "bo"))
        try center.call("c1", "q", at: 6)
        #expect(center.offered("c1") == ["ana"])
        try center.call("c2", "q", at: 6)
        #expect(center.offered("c2") == ["bo"])
    }

    @Test func roundRobinRotatesInConfigurationOrder() throws {
        var center = try center(.roundRobin, agents: ["cy", "ana", "bo"])
        var served: [AgentID] = []
        for index in 0..<6 {
            served.append(try serve(&center, CallID("c\(index)"), at: Double(10 + index * 20), talk: 1))
        }
        #expect(served == ["cy", "ana", "bo", "cy", "ana", "bo"])
    }

    @Test func fewestCallsTodayThenLongestIdle() throws {
        var center = try center(.fewestCalls)
        #expect(try serve(&center, "c1", at: 10, talk: 1) == "ana")
        #expect(try serve(&center, "c2", at: 20, talk: 1) == "bo")
        // ana (1 call) has been idle longer than cy (0 calls), but cy has fewer calls.
        #expect(try serve(&center, "c3", at: 30, talk: 1) == "cy")
        try center.at(40, .beginDay)
        // All at zero calls again: longest idle, ana (ready since 11 s).
        #expect(try serve(&center, "c4", at: 50, talk: 1) == "ana")
    }

    @Test func leastTalkTimeToday() throws {
        var center = try center(.leastTalkTime)
        #expect(try serve(&center, "c1", at: 10, talk: 100) == "ana")
        #expect(try serve(&center, "c2", at: 120, talk: 5) == "bo")
        #expect(try serve(&center, "c3", at: 130, talk: 50) == "cy")
        // Talk today: ana 100 s, bo 5 s, cy 50 s.
        #expect(try serve(&center, "c4", at: 200, talk: 1) == "bo")
        #expect(try serve(&center, "c5", at: 210, talk: 1) == "bo")
        #expect(try serve(&center, "c6", at: 220, talk: 1) == "bo")
    }

    @Test func topDownAlwaysStartsFromTheFirstConfiguredAgent() throws {
        var center = try center(.topDown, agents: ["cy", "ana", "bo"])
        #expect(try serve(&center, "c1", at: 10, talk: 1) == "cy")
        #expect(try serve(&center, "c2", at: 20, talk: 1) == "cy")
        try center.call("c3", "q", at: 30)
        try center.call("c4", "q", at: 30)
        #expect(center.offered("c4") == ["ana"])
    }

    @Test func randomIsReproducibleForASeedAndSpreadsCalls() throws {
        func picks(seed: UInt64) throws -> [AgentID] {
            var center = try center(.random, seed: seed)
            return try (0..<60).map { try serve(&center, CallID("c\($0)"), at: Double(10 + $0 * 20), talk: 1) }
        }
        let first = try picks(seed: 7)
        #expect(try picks(seed: 7) == first)
        #expect(try picks(seed: 8) != first)
        for agent in ["ana", "bo", "cy"] as [AgentID] {
            // Each has a 1/3 chance per call: 60 calls give 20 on average; 8 is far in the tail.
            #expect(first.filter { $0 == agent }.count >= 8)
        }
    }

    @Test func bestProficiencyTakesTheHighestTotalSkillThenLongestIdle() throws {
        var center = try CenterHarness(
            queues: [QueueConfiguration(id: "tax", requiredSkills: [.init("tax"), .init("spanish", minimumProficiency: 3)], strategy: .bestProficiency, wrapUp: .zero)],
            agents: [
                agent("low", ["tax": 4, "spanish": 4]),
                agent("high", ["tax": 9, "spanish": 5]),
                agent("equal", ["tax": 5, "spanish": 9]),
                agent("unqualified", ["tax": 10, "spanish": 2]),
            ]
        )
        try center.login("low", "high", "equal", "unqualified")
        #expect(center.engine.agentStatus("unqualified")?.queues.isEmpty == true)
        try center.call("c1", "tax", at: 1)
        #expect(center.offered("c1") == ["high"])
        try center.call("c2", "tax", at: 2)
        #expect(center.offered("c2") == ["equal"])
        try center.call("c3", "tax", at: 3)
        #expect(center.offered("c3") == ["low"])
    }

    @Test func ringAllOffersEveryReadyAgentAndTheFirstAcceptWins() throws {
        var center = try center(.ringAll)
        try center.call("c1", "q", at: 10)
        #expect(Set(center.offered("c1")) == ["ana", "bo", "cy"])
        #expect(center.callState("c1") == .offered(["ana", "bo", "cy"]))

        try center.at(11, .accept(call: "c1", agent: "bo"))
        #expect(center.last.contains(.offerWithdrawn(call: "c1", agent: "ana", reason: .acceptedElsewhere)))
        #expect(center.last.contains(.offerWithdrawn(call: "c1", agent: "cy", reason: .acceptedElsewhere)))
        #expect(center.state("ana") == .ready)
        #expect(center.state("cy") == .ready)
        // The racing accept that lost gets an error and changes nothing.
        #expect(throws: EngineError.notOffered(call: "c1", agent: "ana")) {
            try center.engine.handle(.accept(call: "c1", agent: "ana"))
        }
        #expect(center.callState("c1") == .connected("bo"))
    }

    @Test func ringAllWithdrawnAgentsTakeTheNextWaitingCall() throws {
        var center = try center(.ringAll, agents: ["ana", "bo"])
        try center.call("c1", "q", at: 10)
        try center.call("c2", "q", at: 10)
        #expect(center.callState("c2") == .waiting)
        try center.at(11, .accept(call: "c1", agent: "ana"))
        #expect(center.offered("c2") == ["bo"])
    }

    @Test func ringAllCallReturnsToWaitingWhenEveryoneDeclines() throws {
        var center = try center(.ringAll, agents: ["ana", "bo"])
        try center.call("c1", "q", at: 10)
        try center.at(11, .reject(call: "c1", agent: "ana"))
        #expect(center.callState("c1") == .offered(["bo"]))
        try center.at(12, .reject(call: "c1", agent: "bo"))
        #expect(center.callState("c1") == .waiting)
    }
}
