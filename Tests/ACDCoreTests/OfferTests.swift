import ACDCore
import Testing

@Suite struct OfferTests {
    func center(maxNoAnswer: Int = 3, rejectDelay: Duration = .seconds(10)) throws -> CenterHarness {
        try CenterHarness(
            queues: [queue("q") { $0.maxNoAnswer = maxNoAnswer; $0.rejectDelay = rejectDelay; $0.offerTimeout = .seconds(15) }],
            agents: [agent("ana", tiers: ["q": 1]), agent("bo", tiers: ["q": 1])]
        )
    }

    @Test func offerThatRingsOutPutsTheCallBackAtItsPlaceAndCountsAMiss() throws {
        var center = try center()
        try center.login("ana")
        try center.call("first", "q", at: 0)
        #expect(center.offered("first") == ["ana"])
        try center.call("second", "q", at: 1)
        try center.at(15)
        #expect(center.last.contains(.offerWithdrawn(call: "first", agent: "ana", reason: .notAnswered)))
        #expect(center.engine.position(of: "first")?.position == 1)
        #expect(center.engine.agentStatus("ana")?.counters.missedOffers == 1)
        #expect(center.engine.agentStatus("ana")?.restingUntil == .seconds(25))
        // bo logs in and takes the call that kept its place at the head.
        try center.login("bo", at: 16)
        #expect(center.offered("first") == ["bo"])
    }

    @Test func rejectDelayKeepsTheAgentFromBeingOfferedAgainAtOnce() throws {
        var center = try center()
        try center.login("ana")
        try center.call("c1", "q", at: 0)
        try center.at(2, .reject(call: "c1", agent: "ana"))
        #expect(center.last.contains(.offerWithdrawn(call: "c1", agent: "ana", reason: .rejected)))
        #expect(center.state("ana") == .ready)
        #expect(center.engine.agentStatus("ana")?.isRoutable == false)
        #expect(center.callState("c1") == .waiting)
        try center.at(11.999)
        #expect(center.offers.isEmpty)
        try center.at(12)
        #expect(center.offered("c1") == ["ana"])
        #expect(center.engine.agentStatus("ana")?.counters.rejectedOffers == 1)
        #expect(center.engine.agentStatus("ana")?.counters.missedOffers == 0)
    }

    @Test func zeroRejectDelayOffersTheCallToAnotherReadyAgentFirst() throws {
        var center = try center(rejectDelay: .zero)
        try center.login("ana", "bo")
        try center.call("c1", "q", at: 1)
        #expect(center.offered("c1") == ["ana"])
        try center.at(2, .reject(call: "c1", agent: "ana"))
        #expect(center.offered("c1") == ["bo"])
        #expect(center.state("ana") == .ready)
    }

    @Test func consecutiveMissesMakeTheAgentNotReadyAndTellSupervisors() throws {
        var center = try center(maxNoAnswer: 2, rejectDelay: .zero)
        try center.login("ana")
        try center.call("c1", "q", at: 0)
        try center.at(1, .noAnswer(call: "c1", agent: "ana"))
        #expect(center.offered("c1") == ["ana"])
        try center.at(16)
        #expect(center.last.contains(.agentMissedOffers(agent: "ana", consecutive: 2)))
        #expect(center.state("ana") == .notReady(.noAnswer))
        #expect(center.callState("c1") == .waiting)
    }

    @Test func anAnsweredCallResetsTheConsecutiveMisses() throws {
        var center = try center(maxNoAnswer: 2, rejectDelay: .zero)
        try center.login("ana")
        try center.call("c1", "q", at: 0)
        try center.at(15)
        try center.at(16, .accept(call: "c1", agent: "ana"))
        #expect(center.engine.agentStatus("ana")?.counters.consecutiveMisses == 0)
        #expect(center.engine.agentStatus("ana")?.counters.missedOffers == 1)
        try center.at(20, .hangup(call: "c1", by: .caller))
        try center.at(21, .wrapUpDone(agent: "ana"))
        try center.call("c2", "q", at: 22)
        try center.at(37)
        // One miss since the answer: below the max, so c2 rings again at once (no reject delay).
        #expect(center.engine.agentStatus("ana")?.counters.consecutiveMisses == 1)
        #expect(center.state("ana") == .offered("c2"))
    }

    @Test func notReadyWhileRingingWithdrawsWithoutAMiss() throws {
        var center = try center()
        try center.login("ana", "bo")
        try center.call("c1", "q", at: 1)
        try center.at(2, .notReady(agent: "ana", reason: .onBreak))
        #expect(center.last.contains(.offerWithdrawn(call: "c1", agent: "ana", reason: .agentUnavailable)))
        #expect(center.offered("c1") == ["bo"])
        #expect(center.engine.agentStatus("ana")?.counters.missedOffers == 0)
    }

    @Test func logoutWhileRingingWithdrawsAndLogoutOnACallIsRefused() throws {
        var center = try center()
        try center.login("ana")
        try center.call("c1", "q", at: 1)
        try center.at(2, .logout(agent: "ana"))
        #expect(center.state("ana") == .loggedOut)
        #expect(center.callState("c1") == .waiting)
        try center.login("bo", at: 3)
        try center.at(4, .accept(call: "c1", agent: "bo"))
        #expect(throws: EngineError.agentOnCall("bo")) { try center.engine.handle(.logout(agent: "bo")) }
    }
}
