import ACDCore
import Testing

@Suite struct PositionAndExplainTests {
    /// Four agents on calls in "q"; calls wait behind them.
    func busyCenter(expectedHandle: Duration = .seconds(200)) throws -> CenterHarness {
        var center = try CenterHarness(
            queues: [queue("q") { $0.expectedHandleTime = expectedHandle; $0.wrapUp = .zero }],
            agents: ["a1", "a2", "a3", "a4"].map { agent(AgentID($0), tiers: ["q": 1]) }
        )
        for id in ["a1", "a2", "a3", "a4"] as [AgentID] {
            try center.login(id)
            try center.call(CallID("busy-\(id)"), "q", at: 0)
            try center.at(0, .accept(call: CallID("busy-\(id)"), agent: id))
        }
        return center
    }

    @Test func positionsMoveUpAsTheQueueMoves() throws {
        var center = try busyCenter()
        for index in 1...5 {
            try center.call(CallID("w\(index)"), "q", at: Double(index))
        }
        #expect((1...5).map { center.engine.position(of: CallID("w\($0)"))?.position } == [1, 2, 3, 4, 5])
        try center.at(10, .abandon(call: "w2"))
        try center.at(11, .hangup(call: "busy-a1", by: .caller))
        #expect(center.offered("w1") == ["a1"])
        #expect(center.engine.position(of: "w1") == nil)
        #expect([3, 4, 5].map { center.engine.position(of: CallID("w\($0)"))?.position } == [1, 2, 3])
    }

    @Test func estimatedWaitUsesHandleTimeAndTheAgentsServingTheQueue() throws {
        var center = try busyCenter(expectedHandle: .seconds(200))
        try center.call("w1", "q", at: 1)
        // Position 1, 4 staffed agents, 200 s handle time: 50 s.
        #expect(center.last.contains(.callQueued(call: "w1", queue: "q", position: 1, estimatedWait: .seconds(50))))
        try center.call("w2", "q", at: 2)
        #expect(center.engine.position(of: "w2")?.estimatedWait == .seconds(100))
        // An agent going on break after its call leaves three to share the line, and its 3 s call
        // pulls the handle-time average down: 200 + 0.1 x (3 - 200) = 180.3 s; 2 x 180.3 / 3.
        try center.at(3, .notReady(agent: "a4", reason: .onBreak))
        try center.at(3, .hangup(call: "busy-a4", by: .caller))
        #expect(center.state("a4") == .notReady(.onBreak))
        #expect(center.engine.queueStatus("q")?.averageHandleTime == .milliseconds(180_300))
        #expect(center.engine.position(of: "w2")?.estimatedWait == .milliseconds(120_200))
    }

    @Test func handleTimeAverageLearnsFromFinishedCalls() throws {
        var center = try CenterHarness(
            queues: [queue("q") { $0.expectedHandleTime = .seconds(100); $0.wrapUp = .seconds(20) }],
            agents: [agent("ana", tiers: ["q": 1])]
        )
        try center.login("ana")
        try center.call("c1", "q", at: 0)
        try center.at(0, .accept(call: "c1", agent: "ana"))
        try center.at(180, .hangup(call: "c1", by: .caller))
        try center.at(200)
        // Talk 180 s + wrap-up 20 s = 200 s, smoothing 0.1: 100 + 0.1 x (200 - 100) = 110 s.
        #expect(center.engine.queueStatus("q")?.averageHandleTime == .seconds(110))
    }

    @Test func agentServingTwoQueuesCountsByWeightInEachEstimate() throws {
        var center = try CenterHarness(
            queues: [queue("a") { $0.expectedHandleTime = .seconds(60); $0.weight = 3 }, queue("b") { $0.expectedHandleTime = .seconds(60) }],
            agents: [agent("both", tiers: ["a": 1, "b": 1])]
        )
        try center.login("both")
        try center.at(0, .notReady(agent: "both", reason: .onBreak))
        try center.call("ca", "a", at: 1)
        #expect(center.engine.position(of: "ca")?.estimatedWait == nil)
        try center.at(2, .ready(agent: "both"))
        try center.at(3, .accept(call: "ca", agent: "both"))
        try center.call("wa", "a", at: 4)
        try center.call("wb", "b", at: 4)
        // Three quarters of the agent for "a", one quarter for "b".
        #expect(center.engine.position(of: "wa")?.estimatedWait == .seconds(80))
        #expect(center.engine.position(of: "wb")?.estimatedWait == .seconds(240))
    }

    @Test func explainsWhoTookTheCallAndByWhichRule() throws {
        var center = try CenterHarness(
            queues: [queue("q")],
            agents: [agent("ana", tiers: ["q": 1]), agent("bo", tiers: ["q": 1])]
        )
        try center.login("ana", at: 0)
        try center.login("bo", at: 5)
        try center.call("c1", "q", at: 10)
        let explanation = try #require(center.engine.explain("c1"))
        #expect(explanation.call.decision?.strategy == .longestIdle)
        #expect(explanation.call.decision?.candidates == 2)
        #expect(explanation.call.decision?.trigger == .callWaiting)
        #expect(explanation.lines == [
            "ringing for ana after waiting 0s",
            "why: longest-idle in queue q chose ana among 2 ready tier-1 agent(s) (call-waiting)",
        ])
    }

    @Test func explainsWhyACallStillWaitsAndWhatWouldChangeIt() throws {
        var center = try CenterHarness(
            queues: [queue("q") { $0.tierWait = .seconds(30); $0.overflow = [.init(after: .seconds(120), action: .leave)] }],
            agents: [agent("ana", tiers: ["q": 1]), agent("bo", tiers: ["q": 1]), agent("cy", tiers: ["q": 2])]
        )
        try center.login("ana", "bo", "cy")
        try center.at(0, .notReady(agent: "bo", reason: .lunch))
        try center.at(0, .notReady(agent: "cy", reason: .lunch))
        try center.call("first", "q", at: 1)
        try center.at(2, .accept(call: "first", agent: "ana"))
        try center.call("c1", "q", at: 10)
        let explanation = try #require(center.engine.explain("c1"))
        #expect(explanation.position == 1)
        #expect(explanation.queues.first?.tiers.map(\.isOpen) == [true, false])
        #expect(explanation.queues.first?.tiers.first?.occupied == 1)
        #expect(explanation.nextOverflow?.at == .seconds(130))
        #expect(explanation.lines == [
            "waiting 0s at priority 0, position 1 in queue q, estimated wait 180s",
            "queue q tier 1 (open): 2 logged in, 0 ready, 1 not ready, 1 occupied",
            "queue q tier 2 (opens at 40000ms): 1 logged in, 0 ready, 1 not ready, 0 occupied",
            "why it waits: every logged-in agent of the open tiers is occupied or not ready",
            "would change it: an agent of an open tier becoming ready",
            "would change it: tier 2 of queue q opening at 40000ms (1 logged in)",
            "would change it: max wait at 130000ms: leave",
        ])
    }
}
