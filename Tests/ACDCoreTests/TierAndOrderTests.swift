import ACDCore
import Testing

@Suite struct TierAndOrderTests {
    func tiered(tierWait: Duration = .seconds(30)) throws -> CenterHarness {
        try CenterHarness(
            queues: [queue("support") { $0.tierWait = tierWait }],
            agents: [
                agent("first", tiers: ["support": 1]),
                agent("second", tiers: ["support": 2]),
                agent("third", tiers: ["support": 3]),
            ]
        )
    }

    @Test func tierOpensExactlyAtTheBoundary() throws {
        var center = try tiered()
        try center.login("second", "third")
        try center.call("c1", "support", at: 10)
        #expect(center.offers.isEmpty)
        #expect(center.engine.nextDeadline == .seconds(40))
        try center.at(39.999)
        #expect(center.offers.isEmpty)
        try center.at(40)
        #expect(center.last.first == .tierOpened(call: "c1", queue: "support", tier: 2))
        #expect(center.offered("c1") == ["second"])
        #expect(center.engine.callStatus("c1")?.decision?.trigger == .tierOpened)
    }

    @Test func tierThreeOpensAtTwiceTheTierWait() throws {
        var center = try tiered()
        try center.login("third")
        try center.call("c1", "support", at: 0)
        try center.at(30)
        #expect(center.offers.isEmpty)
        try center.at(59)
        #expect(center.offers.isEmpty)
        try center.at(60)
        #expect(center.offered("c1") == ["third"])
    }

    @Test func lowerTierIsPreferredWhenSeveralAreOpen() throws {
        var center = try CenterHarness(
            queues: [queue("support") { $0.offerTimeout = .seconds(60) }],
            agents: [agent("x", tiers: ["support": 1]), agent("first", tiers: ["support": 1]), agent("second", tiers: ["support": 2])]
        )
        try center.login("x")
        try center.call("c1", "support", at: 0)
        #expect(center.offered("c1") == ["x"])
        // Tier 2 opens at 30 s while the call rings; second has been ready longer than first.
        try center.login("second", at: 32)
        try center.login("first", at: 33)
        try center.at(35, .reject(call: "c1", agent: "x"))
        #expect(center.engine.callStatus("c1")?.queues.first?.openTiers == 2)
        #expect(center.offered("c1") == ["first"])
    }

    @Test func zeroTierWaitOpensEveryTierAtOnce() throws {
        var center = try tiered(tierWait: .zero)
        try center.login("third")
        try center.call("c1", "support", at: 5)
        #expect(center.offered("c1") == ["third"])
    }

    @Test func callKeepsItsPlaceWhenMoreTiersOpen() throws {
        var center = try tiered()
        try center.login("first", "second")
        try center.at(0, .notReady(agent: "first", reason: .meeting))
        try center.at(0, .notReady(agent: "second", reason: .meeting))
        try center.call("old", "support", at: 0)
        try center.call("new", "support", at: 20)
        try center.at(30)
        #expect(center.engine.position(of: "old")?.position == 1)
        #expect(center.engine.position(of: "new")?.position == 2)
        // A tier-2 agent becoming ready takes "old": tier 2 is open to it, not yet to "new".
        try center.at(35, .ready(agent: "second"))
        #expect(center.offered("old") == ["second"])
        #expect(center.engine.position(of: "new")?.position == 1)
    }

    @Test func higherPriorityFirstThenOldestFirst() throws {
        var center = try CenterHarness(queues: [queue("q")], agents: [agent("ana", tiers: ["q": 1])])
        try center.login("ana")
        try center.at(0, .notReady(agent: "ana", reason: .onBreak))
        try center.call("old-low", "q", priority: 1, at: 1)
        try center.call("new-low", "q", priority: 1, at: 2)
        try center.call("vip", "q", priority: 8, at: 3)
        try center.call("zero", "q", priority: 0, at: 4)
        #expect(center.engine.position(of: "vip")?.position == 1)
        #expect(center.engine.position(of: "old-low")?.position == 2)
        #expect(center.engine.position(of: "new-low")?.position == 3)
        #expect(center.engine.position(of: "zero")?.position == 4)

        var served: [CallID] = []
        try center.at(10, .ready(agent: "ana"))
        for second in stride(from: 11.0, through: 41, by: 10) {
            let call = try #require(center.offers.first?.0)
            served.append(call)
            try center.at(second, .accept(call: call, agent: "ana"))
            try center.at(second + 1, .hangup(call: call, by: .agent))
            try center.at(second + 2, .wrapUpDone(agent: "ana"))
        }
        #expect(served == ["vip", "old-low", "new-low", "zero"])
    }

    @Test func callThatEnteredTheSystemEarlierIsAheadOfLaterOnes() throws {
        var center = try CenterHarness(queues: [queue("q")], agents: [agent("ana", tiers: ["q": 1])])
        try center.login("ana")
        try center.at(0, .notReady(agent: "ana", reason: .onBreak))
        try center.call("direct", "q", at: 50)
        try center.at(60, .enqueue(NewCall(id: "from-ivr", queue: "q", enteredSystem: .seconds(30))))
        #expect(center.engine.position(of: "from-ivr")?.position == 1)
        #expect(throws: EngineError.enteredInFuture("future")) {
            try center.engine.handle(.enqueue(NewCall(id: "future", queue: "q", enteredSystem: .seconds(61))))
        }
    }

    @Test func agentInThreeQueuesTakesTheHighestPriorityThenTheWeightedOldest() throws {
        var center = try CenterHarness(
            queues: [queue("a"), queue("b") { $0.weight = 3 }, queue("c")],
            agents: [agent("multi", tiers: ["a": 1, "b": 1, "c": 1])]
        )
        try center.login("multi")
        try center.at(0, .notReady(agent: "multi", reason: .training))
        try center.call("a-old", "a", at: 0)
        try center.call("b-mid", "b", at: 50)
        try center.call("c-vip", "c", priority: 5, at: 90)
        // At 100 s: c-vip wins by priority; asked beforehand, the engine names the same call.
        try center.at(100)
        #expect(center.engine.nextCall(for: "multi") == "c-vip")
        try center.at(100, .ready(agent: "multi"))
        #expect(center.offered("c-vip") == ["multi"])
        #expect(center.engine.callStatus("c-vip")?.decision?.candidates == 3)
        try center.at(100, .accept(call: "c-vip", agent: "multi"))
        try center.at(101, .hangup(call: "c-vip", by: .agent))
        // At 102 s: a-old waited 102 s x weight 1; b-mid 52 s x weight 3 = 156: b wins.
        try center.at(102)
        #expect(center.engine.nextCall(for: "multi") == "b-mid")
        try center.at(102, .wrapUpDone(agent: "multi"))
        #expect(center.offered("b-mid") == ["multi"])
    }

    @Test func agentInSeveralQueuesAtEqualWeightTakesTheOldestCall() throws {
        var center = try CenterHarness(
            queues: [queue("a"), queue("b"), queue("c")],
            agents: [agent("multi", tiers: ["a": 1, "b": 2, "c": 1])]
        )
        try center.login("multi")
        try center.at(0, .notReady(agent: "multi", reason: .training))
        try center.call("b-old", "b", at: 0)
        try center.call("a-new", "a", at: 20)
        try center.call("c-newer", "c", at: 21)
        // Tier 2 of b opened for b-old at 30 s: it is the oldest call open to multi.
        try center.at(31, .ready(agent: "multi"))
        #expect(center.offered("b-old") == ["multi"])
    }
}
