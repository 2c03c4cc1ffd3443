import ACDCore
import Foundation
import Testing

/// Callbacks (virtual hold) and outbound calls: the caller who leaves the line keeps their place,
/// an agent accepts and the adapter dials, the attempt's result connects the call or schedules the
/// next attempt until they are used up; outbound calls come after every inbound call and within
/// the queue's reserve; a callback is served only while its queue is open.
@Suite struct DialingTests {
    func center(_ configure: @escaping (inout QueueConfiguration) -> Void = { _ in }) throws -> CenterHarness {
        try CenterHarness(
            queues: [queue("q") { queue in
                queue.dialing = DialPolicy(maxAttempts: 3, retryDelay: .seconds(600), outboundReserve: 0)
                configure(&queue)
            }],
            agents: [agent("ana", tiers: ["q": 1]), agent("bo", tiers: ["q": 1])]
        )
    }

    static let callback = DialTarget(kind: .callback, number: "+34600111222")

    func dialOffer(_ center: CenterHarness, _ call: CallID) -> DialTarget? {
        center.last.lazy.compactMap { effect -> DialTarget? in
            if case .offer(let offer) = effect, offer.call == call { return offer.dial }
            return nil
        }.first
    }

    @Test func aCallbackKeepsTheCallersPlaceAndIsDialedOnceAccepted() throws {
        var center = try center()
        try center.at(0, .login(agent: "ana", notReady: "lunch"))
        try center.call("c1", "q", at: 1)
        try center.call("c2", "q", at: 2)
        try center.at(3, .requestCallback(call: "c1", number: Self.callback.number, notBefore: nil))
        #expect(center.last == [.dialQueued(call: "c1", queue: "q", target: Self.callback, due: nil)])
        #expect(center.engine.position(of: "c1")?.position == 1)
        #expect(center.engine.queueStatus("q")?.waiting == 2)
        #expect(center.engine.queueStatus("q")?.figures.callbacks == 1)

        // The caller's place: the callback goes first, offered with the number to dial.
        try center.at(10, .ready(agent: "ana"))
        #expect(center.offered("c1") == ["ana"])
        #expect(dialOffer(center, "c1") == Self.callback)
        try center.at(12, .accept(call: "c1", agent: "ana"))
        #expect(center.last.contains(.dialRequested(call: "c1", agent: "ana", target: Self.callback, attempt: 1)))
        #expect(!center.last.contains { if case .callConnected = $0 { true } else { false } })
        #expect(center.callState("c1") == .dialing("ana"))
        #expect(center.state("ana") == .busy("c1"))
        // A hangup or an abandon before the result is refused; the result connects the call.
        #expect(throws: EngineError.callNotConnected("c1")) { try center.at(13, .hangup(call: "c1", by: .caller)) }
        #expect(throws: EngineError.dialInProgress("c1")) { try center.at(13, .abandon(call: "c1")) }
        try center.at(20, .dialResult(call: "c1", result: .reached))
        #expect(center.last == [.callConnected(call: "c1", agent: "ana", waited: .seconds(19))])
        #expect(center.callState("c1") == .connected("ana"))
        #expect(center.engine.callStatus("c1")?.dial == nil)
        #expect(center.engine.queueStatus("q")?.figures.callbacksReached == 1)
        #expect(center.engine.queueStatus("q")?.figures.answered == 0)
        #expect(center.engine.agentStatus("ana")?.counters.callsAnswered == 1)
        try center.at(80, .hangup(call: "c1", by: .agent))
        #expect(center.outcome(of: "c1") == .ended)
        #expect(center.state("ana") == .wrapUp(until: .seconds(90)))
    }

    @Test func aCallbackAskedForWhileRingingWithdrawsTheOfferAndIsOfferedAgain() throws {
        var center = try center()
        try center.login("ana")
        try center.call("c1", "q", at: 1)
        #expect(center.offered("c1") == ["ana"])
        try center.at(2, .requestCallback(call: "c1", number: "555", notBefore: nil))
        #expect(center.last.first == .offerWithdrawn(call: "c1", agent: "ana", reason: .callbackRequested))
        // The agent is free again and the callback is the call it may take.
        #expect(center.offered("c1") == ["ana"])
        #expect(dialOffer(center, "c1") == DialTarget(kind: .callback, number: "555"))
    }

    @Test func unansweredAttemptsAreTriedAgainUntilTheyAreUsedUp() throws {
        var center = try center()
        try center.login("ana")
        try center.at(1, .pushOutbound(OutboundCall(id: "o1", queue: "q", number: "777")))
        let target = DialTarget(kind: .outbound, number: "777")
        #expect(center.last.first == .dialQueued(call: "o1", queue: "q", target: target, due: nil))
        #expect(center.offered("o1") == ["ana"])
        try center.at(2, .accept(call: "o1", agent: "ana"))
        try center.at(30, .dialResult(call: "o1", result: .noAnswer))
        #expect(center.last.prefix(2) == [
            .dialFailed(call: "o1", agent: "ana", result: .noAnswer, attempt: 1),
            .dialQueued(call: "o1", queue: "q", target: target, due: .seconds(630)),
        ])
        // The agent is free at once (no wrap-up for an attempt that reached no one).
        #expect(center.state("ana") == .ready)
        #expect(center.callState("o1") == .scheduled(until: .seconds(630)))
        #expect(center.engine.callStatus("o1")?.failedDialAttempts == 1)
        try center.at(629)
        #expect(center.offers.isEmpty)
        try center.at(630)
        #expect(center.offered("o1") == ["ana"])
        try center.at(631, .accept(call: "o1", agent: "ana"))
        #expect(center.last.contains(.dialRequested(call: "o1", agent: "ana", target: target, attempt: 2)))
        // The customer asks to be called at a given time: within the attempts.
        try center.at(640, .dialResult(call: "o1", result: .retry(at: .seconds(5000))))
        #expect(center.callState("o1") == .scheduled(until: .seconds(5000)))
        try center.at(5000)
        try center.at(5001, .accept(call: "o1", agent: "ana"))
        try center.at(5010, .dialResult(call: "o1", result: .noAnswer))
        #expect(center.outcome(of: "o1") == .unreached(attempts: 3))
        #expect(center.engine.queueStatus("q")?.figures.dialFailures == 3)
        #expect(center.state("ana") == .ready)
    }

    @Test func aFailedNumberEndsAtOnce() throws {
        var center = try center()
        try center.login("ana")
        try center.at(1, .pushOutbound(OutboundCall(id: "o1", queue: "q", number: "000")))
        try center.at(2, .accept(call: "o1", agent: "ana"))
        try center.at(3, .dialResult(call: "o1", result: .failed))
        #expect(center.outcome(of: "o1") == .unreached(attempts: 1))
    }

    @Test func inboundCallsGoBeforeOutboundOnes() throws {
        var center = try center()
        try center.at(0, .login(agent: "ana", notReady: "lunch"))
        try center.at(1, .pushOutbound(OutboundCall(id: "o1", queue: "q", number: "777", priority: 9)))
        try center.call("c1", "q", at: 100)
        #expect(center.engine.queueStatus("q")?.waiting == 1)
        #expect(center.engine.queueStatus("q")?.outboundWaiting == 1)
        #expect(center.engine.position(of: "c1")?.position == 1)
        try center.at(200, .ready(agent: "ana"))
        #expect(center.offered("c1") == ["ana"])
        // Only with no inbound call waiting does the outbound one go.
        try center.at(201, .accept(call: "c1", agent: "ana"))
        try center.at(202, .hangup(call: "c1", by: .caller))
        try center.at(203, .wrapUpDone(agent: "ana"))
        #expect(center.offered("o1") == ["ana"])
    }

    @Test func outboundCallsDoNotFillTheLine() throws {
        var center = try center { $0.maxLength = 1 }
        try center.login("ana")
        try center.at(0, .notReady(agent: "ana", reason: "lunch"))
        for number in 1...3 {
            try center.at(1, .pushOutbound(OutboundCall(id: CallID("o\(number)"), queue: "q", number: "777")))
        }
        try center.call("c1", "q", at: 2)
        #expect(center.outcome(of: "c1") == nil)
        try center.call("c2", "q", at: 3)
        #expect(center.outcome(of: "c2") == .rejectedFull)
    }

    @Test func theOutboundReserveKeepsReadyAgentsForInboundCalls() throws {
        var center = try center { $0.dialing.outboundReserve = 1 }
        try center.login("ana")
        try center.at(1, .pushOutbound(OutboundCall(id: "o1", queue: "q", number: "777")))
        // One ready agent is the reserve itself: the outbound call waits.
        #expect(center.offers.isEmpty)
        #expect(center.engine.queueStatus("q")?.outboundWaiting == 1)
        // A second one leaves the reserve when it takes the outbound call.
        try center.login("bo", at: 2)
        #expect(center.offered("o1") == ["bo"])
        // An inbound call still finds the reserve.
        try center.call("c1", "q", at: 3)
        #expect(center.offered("c1") == ["ana"])
    }

    @Test func aCallbackOfAClosedQueueWaitsForTheOpening() throws {
        let hours = BusinessHours(timeZone: "Europe/Madrid", week: [.monday: [DailySpan(opens: 480, closes: 1020)]], whenClosed: .callback)
        var center = try center { $0.hours = hours }
        try center.login("ana")
        try center.at(1, .setOpen(queue: "q", state: OpeningState(isOpen: false, until: .seconds(3600))))
        try center.at(2, .enqueue(NewCall(id: "c1", queue: "q", callbackNumber: "555")))
        #expect(center.last == [.dialQueued(call: "c1", queue: "q", target: DialTarget(kind: .callback, number: "555"), due: nil)])
        #expect(center.callState("c1") == .scheduled(until: nil))
        #expect(center.engine.queueStatus("q")?.parkedCallbacks == 1)
        // Without a number to call back, the caller is refused.
        try center.call("c2", "q", at: 3)
        #expect(center.outcome(of: "c2") == .closed(voicemail: nil))
        // An outbound call is served whatever the hours.
        try center.at(4, .pushOutbound(OutboundCall(id: "o1", queue: "q", number: "777")))
        #expect(center.offered("o1") == ["ana"])
        try center.at(5, .abandon(call: "o1"))
        try center.at(3600, .setOpen(queue: "q", state: OpeningState(isOpen: true, until: .seconds(7200))))
        #expect(center.offered("c1") == ["ana"])
        #expect(center.engine.queueStatus("q")?.parkedCallbacks == 0)
    }

    @Test func closingParksCallbacksAndLeavesOutboundCallsInLine() throws {
        let hours = BusinessHours(timeZone: "Europe/Madrid", week: [.monday: [DailySpan(opens: 480, closes: 1020)]], atClosing: .leave)
        var center = try center { $0.hours = hours }
        try center.at(0, .login(agent: "ana", notReady: "lunch"))
        try center.call("c1", "q", at: 1)
        try center.call("c2", "q", at: 2)
        try center.at(3, .requestCallback(call: "c2", number: "555", notBefore: nil))
        try center.at(4, .pushOutbound(OutboundCall(id: "o1", queue: "q", number: "777")))
        try center.at(10, .setOpen(queue: "q", state: OpeningState(isOpen: false, until: .seconds(100))))
        #expect(center.outcome(of: "c1") == .closed(voicemail: nil))
        #expect(center.callState("c2") == .scheduled(until: nil))
        #expect(center.callState("o1") == .waiting)
        try center.at(20, .ready(agent: "ana"))
        #expect(center.offered("o1") == ["ana"])
        try center.at(21, .abandon(call: "o1"))
        try center.at(100, .setOpen(queue: "q", state: OpeningState(isOpen: true, until: .seconds(1000))))
        #expect(center.offered("c2") == ["ana"])
    }

    @Test func aScheduledCallIsOutOfLineUntilItsTime() throws {
        var center = try center()
        try center.login("ana")
        try center.at(0, .notReady(agent: "ana", reason: "lunch"))
        try center.call("c1", "q", at: 1)
        try center.at(2, .requestCallback(call: "c1", number: "555", notBefore: .seconds(900)))
        #expect(center.callState("c1") == .scheduled(until: .seconds(900)))
        #expect(center.engine.position(of: "c1") == nil)
        try center.at(3, .ready(agent: "ana"))
        #expect(center.offers.isEmpty)
        try center.at(900)
        #expect(center.offered("c1") == ["ana"])
    }

    @Test func anAdapterWithdrawsACallbackItHasNotReached() throws {
        var center = try center()
        try center.at(0, .login(agent: "ana", notReady: "lunch"))
        try center.call("c1", "q", at: 1)
        try center.at(2, .requestCallback(call: "c1", number: "555", notBefore: .seconds(900)))
        try center.at(3, .abandon(call: "c1"))
        #expect(center.outcome(of: "c1") == .cancelled)
        #expect(center.engine.queueStatus("q")?.figures.abandoned == 0)
        #expect(center.engine.nextDeadline == nil)
    }

    @Test func badRequestsChangeNothing() throws {
        var center = try center()
        try center.login("ana")
        try center.call("c1", "q", at: 1)
        try center.at(2, .accept(call: "c1", agent: "ana"))
        let before = center.engine.callStatus("c1")
        #expect(throws: EngineError.callbackUnavailable("c1")) { try center.at(3, .requestCallback(call: "c1", number: "555", notBefore: nil)) }
        #expect(throws: EngineError.notDialing("c1")) { try center.at(3, .dialResult(call: "c1", result: .reached)) }
        #expect(throws: EngineError.unknownCall("zz")) { try center.at(3, .requestCallback(call: "zz", number: "555", notBefore: nil)) }
        #expect(throws: EngineError.missingNumber("o1")) { try center.at(3, .pushOutbound(OutboundCall(id: "o1", queue: "q", number: ""))) }
        #expect(throws: EngineError.duplicateCall("c1")) { try center.at(3, .pushOutbound(OutboundCall(id: "c1", queue: "q", number: "1"))) }
        #expect(throws: EngineError.unknownQueue("nope")) { try center.at(3, .pushOutbound(OutboundCall(id: "o2", queue: "nope", number: "1"))) }
        #expect(throws: EngineError.invalidPriority(10)) {
            try center.at(3, .pushOutbound(OutboundCall(id: "o2", queue: "q", number: "1", priority: 10)))
        }
        #expect(center.engine.callStatus("c1") == before)
        #expect(center.engine.callStatus("o1") == nil)
    }

    @Test func snapshotsAndReconfigurationKeepCallsToDial() throws {
        var center = try center()
        try center.login("ana")
        try center.at(0, .notReady(agent: "ana", reason: "lunch"))
        try center.call("c1", "q", at: 1)
        try center.at(2, .requestCallback(call: "c1", number: "555", notBefore: .seconds(900)))
        try center.at(3, .pushOutbound(OutboundCall(id: "o1", queue: "q", number: "777")))
        let data = try JSONEncoder().encode(center.engine)
        var restored = try JSONDecoder().decode(RoutingEngine.self, from: data)
        #expect(restored.callStatus("c1") == center.engine.callStatus("c1"))
        #expect(restored.callStatus("o1") == center.engine.callStatus("o1"))
        var configuration = CenterConfiguration(
            queues: [queue("q") { $0.dialing.retryDelay = .seconds(60) }],
            agents: [agent("ana", tiers: ["q": 1]), agent("bo", tiers: ["q": 1])]
        )
        configuration.breaks = BreakPolicy()
        _ = try restored.handle(.reconfigure(configuration, removedQueueCalls: .leave))
        #expect(restored.callStatus("c1")?.state == .scheduled(until: .seconds(900)))
        #expect(restored.callStatus("o1")?.dial == DialTarget(kind: .outbound, number: "777"))
        _ = restored.advance(to: .seconds(4))
        let effects = try restored.handle(.ready(agent: "ana"))
        #expect(effects.contains { if case .offer(let offer) = $0 { offer.call == "o1" } else { false } })
        _ = try restored.handle(.reject(call: "o1", agent: "ana"))
        _ = restored.advance(to: .seconds(900))
        #expect(restored.callStatus("c1")?.state == .waiting)
    }
}
