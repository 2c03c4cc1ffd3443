import ACDCore
import Testing

@Suite struct CallLifecycleTests {
    @Test func callIsOfferedAnsweredEndedAndAgentWrapsUp() throws {
        var center = try CenterHarness(queues: [queue("sales")], agents: [agent("ana", tiers: ["sales": 1])])
        try center.login("ana")
        try center.call("c1", "sales", at: 1)
        #expect(center.last.contains(.callQueued(call: "c1", queue: "sales", position: 1, estimatedWait: .seconds(180))))
        #expect(center.offered("c1") == ["ana"])
        #expect(center.state("ana") == .offered("c1"))

        try center.at(4, .accept(call: "c1", agent: "ana"))
        #expect(center.last.contains(.callConnected(call: "c1", agent: "ana", waited: .seconds(3))))
        #expect(center.state("ana") == .busy("c1"))

        try center.at(64, .hangup(call: "c1", by: .caller))
        #expect(center.outcome(of: "c1") == .ended)
        #expect(center.state("ana") == .wrapUp(until: .seconds(74)))
        #expect(center.engine.agentStatus("ana")?.counters.callsAnswered == 1)
        #expect(center.engine.agentStatus("ana")?.counters.talkTime == .seconds(60))
        #expect(center.engine.nextDeadline == .seconds(74))

        try center.at(74)
        #expect(center.state("ana") == .ready)
        #expect(center.engine.liveCallIDs.isEmpty)
    }

    @Test func freedAgentTakesTheNextWaitingCallOnTheSameEvent() throws {
        var center = try CenterHarness(queues: [queue("sales")], agents: [agent("ana", tiers: ["sales": 1])])
        try center.login("ana")
        try center.call("c1", "sales", at: 1)
        try center.at(2, .accept(call: "c1", agent: "ana"))
        try center.call("c2", "sales", at: 3)
        #expect(center.offers.isEmpty)
        try center.at(10, .hangup(call: "c1", by: .agent))
        try center.at(11, .wrapUpDone(agent: "ana"))
        #expect(center.offered("c2") == ["ana"])
    }

    @Test func agentWrapUpOverridesTheQueueAndZeroWrapUpGoesStraightToReady() throws {
        var center = try CenterHarness(
            queues: [queue("sales")],
            agents: [agent("ana", tiers: ["sales": 1], wrapUp: .zero), agent("bo", tiers: ["sales": 1], wrapUp: .seconds(45))]
        )
        try center.login("ana", "bo")
        try center.call("c1", "sales", at: 1)
        try center.call("c2", "sales", at: 1)
        try center.at(2, .accept(call: "c1", agent: "ana"))
        try center.at(2, .accept(call: "c2", agent: "bo"))
        try center.at(5, .hangup(call: "c1", by: .caller))
        #expect(center.state("ana") == .ready)
        try center.at(5, .hangup(call: "c2", by: .caller))
        #expect(center.state("bo") == .wrapUp(until: .seconds(50)))
    }

    @Test func notReadyAskedDuringACallAppliesWhenWrapUpEnds() throws {
        var center = try CenterHarness(queues: [queue("sales")], agents: [agent("ana", tiers: ["sales": 1])])
        try center.login("ana")
        try center.call("c1", "sales", at: 1)
        try center.at(2, .accept(call: "c1", agent: "ana"))
        try center.at(3, .notReady(agent: "ana", reason: .lunch))
        #expect(center.state("ana") == .busy("c1"))
        #expect(center.engine.agentStatus("ana")?.pendingReason == .lunch)
        try center.at(9, .hangup(call: "c1", by: .agent))
        #expect(center.state("ana") == .wrapUp(until: .seconds(19)))
        try center.call("c2", "sales", at: 12)
        try center.at(19)
        #expect(center.state("ana") == .notReady(.lunch))
        #expect(center.callState("c2") == .waiting)
    }

    @Test func readyDuringACallCancelsAPendingNotReady() throws {
        var center = try CenterHarness(queues: [queue("sales")], agents: [agent("ana", tiers: ["sales": 1])])
        try center.login("ana")
        try center.call("c1", "sales", at: 1)
        try center.at(2, .accept(call: "c1", agent: "ana"))
        try center.at(3, .notReady(agent: "ana", reason: .onBreak))
        try center.at(4, .ready(agent: "ana"))
        try center.at(5, .hangup(call: "c1", by: .agent))
        try center.at(6, .wrapUpDone(agent: "ana"))
        #expect(center.state("ana") == .ready)
    }

    @Test func abandonWhileWaitingEndsTheCall() throws {
        var center = try CenterHarness(queues: [queue("sales")], agents: [agent("ana", tiers: ["sales": 1])])
        try center.login("ana")
        try center.at(0, .notReady(agent: "ana", reason: .meeting))
        try center.call("c1", "sales", at: 1)
        try center.at(30, .abandon(call: "c1"))
        #expect(center.outcome(of: "c1") == .abandoned)
        #expect(center.engine.queueStatus("sales")?.waiting == 0)
    }

    @Test func offerTimingOutAfterTheCallerAbandonedDoesNothing() throws {
        var center = try CenterHarness(queues: [queue("sales")], agents: [agent("ana", tiers: ["sales": 1])])
        try center.login("ana")
        try center.call("c1", "sales", at: 1)
        try center.at(5, .abandon(call: "c1"))
        #expect(center.last.contains(.offerWithdrawn(call: "c1", agent: "ana", reason: .callerAbandoned)))
        #expect(center.state("ana") == .ready)
        #expect(center.engine.agentStatus("ana")?.counters.missedOffers == 0)
        // The offer would have expired at 21 s: nothing happens then.
        let later = try center.at(60)
        #expect(later.isEmpty)
        #expect(center.state("ana") == .ready)
        #expect(center.all.filter { if case .callFinished = $0 { true } else { false } }.count == 1)
    }

    @Test func maxCallDurationTellsSoftThenHardAndNeverHangsUp() throws {
        var center = try CenterHarness(
            queues: [queue("sales") { $0.maxCallDuration = CallDurationLimit(soft: .seconds(900), hard: .seconds(1200)) }],
            agents: [agent("ana", tiers: ["sales": 1])]
        )
        try center.login("ana")
        try center.call("c1", "sales", at: 0)
        try center.at(1, .accept(call: "c1", agent: "ana"))
        try center.at(900.999)
        #expect(center.last.isEmpty)
        try center.at(901)
        #expect(center.last == [.callDurationExceeded(call: "c1", agent: "ana", hard: false)])
        try center.at(1201)
        #expect(center.last == [.callDurationExceeded(call: "c1", agent: "ana", hard: true)])
        #expect(center.callState("c1") == .connected("ana"))
        try center.at(1300, .hangup(call: "c1", by: .caller))
        #expect(center.engine.nextDeadline == .seconds(1310))
    }

    @Test func transferKeepsTheCallsAgeAndGoesToAnotherAgent() throws {
        var center = try CenterHarness(
            queues: [queue("support"), queue("billing")],
            agents: [agent("ana", tiers: ["support": 1]), agent("bo", tiers: ["billing": 1]), agent("cy", tiers: ["billing": 1])]
        )
        try center.login("ana")
        try center.login("bo", "cy")
        try center.at(0, .notReady(agent: "bo", reason: .meeting))
        try center.at(0, .notReady(agent: "cy", reason: .meeting))
        try center.call("c1", "support", at: 10)
        try center.at(11, .accept(call: "c1", agent: "ana"))
        try center.call("late", "billing", at: 50)
        try center.at(100, .transfer(call: "c1", to: "billing"))
        #expect(center.last.contains(.callTransferred(call: "c1", agent: "ana", from: "support", to: "billing")))
        #expect(center.state("ana") == .wrapUp(until: .seconds(110)))
        // Entered at 10 s, c1 is ahead of "late" (entered at 50 s) in billing.
        #expect(center.engine.position(of: "c1")?.position == 1)
        try center.at(101, .ready(agent: "bo"))
        #expect(center.offered("c1") == ["bo"])
    }
}
