import ACDCore
import Testing

@Suite struct MaxWaitTests {
    @Test func leaveTimesTheCallOut() throws {
        var center = try CenterHarness(
            queues: [queue("q") { $0.overflow = [.init(after: .seconds(180), action: .leave)] }],
            agents: [agent("ana", tiers: ["q": 1])]
        )
        try center.login("ana")
        try center.at(0, .notReady(agent: "ana", reason: .onBreak))
        try center.call("c1", "q", at: 10)
        try center.at(189.999)
        #expect(center.outcome(of: "c1") == nil)
        try center.at(190)
        #expect(center.outcome(of: "c1") == .timedOut)
        #expect(center.engine.liveCallIDs.isEmpty)
    }

    @Test func divertSendsTheCallOut() throws {
        var center = try CenterHarness(
            queues: [queue("q") { $0.overflow = [.init(after: .seconds(60), action: .divert(destination: "sip:overflow@site-b"))] }],
            agents: []
        )
        try center.call("c1", "q", at: 0)
        try center.at(60)
        #expect(center.outcome(of: "c1") == .overflowedOut(destination: "sip:overflow@site-b"))
    }

    @Test func moveKeepsTheCallsAgeInTheNewQueue() throws {
        var center = try CenterHarness(
            queues: [queue("first-line") { $0.overflow = [.init(after: .seconds(60), action: .moveTo("backup"))] }, queue("backup")],
            agents: [agent("ana", tiers: ["backup": 1])]
        )
        try center.login("ana")
        try center.at(0, .notReady(agent: "ana", reason: .onBreak))
        try center.call("moved", "first-line", at: 0)
        try center.call("local", "backup", at: 30)
        try center.at(60)
        #expect(center.last.contains(.callOverflowed(call: "moved", from: "first-line", to: "backup")))
        #expect(center.engine.callStatus("moved")?.queues.map(\.queue) == ["backup"])
        #expect(center.engine.position(of: "moved")?.position == 1)
        try center.at(61, .ready(agent: "ana"))
        #expect(center.offered("moved") == ["ana"])
    }

    @Test func overflowIntoAQueueWithNoAgentsWaitsThereUnderItsRules() throws {
        var center = try CenterHarness(
            queues: [
                queue("q") { $0.overflow = [.init(after: .seconds(60), action: .moveTo("empty"))] },
                queue("empty") { $0.maxWaitWithNoAgent = .seconds(30) },
            ],
            agents: [agent("ana", tiers: ["q": 1])]
        )
        try center.login("ana")
        try center.at(0, .notReady(agent: "ana", reason: .onBreak))
        try center.call("c1", "q", at: 0)
        try center.at(60)
        #expect(center.callState("c1") == .waiting)
        #expect(center.engine.explain("c1")?.lines.contains("why it waits: no agent of an open tier is logged in") == true)
        try center.at(89.999)
        #expect(center.outcome(of: "c1") == nil)
        try center.at(90)
        #expect(center.outcome(of: "c1") == .leftNoAgents)
    }

    @Test func overflowIntoAFullQueueTimesTheCallOut() throws {
        var center = try CenterHarness(
            queues: [
                queue("q") { $0.overflow = [.init(after: .seconds(60), action: .moveTo("small"))] },
                queue("small") { $0.maxLength = 1 },
            ],
            agents: []
        )
        try center.call("c1", "q", at: 0)
        try center.call("s1", "small", at: 1)
        try center.at(60)
        #expect(center.outcome(of: "c1") == .timedOut)
    }

    @Test func widenLetsAgentsOfOtherQueuesTakeTheCallThenTheNextStepApplies() throws {
        var center = try CenterHarness(
            queues: [
                queue("tax") {
                    $0.overflow = [.init(after: .seconds(30), action: .widen(["accounting"])), .init(after: .seconds(120), action: .leave)]
                },
                queue("accounting"),
            ],
            agents: [agent("ana", tiers: ["tax": 1]), agent("bo", tiers: ["accounting": 1])]
        )
        try center.login("ana", "bo")
        try center.at(0, .notReady(agent: "ana", reason: .onBreak))
        try center.at(0, .notReady(agent: "bo", reason: .onBreak))
        try center.call("c1", "tax", at: 0)
        try center.at(30)
        #expect(center.last.contains(.callWidened(call: "c1", queues: ["accounting"])))
        #expect(center.engine.callStatus("c1")?.queues.map(\.queue) == ["tax", "accounting"])
        try center.at(50, .ready(agent: "bo"))
        #expect(center.offered("c1") == ["bo"])
        try center.at(51, .reject(call: "c1", agent: "bo"))
        try center.at(120)
        #expect(center.outcome(of: "c1") == .timedOut)
    }

    @Test func maxWaitDueWhileRingingAppliesIfTheCallComesBack() throws {
        var center = try CenterHarness(
            queues: [queue("q") { $0.overflow = [.init(after: .seconds(30), action: .leave)]; $0.offerTimeout = .seconds(20) }],
            agents: [agent("ana", tiers: ["q": 1])]
        )
        try center.login("ana")
        try center.at(0, .notReady(agent: "ana", reason: .onBreak))
        try center.call("c1", "q", at: 0)
        try center.at(25, .ready(agent: "ana"))
        try center.at(30)
        #expect(center.callState("c1") == .offered(["ana"]))
        try center.at(35, .reject(call: "c1", agent: "ana"))
        #expect(center.outcome(of: "c1") == .timedOut)
    }

    @Test func maxWaitWithNoAgentCountsFromTheLastLogoutAndStopsAtALogin() throws {
        var center = try CenterHarness(
            queues: [queue("q") { $0.maxWaitWithNoAgent = .seconds(60) }],
            agents: [agent("ana", tiers: ["q": 1])]
        )
        try center.login("ana")
        try center.at(0, .notReady(agent: "ana", reason: .onBreak))
        try center.call("c1", "q", at: 0)
        try center.at(100, .logout(agent: "ana"))
        try center.at(130, .login(agent: "ana", notReady: .onBreak))
        try center.at(500)
        #expect(center.outcome(of: "c1") == nil)
        try center.at(600, .logout(agent: "ana"))
        try center.at(659.999)
        #expect(center.outcome(of: "c1") == nil)
        try center.at(660)
        #expect(center.outcome(of: "c1") == .leftNoAgents)
    }

    @Test func fullQueueRejectsAndJoinWhenEmptyOffRefusesWithNoAgents() throws {
        var center = try CenterHarness(
            queues: [queue("full") { $0.maxLength = 2 }, queue("staffed-only") { $0.joinWhenEmpty = false }],
            agents: [agent("ana", tiers: ["staffed-only": 1])]
        )
        try center.call("c1", "full", at: 0)
        try center.call("c2", "full", at: 0)
        try center.call("c3", "full", at: 0)
        #expect(center.outcome(of: "c3") == .rejectedFull)
        #expect(center.engine.queueStatus("full")?.waiting == 2)
        try center.call("c4", "staffed-only", at: 1)
        #expect(center.outcome(of: "c4") == .leftNoAgents)
        try center.login("ana", at: 2)
        try center.at(2, .notReady(agent: "ana", reason: .onBreak))
        try center.call("c5", "staffed-only", at: 3)
        #expect(center.callState("c5") == .waiting)
    }
}
