import ACDCore
import Foundation
import Testing

/// Service levels by customer segment: the segment's priority at enqueue, escalation before the
/// target (priority raised, every tier open, supervisors told), the breach once the target passed
/// unanswered, the segment's max wait through the queue's max-wait steps, and the figures; each
/// under moves, transfers, snapshots and reconfiguration.
@Suite struct SegmentServiceLevelTests {
    static let vip = SegmentPolicy(id: "vip", priority: 5, target: .seconds(20))
    static let gold = SegmentPolicy(id: "gold", target: .seconds(60), escalation: .before(.seconds(10)))

    /// Queue `q` with tier 1 `ana` and tier 2 `bo` (opening after 60 s), and queue `r` served by `cy`.
    func center(segments: [SegmentPolicy] = [vip, gold], configure: (inout QueueConfiguration) -> Void = { _ in }) throws -> CenterHarness {
        try CenterHarness(configuration: configuration(segments: segments, configure: configure))
    }

    func configuration(segments: [SegmentPolicy] = [vip, gold], configure: (inout QueueConfiguration) -> Void = { _ in }) -> CenterConfiguration {
        CenterConfiguration(
            queues: [queue("q") { $0.tierWait = .seconds(60); configure(&$0) }, queue("r")],
            agents: [agent("ana", tiers: ["q": 1]), agent("bo", tiers: ["q": 2]), agent("cy", tiers: ["r": 1])],
            segments: segments
        )
    }

    func enqueue(_ center: inout CenterHarness, _ id: CallID, _ queue: QueueID = "q", segment: String?, priority: Int = 0, at seconds: Double,
                 entered: Double? = nil) throws {
        try center.at(seconds, .enqueue(NewCall(
            id: id, queue: queue, priority: priority, segment: segment,
            enteredSystem: entered.map { Instant(millisecondsSinceEpoch: Int64($0 * 1000)) }
        )))
    }

    func escalations(_ effects: [Effect], _ call: CallID) -> [Effect] {
        effects.filter { if case .serviceLevelEscalated(call, _, _, _) = $0 { true } else { false } }
    }

    func breaches(_ effects: [Effect], _ call: CallID) -> [Effect] {
        effects.filter { if case .serviceLevelBreached(call, _, _) = $0 { true } else { false } }
    }

    func figures(_ center: CenterHarness, _ queue: QueueID = "q", _ segment: String = "vip") -> SegmentFigures? {
        center.engine.segmentFigures(queue: queue).first { $0.segment == segment }
    }

    /// Busy agents: `ana` and `bo` on calls of their own so a segment call waits.
    func occupy(_ center: inout CenterHarness) throws {
        try center.login("ana", "bo")
        try center.at(0, .notReady(agent: "ana", reason: .onBreak))
        try center.at(0, .notReady(agent: "bo", reason: .onBreak))
    }

    // MARK: Priority

    @Test func theSegmentsPriorityIsAFloorTheAdaptersHigherPriorityWins() throws {
        var center = try center()
        try occupy(&center)
        try enqueue(&center, "low", segment: "vip", priority: 2, at: 1)
        try enqueue(&center, "high", segment: "vip", priority: 7, at: 1)
        try enqueue(&center, "other", segment: "walk-in", priority: 3, at: 1)
        #expect(center.engine.callStatus("low")?.priority == 5)
        #expect(center.engine.callStatus("high")?.priority == 7)
        #expect(center.engine.callStatus("other")?.priority == 3)
    }

    // MARK: Escalation

    @Test func escalationComesExactlyAtTheLeadAndOpensEveryTier() throws {
        var center = try center()
        try center.login("ana", "bo")
        try center.at(0, .notReady(agent: "ana", reason: .onBreak))
        try enqueue(&center, "c1", segment: "vip", at: 0)
        #expect(center.offered("c1") == [])
        try center.at(15.999)
        #expect(escalations(center.all, "c1").isEmpty)
        try center.at(16)
        #expect(center.last.first == .serviceLevelEscalated(call: "c1", queue: "q", segment: "vip", priority: 9))
        // Tier 2 (bo) would open at 60 s; the escalation opens it now, and the call is offered.
        #expect(center.offered("c1") == ["bo"])
        #expect(center.engine.callStatus("c1")?.priority == 9)
        #expect(center.engine.callStatus("c1")?.queues.first?.openTiers == 2)
        #expect(figures(center)?.escalations == 1)
    }

    @Test func escalationBeforeTheTargetByADuration() throws {
        var center = try center()
        try occupy(&center)
        try enqueue(&center, "g", segment: "gold", at: 0)
        try center.at(49.999)
        #expect(escalations(center.all, "g").isEmpty)
        try center.at(50)
        #expect(center.last == [.serviceLevelEscalated(call: "g", queue: "q", segment: "gold", priority: 9)])
    }

    @Test func anEscalatedCallJoinsEveryTierOfAQueueItMovesTo() throws {
        var center = try center()
        try occupy(&center)
        try enqueue(&center, "c1", segment: "vip", at: 0)
        try center.at(16)
        #expect(!escalations(center.last, "c1").isEmpty)
        try center.at(17, .move(call: "c1", to: "q"))
        #expect(center.engine.callStatus("c1")?.queues.first?.openTiers == 2)
    }

    @Test func explainAndStatusTellWhereTheCallStandsAgainstItsTarget() throws {
        var center = try center()
        try occupy(&center)
        try enqueue(&center, "c1", segment: "vip", at: 0)
        try enqueue(&center, "plain", segment: nil, at: 0)
        try center.at(10)
        let level = try #require(center.engine.callStatus("c1")?.serviceLevel)
        #expect(level.segment == "vip" && level.escalatesAt == .seconds(16) && level.targetAt == .seconds(20))
        #expect(level.maxWaitAt == nil && !level.escalated && !level.breached)
        #expect(center.engine.callStatus("plain")?.serviceLevel == nil)
        #expect(center.engine.explain("c1")?.lines.contains("segment vip: escalates at 16000ms, target at 20000ms") == true)
        try center.at(21)
        #expect(center.engine.explain("c1")?.lines.contains("segment vip: escalated at 16000ms, target passed at 20000ms (breached)") == true)
        try center.at(22, .ready(agent: "ana"))
        try center.at(23, .accept(call: "c1", agent: "ana"))
        #expect(center.engine.callStatus("c1")?.serviceLevel == nil)
    }

    // MARK: Breach

    @Test func aCallAnsweredAtItsTargetIsInTargetOneAnsweredLaterBreaches() throws {
        var center = try center()
        try occupy(&center)
        try enqueue(&center, "on-time", segment: "vip", at: 0)
        try enqueue(&center, "late", segment: "vip", at: 0)
        try center.at(19.9, .ready(agent: "ana"))
        #expect(center.offered("on-time") == ["ana"])
        try center.at(20, .accept(call: "on-time", agent: "ana"))
        #expect(breaches(center.all, "on-time").isEmpty)
        try center.at(20.001)
        #expect(center.last == [.serviceLevelBreached(call: "late", queue: "q", segment: "vip")])
        try center.at(21, .ready(agent: "bo"))
        try center.at(22, .accept(call: "late", agent: "bo"))
        try center.at(100)
        #expect(breaches(center.all, "on-time").isEmpty)
        #expect(breaches(center.all, "late").count == 1)
        #expect(figures(center) == expected(offered: 2, answered: 2, inTarget: 1, breaches: 1, escalations: 2))
        #expect(figures(center)?.serviceLevel == 0.5)
    }

    @Test func aCallEscalatedThenAnsweredNeverBreaches() throws {
        var center = try center()
        try occupy(&center)
        try enqueue(&center, "c1", segment: "vip", at: 0)
        try center.at(16)
        try center.at(17, .ready(agent: "ana"))
        try center.at(18, .accept(call: "c1", agent: "ana"))
        // Nothing of the call's clock is left to fire.
        #expect(center.engine.nextDeadline == nil)
        try center.at(300)
        #expect(escalations(center.all, "c1").count == 1)
        #expect(breaches(center.all, "c1").isEmpty)
        #expect(figures(center) == expected(offered: 1, answered: 1, inTarget: 1, breaches: 0, escalations: 1))
    }

    @Test func aCallRingingAtItsTargetBreachesAndCountsAnsweredLate() throws {
        var center = try center()
        try occupy(&center)
        try enqueue(&center, "c1", segment: "vip", at: 0)
        try center.at(19, .ready(agent: "ana"))
        #expect(center.offered("c1") == ["ana"])
        try center.at(20.001)
        #expect(center.last == [.serviceLevelBreached(call: "c1", queue: "q", segment: "vip")])
        try center.at(21, .accept(call: "c1", agent: "ana"))
        #expect(figures(center) == expected(offered: 1, answered: 1, inTarget: 0, breaches: 1, escalations: 1))
    }

    @Test func aCallThatLeavesBeforeItsTargetCountsInNeither() throws {
        var center = try center()
        try occupy(&center)
        try enqueue(&center, "c1", segment: "vip", at: 0)
        try center.at(10, .abandon(call: "c1"))
        #expect(center.engine.nextDeadline == nil)
        try center.at(100)
        #expect(figures(center) == expected(offered: 1, answered: 0, inTarget: 0, breaches: 0, escalations: 0))
        #expect(figures(center)?.serviceLevel == nil)
    }

    // MARK: The clock runs from entry

    @Test func aMovedCallKeepsItsClockFromEntry() throws {
        var center = try center()
        try occupy(&center)
        try enqueue(&center, "c1", segment: "vip", at: 12, entered: 4)
        try center.at(19.999)
        #expect(escalations(center.all, "c1").isEmpty)
        // Escalated at 4 + 16 s, whatever its queue entry.
        try center.at(20)
        #expect(escalations(center.last, "c1").count == 1)
        try center.at(22, .move(call: "c1", to: "r"))
        try center.at(24)
        #expect(breaches(center.all, "c1").isEmpty)
        try center.at(24.001)
        #expect(center.last == [.serviceLevelBreached(call: "c1", queue: "q", segment: "vip")])
        // Counted in the queue it entered.
        #expect(figures(center, "q")?.breaches == 1)
        #expect(figures(center, "r") == nil)
    }

    @Test func aTransferredCallDoesNotStartItsClockAgain() throws {
        var center = try center()
        try occupy(&center)
        try enqueue(&center, "c1", segment: "vip", at: 0)
        try center.at(5, .ready(agent: "ana"))
        try center.at(6, .accept(call: "c1", agent: "ana"))
        try center.at(10, .transfer(call: "c1", to: "r"))
        #expect(center.callState("c1") == .waiting)
        try center.at(200)
        #expect(escalations(center.all, "c1").isEmpty)
        #expect(breaches(center.all, "c1").isEmpty)
        #expect(figures(center) == expected(offered: 1, answered: 1, inTarget: 1, breaches: 0, escalations: 0))
        #expect(figures(center, "r") == nil)
    }

    @Test func twoSegmentsWithDifferentTargetsInOneQueue() throws {
        var center = try center()
        try occupy(&center)
        try enqueue(&center, "v", segment: "vip", at: 0)
        try enqueue(&center, "g", segment: "gold", at: 0)
        try center.at(16)
        #expect(center.last == [.serviceLevelEscalated(call: "v", queue: "q", segment: "vip", priority: 9)])
        try center.at(20.001)
        #expect(center.last == [.serviceLevelBreached(call: "v", queue: "q", segment: "vip")])
        try center.at(50)
        #expect(center.last == [.serviceLevelEscalated(call: "g", queue: "q", segment: "gold", priority: 9)])
        try center.at(60.001)
        #expect(center.last.contains(.serviceLevelBreached(call: "g", queue: "q", segment: "gold")))
        #expect(figures(center, "q", "vip") == expected(segment: "vip", offered: 1, answered: 0, inTarget: 0, breaches: 1, escalations: 1))
        #expect(figures(center, "q", "gold") == expected(segment: "gold", offered: 1, answered: 0, inTarget: 0, breaches: 1, escalations: 1))
    }

    // MARK: Max wait

    @Test func theSegmentsMaxWaitBringsTheQueuesNextStepForward() throws {
        var vip = Self.vip
        vip.maxWait = .seconds(30)
        var center = try center(segments: [vip]) { $0.overflow = [.init(after: .seconds(120), action: .moveTo("r"))] }
        try occupy(&center)
        try enqueue(&center, "v", segment: "vip", at: 0)
        try enqueue(&center, "plain", segment: nil, at: 0)
        try center.at(29.999)
        #expect(center.engine.callStatus("v")?.queues.map(\.queue) == ["q"])
        try center.at(30)
        #expect(center.last.contains(.callOverflowed(call: "v", from: "q", to: "r")))
        #expect(center.engine.callStatus("plain")?.queues.map(\.queue) == ["q"])
        try center.at(120)
        #expect(center.last.contains(.callOverflowed(call: "plain", from: "q", to: "r")))
    }

    @Test func withNoStepLeftTheSegmentsMaxWaitTimesTheCallOut() throws {
        var vip = Self.vip
        vip.maxWait = .seconds(30)
        var center = try center(segments: [vip])
        try occupy(&center)
        try enqueue(&center, "v", segment: "vip", at: 0)
        try center.at(30)
        #expect(center.outcome(of: "v") == .timedOut)
    }

    @Test func theSegmentsMaxWaitWhileRingingAppliesWhenTheOfferEnds() throws {
        var vip = Self.vip
        vip.maxWait = .seconds(30)
        var center = try center(segments: [vip])
        try occupy(&center)
        try enqueue(&center, "v", segment: "vip", at: 0)
        try center.at(25, .ready(agent: "ana"))
        try center.at(30)
        #expect(center.callState("v") == .offered(["ana"]))
        try center.at(31, .reject(call: "v", agent: "ana"))
        #expect(center.outcome(of: "v") == .timedOut)
    }

    // MARK: Snapshots, reconfiguration, the day

    @Test func aSnapshotMidWaitKeepsTheClock() throws {
        var center = try center()
        try occupy(&center)
        try enqueue(&center, "c1", segment: "vip", at: 0)
        try center.at(16)
        let data = try JSONEncoder().encode(center.engine)
        var restored = try JSONDecoder().decode(RoutingEngine.self, from: data)
        let fired = restored.advance(to: .seconds(21))
        #expect(fired == [.serviceLevelBreached(call: "c1", queue: "q", segment: "vip")])
        #expect(restored.segmentFigures(queue: "q") == center.engine.segmentFigures(queue: "q").map { figures in
            var figures = figures
            figures.breaches += 1
            return figures
        })
    }

    @Test func aChangedTargetAppliesToWaitingCallsFromTheirEntry() throws {
        var center = try center()
        try occupy(&center)
        try enqueue(&center, "c1", segment: "vip", at: 0)
        try enqueue(&center, "g", segment: "gold", at: 0)
        var faster = Self.vip
        faster.target = .seconds(12)
        // The new lead (80% of 12 s = 9.6 s) has passed: the call is escalated at once.
        try center.at(10, .reconfigure(configuration(segments: [faster]), removedQueueCalls: .leave))
        #expect(center.last.contains(.serviceLevelEscalated(call: "c1", queue: "q", segment: "vip", priority: 9)))
        try center.at(12.001)
        #expect(center.last == [.serviceLevelBreached(call: "c1", queue: "q", segment: "vip")])
        // gold was removed: its call waits on under the queue's rules alone.
        try center.at(100)
        #expect(escalations(center.all, "g").isEmpty)
        #expect(breaches(center.all, "g").isEmpty)
        #expect(figures(center, "q", "gold")?.offered == 1)
        #expect(figures(center) == expected(offered: 1, answered: 0, inTarget: 0, breaches: 1, escalations: 1))
    }

    @Test func anEscalatedCallStaysEscalatedAcrossAReconfiguration() throws {
        var center = try center()
        try occupy(&center)
        try enqueue(&center, "c1", segment: "vip", at: 0)
        try center.at(16)
        try center.at(17, .reconfigure(configuration(), removedQueueCalls: .leave))
        #expect(escalations(center.last, "c1").isEmpty)
        #expect(center.engine.callStatus("c1")?.queues.first?.openTiers == 2)
        #expect(center.engine.callStatus("c1")?.priority == 9)
        try center.at(20.001)
        #expect(breaches(center.last, "c1").count == 1)
    }

    @Test func aMaxWaitDueWhileRingingAppliesWhenAReconfigurationWithdrawsTheOffer() throws {
        var vip = Self.vip
        vip.maxWait = .seconds(30)
        var center = try center(segments: [vip])
        try occupy(&center)
        try enqueue(&center, "v", segment: "vip", at: 0)
        try center.at(25, .ready(agent: "ana"))
        try center.at(30)
        #expect(center.callState("v") == .offered(["ana"]))
        // ana no longer serves q: the offer is withdrawn and the max wait applies at once.
        var changed = configuration(segments: [vip])
        changed.agents[0].tiers = ["r": 1]
        try center.at(31, .reconfigure(changed, removedQueueCalls: .leave))
        #expect(center.last.contains(.offerWithdrawn(call: "v", agent: "ana", reason: .reconfigured)))
        #expect(center.outcome(of: "v") == .timedOut)
    }

    @Test func aNewDayStartsTheFiguresOver() throws {
        var center = try center()
        try occupy(&center)
        try enqueue(&center, "c1", segment: "vip", at: 0)
        try center.at(16)
        try center.at(17, .beginDay)
        #expect(center.engine.segmentFigures(queue: "q") == [])
        try center.at(20.001)
        #expect(figures(center) == expected(offered: 0, answered: 0, inTarget: 0, breaches: 1, escalations: 0))
    }

    @Test func aSegmentThatIsNotConfiguredRunsNoClock() throws {
        var center = try center()
        try occupy(&center)
        try enqueue(&center, "c1", segment: "walk-in", at: 0)
        try center.at(1000)
        #expect(escalations(center.all, "c1").isEmpty)
        #expect(breaches(center.all, "c1").isEmpty)
        #expect(center.engine.segmentFigures(queue: "q") == [])
    }

    @Test func theEngineRefusesASegmentTableItCannotUse() {
        func refusal(_ segments: [SegmentPolicy]) -> ConfigurationError? {
            do {
                try configuration(segments: segments).validate()
                return nil
            } catch {
                return error
            }
        }
        #expect(refusal([Self.vip, Self.vip]) == .duplicateSegment("vip"))
        #expect(refusal([SegmentPolicy(id: "vip", target: .zero)]) == .invalidSegmentValue(segment: "vip", option: "target", problem: "must be positive"))
        #expect(refusal([SegmentPolicy(id: "vip", target: .seconds(20), escalation: .percent(100))])
            == .invalidSegmentValue(segment: "vip", option: "escalate_at", problem: "must be 0% to 99% of the target"))
        #expect(refusal([SegmentPolicy(id: "vip", target: .seconds(20), escalation: .before(.seconds(21)))])
            == .invalidSegmentValue(segment: "vip", option: "escalate_before", problem: "must be more than zero and at most the target"))
        #expect(refusal([SegmentPolicy(id: "vip", priority: 10, target: .seconds(20))])
            == .invalidSegmentValue(segment: "vip", option: "priority", problem: "must be 0-9"))
        #expect(refusal([SegmentPolicy(id: "", target: .seconds(20))]) == .invalidSegmentValue(segment: "", option: "id", problem: "must not be empty"))
        // A reconfiguration to such a table is refused and changes nothing.
        var engine = try? RoutingEngine(configuration: configuration(), start: .seconds(0))
        #expect(throws: EngineError.invalidConfiguration(.duplicateSegment("vip"))) {
            try engine?.handle(.reconfigure(configuration(segments: [Self.vip, Self.vip]), removedQueueCalls: .leave))
        }
    }

    func expected(segment: String = "vip", offered: Int, answered: Int, inTarget: Int, breaches: Int, escalations: Int) -> SegmentFigures {
        var figures = SegmentFigures(segment: segment)
        figures.offered = offered
        figures.answered = answered
        figures.answeredInTarget = inTarget
        figures.breaches = breaches
        figures.escalations = escalations
        return figures
    }
}
