import ACDCore
import Testing

@Suite struct SupervisionAndFiguresTests {
    func center() throws -> CenterHarness {
        var center = try CenterHarness(
            queues: [queue("q") { $0.serviceLevelThreshold = .seconds(20) }, queue("other")],
            agents: [agent("ana", tiers: ["q": 1]), agent("bo", tiers: ["other": 1])]
        )
        try center.login("ana", "bo")
        try center.at(0, .notReady(agent: "ana", reason: .meeting))
        try center.at(0, .notReady(agent: "bo", reason: .meeting))
        return center
    }

    @Test func reprioritizedCallTakesItsNewPlace() throws {
        var center = try center()
        try center.call("first", "q", at: 1)
        try center.call("second", "q", at: 2)
        try center.at(3, .reprioritize(call: "second", priority: 7))
        #expect(center.last == [.callReprioritized(call: "second", priority: 7)])
        #expect(center.engine.position(of: "second")?.position == 1)
        #expect(center.engine.callStatus("second")?.priority == 7)
        try center.at(4, .ready(agent: "ana"))
        #expect(center.offered("second") == ["ana"])
        #expect(throws: EngineError.invalidPriority(10)) { try center.engine.handle(.reprioritize(call: "first", priority: 10)) }
        try center.at(5, .accept(call: "second", agent: "ana"))
        #expect(throws: EngineError.callAlreadyConnected("second")) { try center.engine.handle(.reprioritize(call: "second", priority: 1)) }
    }

    @Test func movedCallKeepsItsAgeAndARingingOfferIsWithdrawn() throws {
        var center = try center()
        try center.call("c1", "q", at: 1)
        try center.at(5, .ready(agent: "ana"))
        #expect(center.offered("c1") == ["ana"])
        try center.at(6, .move(call: "c1", to: "other"))
        #expect(center.last.contains(.offerWithdrawn(call: "c1", agent: "ana", reason: .callMoved)))
        #expect(center.last.contains(.callMoved(call: "c1", from: "q", to: "other")))
        #expect(center.state("ana") == .ready)
        #expect(center.engine.callStatus("c1")?.queues.map(\.queue) == ["other"])
        #expect(center.engine.callStatus("c1")?.enteredSystem == .seconds(1))
        try center.at(7, .ready(agent: "bo"))
        #expect(center.offered("c1") == ["bo"])
        #expect(throws: EngineError.unknownQueue("nowhere")) { try center.engine.handle(.move(call: "c1", to: "nowhere")) }
    }

    @Test func queueFiguresCountOfferedAnsweredInTimeAbandonedAndHandleTime() throws {
        var center = try center()
        try center.call("fast", "q", at: 0)
        try center.call("slow", "q", at: 0)
        try center.call("gone", "q", at: 0)
        try center.at(10, .abandon(call: "gone"))
        try center.at(15, .ready(agent: "ana"))
        try center.at(15, .accept(call: "fast", agent: "ana"))
        try center.at(75, .hangup(call: "fast", by: .caller))
        try center.at(85)
        // The 10 s wrap-up ended at 85 s; ana takes "slow", which has waited 85 s.
        try center.at(85, .accept(call: "slow", agent: "ana"))
        let figures = try #require(center.engine.queueStatus("q")?.figures)
        #expect(figures.offered == 3)
        #expect(figures.answered == 2)
        #expect(figures.answeredInTime == 1)
        #expect(figures.abandoned == 1)
        #expect(figures.serviceLevel == 1.0 / 3.0)
        #expect(figures.abandonRate == 1.0 / 3.0)
        #expect(figures.averageSpeedOfAnswer == .seconds(50))
        #expect(figures.handled == 1)
        #expect(figures.averageHandleTime == .seconds(70))
        try center.at(86, .beginDay)
        #expect(center.engine.queueStatus("q")?.figures == QueueFigures())
    }
}

@Suite struct LongestWaitTests {
    @Test func theOldestWaitingCallCountsWhateverItsPriority() throws {
        var center = try CenterHarness(queues: [queue("q")], agents: [agent("ana", tiers: ["q": 1])])
        try center.call("old", "q", priority: 0, at: 1)
        try center.call("middle", "q", priority: 5, at: 2)
        try center.call("urgent", "q", priority: 9, at: 3)
        try center.call("older-urgent", "q", priority: 9, at: 4)
        #expect(center.engine.queueStatus("q")?.oldestWaitingSince == .seconds(1))
        #expect(center.engine.summary.oldestWaitingSince == .seconds(1))
        try center.at(5, .abandon(call: "old"))
        #expect(center.engine.queueStatus("q")?.oldestWaitingSince == .seconds(2))
        try center.at(6, .abandon(call: "middle"))
        #expect(center.engine.queueStatus("q")?.oldestWaitingSince == .seconds(3))
        try center.at(7, .abandon(call: "urgent"))
        try center.at(8, .abandon(call: "older-urgent"))
        #expect(center.engine.queueStatus("q")?.oldestWaitingSince == nil)
        #expect(center.engine.summary.oldestWaitingSince == nil)
    }
}

@Suite struct DailyTargetTests {
    @Test func reachingTheTargetIsAnnouncedOnceAndANewDayStartsOver() throws {
        var center = try CenterHarness(
            queues: [queue("q") { $0.wrapUp = .zero }],
            agents: [AgentConfiguration(id: "ana", tiers: ["q": 1], dailyTarget: 2)]
        )
        try center.login("ana")
        #expect(center.engine.agentStatus("ana")?.dailyTarget == 2)
        for (number, second) in [(1, 1.0), (2, 10.0), (3, 20.0)] {
            let call = CallID("c\(number)")
            try center.call(call, "q", at: second)
            try center.at(second + 1, .accept(call: call, agent: "ana"))
            let reached = center.last.contains(.dailyTargetReached(agent: "ana", target: 2))
            #expect(reached == (number == 2), "call \(number)")
            try center.at(second + 2, .hangup(call: call, by: .caller))
        }
        try center.at(30, .beginDay)
        #expect(center.engine.agentStatus("ana")?.counters.callsAnswered == 0)
        try center.call("d1", "q", at: 31)
        try center.at(32, .accept(call: "d1", agent: "ana"))
        try center.at(33, .hangup(call: "d1", by: .caller))
        try center.call("d2", "q", at: 34)
        try center.at(35, .accept(call: "d2", agent: "ana"))
        #expect(center.last.contains(.dailyTargetReached(agent: "ana", target: 2)))
    }
}
