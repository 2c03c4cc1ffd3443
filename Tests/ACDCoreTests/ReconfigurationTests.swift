import ACDCore
import Testing

@Suite struct ReconfigurationTests {
    let sales = queue("sales") { $0.offerTimeout = .seconds(20) }
    let support = queue("support")

    func center() throws -> CenterHarness {
        try CenterHarness(
            queues: [sales, support],
            agents: [agent("ana", tiers: ["sales": 1]), agent("bo", tiers: ["sales": 1, "support": 1]), agent("cy", tiers: ["support": 1])]
        )
    }

    /// Applies `configuration` to the harness's engine at its current time.
    @discardableResult
    func reconfigure(
        _ center: inout CenterHarness, _ configuration: CenterConfiguration, removed: RemovedQueueTreatment = .leave
    ) throws -> [Effect] {
        let (engine, effects) = try center.engine.reconfigured(to: configuration, removedQueueCalls: removed)
        center.engine = engine
        center.last = effects
        center.all += effects
        return effects
    }

    @Test func unchangedConfigurationKeepsEveryCallAgentAndFigureAsItWas() throws {
        var center = try center()
        try center.login("ana", "bo")
        try center.at(1, .notReady(agent: "bo", reason: .lunch))
        try center.call("talking", "sales", at: 2)
        try center.at(3, .accept(call: "talking", agent: "ana"))
        try center.call("w1", "sales", priority: 2, at: 4)
        try center.call("w2", "sales", at: 5)
        let before = center.engine
        try center.at(6)
        let effects = try reconfigure(&center, CenterConfiguration(queues: [sales, support], agents: [
            agent("ana", tiers: ["sales": 1]), agent("bo", tiers: ["sales": 1, "support": 1]), agent("cy", tiers: ["support": 1]),
        ]))
        #expect(effects.isEmpty)
        for call in ["talking", "w1", "w2"] as [CallID] {
            #expect(center.engine.callStatus(call)?.state == before.callStatus(call)?.state)
            #expect(center.engine.callStatus(call)?.enteredSystem == before.callStatus(call)?.enteredSystem)
        }
        #expect(center.engine.position(of: "w1")?.position == 1)
        #expect(center.engine.position(of: "w2")?.position == 2)
        #expect(center.engine.agentStatus("ana") == before.agentStatus("ana"))
        #expect(center.engine.agentStatus("bo") == before.agentStatus("bo"))
        #expect(center.engine.queueStatus("sales")?.figures == before.queueStatus("sales")?.figures)
        // The call goes on as before: hangup, wrap-up, then the next call.
        try center.at(20, .hangup(call: "talking", by: .caller))
        #expect(center.state("ana") == .wrapUp(until: .seconds(30)))
        try center.at(30)
        #expect(center.offered("w1") == ["ana"])
    }

    @Test func anAgentGivenANewQueueTakesItsWaitingCallAtOnce() throws {
        var center = try center()
        try center.login("ana")
        try center.call("s1", "support", at: 1)
        #expect(center.callState("s1") == .waiting)
        let effects = try reconfigure(&center, CenterConfiguration(queues: [sales, support], agents: [
            agent("ana", tiers: ["sales": 1, "support": 1]), agent("bo", tiers: ["sales": 1]), agent("cy", tiers: ["support": 1]),
        ]))
        #expect(effects.contains { if case .offer(let offer) = $0 { offer.call == "s1" && offer.agent == "ana" } else { false } })
        #expect(center.callState("s1") == .offered(["ana"]))
    }

    @Test func aRingingOfferThatStillFitsKeepsRingingUntilItsOwnExpiry() throws {
        var center = try center()
        try center.login("ana")
        try center.call("c1", "sales", at: 1)
        #expect(center.offered("c1") == ["ana"])
        try center.at(5)
        let effects = try reconfigure(&center, CenterConfiguration(queues: [queue("sales") { $0.offerTimeout = .seconds(20); $0.wrapUp = .seconds(5) }, support], agents: [
            agent("ana", tiers: ["sales": 1]),
        ]))
        #expect(effects.isEmpty)
        #expect(center.callState("c1") == .offered(["ana"]))
        #expect(center.engine.callStatus("c1")?.offerExpires == .seconds(21))
        try center.at(20.999)
        #expect(center.last.isEmpty)
        try center.at(21)
        #expect(center.last.contains(.offerWithdrawn(call: "c1", agent: "ana", reason: .notAnswered)))
    }

    @Test func aNewOfferTimeoutWithdrawsTheOfferAndOffersTheCallAgainUnderIt() throws {
        var center = try center()
        try center.login("ana")
        try center.call("c1", "sales", at: 1)
        try center.at(5)
        let effects = try reconfigure(&center, CenterConfiguration(queues: [queue("sales") { $0.offerTimeout = .seconds(60) }, support], agents: [
            agent("ana", tiers: ["sales": 1]),
        ]))
        #expect(effects.first == .offerWithdrawn(call: "c1", agent: "ana", reason: .reconfigured))
        #expect(center.offered("c1") == ["ana"])
        #expect(center.engine.callStatus("c1")?.offerExpires == .seconds(65))
    }

    @Test func anOfferToAnAgentThatNoLongerServesTheQueueIsWithdrawnAndRoutedAgain() throws {
        var center = try center()
        try center.login("ana")
        try center.call("c1", "sales", at: 1)
        try center.login("bo", at: 2)
        let effects = try reconfigure(&center, CenterConfiguration(queues: [sales, support], agents: [
            agent("ana", tiers: ["support": 1]), agent("bo", tiers: ["sales": 1]),
        ]))
        #expect(effects.contains(.offerWithdrawn(call: "c1", agent: "ana", reason: .reconfigured)))
        #expect(effects.contains(.agentStateChanged(agent: "ana", state: .ready)))
        #expect(center.callState("c1") == .offered(["bo"]))
        #expect(center.engine.agentStatus("ana")?.counters.missedOffers == 0)
        #expect(center.engine.agentStatus("ana")?.counters.rejectedOffers == 0)
    }

    @Test func callsOfARemovedQueueLeaveWhileItsConnectedCallGoesOnToTheEnd() throws {
        var center = try center()
        try center.login("bo", "cy")
        try center.call("talking", "support", at: 1)
        #expect(center.offered("talking") == ["bo"])
        try center.at(2, .accept(call: "talking", agent: "bo"))
        try center.call("ringing", "support", at: 3)
        #expect(center.offered("ringing") == ["cy"])
        try center.call("waiting", "support", at: 4)

        let effects = try reconfigure(&center, CenterConfiguration(queues: [sales], agents: [
            agent("ana", tiers: ["sales": 1]), agent("bo", tiers: ["sales": 1]), agent("cy", tiers: ["sales": 1]),
        ]))
        #expect(effects.contains(.offerWithdrawn(call: "ringing", agent: "cy", reason: .reconfigured)))
        #expect(effects.contains(.callFinished(call: "ringing", outcome: .queueRemoved)))
        #expect(effects.contains(.callFinished(call: "waiting", outcome: .queueRemoved)))
        #expect(center.state("cy") == .ready)
        #expect(center.callState("talking") == .connected("bo"))
        #expect(center.engine.queueIDs == ["sales"])
        #expect(throws: EngineError.unknownQueue("support")) { try center.engine.handle(.enqueue(NewCall(id: "new", queue: "support"))) }
        // The connected call ends normally, with the removed queue's wrap-up.
        try center.at(30, .hangup(call: "talking", by: .agent))
        #expect(center.state("bo") == .wrapUp(until: .seconds(40)))
        #expect(center.engine.liveCallIDs.isEmpty)
    }

    @Test func callsOfARemovedQueueCanMoveToAnotherKeepingTheirAge() throws {
        var center = try center()
        try center.call("s1", "support", priority: 3, at: 1)
        try center.at(9)
        let effects = try reconfigure(&center, CenterConfiguration(queues: [sales], agents: [agent("ana", tiers: ["sales": 1])]), removed: .moveTo("sales"))
        #expect(effects.contains(.callMoved(call: "s1", from: "support", to: "sales")))
        let status = try #require(center.engine.callStatus("s1"))
        #expect(status.queues.map(\.queue) == ["sales"])
        #expect(status.enteredSystem == .seconds(1))
        #expect(status.priority == 3)
        #expect(center.engine.queueStatus("sales")?.figures.offered == 1)
        try center.login("ana", at: 10)
        #expect(center.offered("s1") == ["ana"])
    }

    @Test func aRemovedAgentIsLoggedOutOrFinishesItsCallFirst() throws {
        var center = try center()
        try center.login("ana", "bo", "cy")
        try center.call("c1", "sales", at: 1)
        try center.at(2, .accept(call: "c1", agent: "ana"))
        let effects = try reconfigure(&center, CenterConfiguration(queues: [sales, support], agents: [agent("bo", tiers: ["sales": 1])]))
        #expect(effects.contains(.agentStateChanged(agent: "cy", state: .loggedOut)))
        #expect(!effects.contains { if case .agentStateChanged("ana", _) = $0 { true } else { false } })
        #expect(center.engine.agentIDs == ["bo"])
        #expect(center.engine.agentStatus("ana") == nil)
        #expect(throws: EngineError.unknownAgent("ana")) { try center.engine.handle(.logout(agent: "ana")) }
        #expect(center.callState("c1") == .connected("ana"))
        // Its call ends: it leaves without wrap-up and is offered nothing more.
        try center.call("c2", "sales", at: 3)
        #expect(center.offered("c2") == ["bo"])
        try center.at(4, .hangup(call: "c1", by: .caller))
        #expect(center.last.contains(.agentStateChanged(agent: "ana", state: .loggedOut)))
        try center.call("c3", "sales", at: 5)
        #expect(center.callState("c3") == .waiting)
        // Added back later, it is an agent like any other.
        try reconfigure(&center, CenterConfiguration(queues: [sales, support], agents: [agent("bo", tiers: ["sales": 1]), agent("ana", tiers: ["sales": 1])]))
        try center.login("ana", at: 6)
        #expect(center.offered("c3") == ["ana"])
    }

    @Test func shorterTierWaitsOpenTheTiersAWaitingCallIsAlreadyPast() throws {
        var center = try CenterHarness(queues: [queue("q") { $0.tierWait = .seconds(60) }], agents: [agent("ana", tiers: ["q": 3])])
        try center.login("ana")
        try center.call("c1", "q", at: 0)
        try center.at(25)
        #expect(center.callState("c1") == .waiting)
        let effects = try reconfigure(&center, CenterConfiguration(queues: [queue("q") { $0.tierWait = .seconds(10) }], agents: [agent("ana", tiers: ["q": 3])]))
        #expect(effects.contains { if case .offer(let offer) = $0 { offer.agent == "ana" && offer.decision.tier == 3 } else { false } })
    }

    @Test func aNewMaxWaitThatACallIsPastAppliesAtOnce() throws {
        var center = try CenterHarness(queues: [queue("q")], agents: [agent("ana", tiers: ["q": 1])])
        try center.call("old", "q", at: 0)
        try center.call("young", "q", at: 25)
        try center.at(30)
        let effects = try reconfigure(&center, CenterConfiguration(
            queues: [queue("q") { $0.overflow = [OverflowStep(after: .seconds(20), action: .leave)] }],
            agents: [agent("ana", tiers: ["q": 1])]
        ))
        #expect(effects == [.callFinished(call: "old", outcome: .timedOut)])
        try center.at(44.999)
        #expect(center.callState("young") == .waiting)
        try center.at(45)
        #expect(center.outcome(of: "young") == .timedOut)
    }

    @Test func stateWrapUpRestAndPendingReasonCarryOver() throws {
        var center = try center()
        try center.login("ana", "bo")
        try center.call("c1", "sales", at: 1)
        try center.at(2, .accept(call: "c1", agent: "ana"))
        try center.at(3, .notReady(agent: "ana", reason: .training))
        try center.at(4, .hangup(call: "c1", by: .caller))
        try center.call("c2", "sales", at: 5)
        try center.at(6, .reject(call: "c2", agent: "bo"))
        try reconfigure(&center, CenterConfiguration(queues: [sales, support], agents: [
            agent("ana", tiers: ["sales": 1]), agent("bo", tiers: ["sales": 1]),
        ]))
        #expect(center.state("ana") == .wrapUp(until: .seconds(14)))
        #expect(center.engine.agentStatus("ana")?.pendingReason == .training)
        #expect(center.engine.agentStatus("bo")?.restingUntil == .seconds(16))
        try center.at(14)
        #expect(center.state("ana") == .notReady(.training))
        try center.at(16)
        #expect(center.offered("c2") == ["bo"])
    }

    @Test func aTreatmentNamingAnUnknownQueueOrAnInvalidConfigurationIsRefused() throws {
        let center = try center()
        #expect(throws: ConfigurationError.unknownQueue("nowhere", referrer: "removed_queue_calls")) {
            try center.engine.reconfigured(to: CenterConfiguration(queues: [sales], agents: []), removedQueueCalls: .moveTo("nowhere"))
        }
        #expect(throws: ConfigurationError.duplicateQueue("sales")) {
            try center.engine.reconfigured(to: CenterConfiguration(queues: [sales, sales], agents: []))
        }
    }
}
