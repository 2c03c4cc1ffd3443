import ACDCore
import ACDRecords
import Foundation
import GRDB
import Testing

/// The keeper's rows for each way a call can go, from a real engine.
struct KeeperTests {
    static let center = CenterConfiguration(
        queues: [
            QueueConfiguration(id: "sales", rejectDelay: .zero, wrapUp: .seconds(10), serviceLevelThreshold: .seconds(20)),
            QueueConfiguration(id: "support", strategy: .ringAll, rejectDelay: .zero, wrapUp: .seconds(5), serviceLevelThreshold: .seconds(30)),
            QueueConfiguration(id: "leave", overflow: [OverflowStep(after: .seconds(30), action: .leave)]),
            QueueConfiguration(id: "divert", overflow: [OverflowStep(after: .seconds(30), action: .divert(destination: "+3491"))]),
            QueueConfiguration(id: "spill", overflow: [OverflowStep(after: .seconds(30), action: .moveTo("sales"))]),
            QueueConfiguration(id: "closed", joinWhenEmpty: false),
            QueueConfiguration(id: "tiny", maxLength: 1),
        ],
        agents: [
            AgentConfiguration(id: "a1", tiers: ["sales": 1, "support": 1]),
            AgentConfiguration(id: "a2", tiers: ["support": 1]),
        ]
    )

    @Test func anAnsweredCallIsWrittenOnceItsWrapUpEnds() throws {
        var run = try RecordsHarness(Self.center)
        try run.at(0, .login(agent: "a1"))
        try run.at(10, .enqueue(NewCall(id: "c1", queue: "sales", priority: 3, segment: "vip", enteredSystem: run.instant(5))))
        try run.at(14, .accept(call: "c1", agent: "a1"))
        try run.at(74, .hangup(call: "c1", by: .caller))
        #expect(run.calls.isEmpty, "the wrap-up after it is not over")
        try run.wait(until: 100)

        let call = try #require(run.call("c1"))
        #expect(call.key == CallKey(call: "c1", arrived: run.instant(10)))
        #expect(call.enteredSystem == run.instant(5))
        #expect(call.queue == "sales" && call.finalQueue == "sales")
        #expect(call.priority == 3 && call.segment == "vip")
        #expect(call.serviceLevelThreshold == .seconds(20))
        #expect(call.answered == run.instant(14) && call.answeredBy == "a1")
        #expect(call.outcome == .ended && call.finished == run.instant(74) && call.hungUpBy == .caller)
        #expect(call.wait == .seconds(9), "from entering the system at 5 s to the answer at 14 s")
        #expect(call.talkTime == .seconds(60) && call.wrapUpTime == .seconds(10))
        #expect(call.history == [QueueEvent(at: run.instant(10), kind: .entered, queue: "sales")])
        #expect(call.offers == [OfferRecord(agent: "a1", queue: "sales", offered: run.instant(10), ended: run.instant(14), result: .accepted)])
        #expect(call.talks == [TalkSegment(agent: "a1", queue: "sales", answered: run.instant(14), ended: run.instant(74), ending: .caller, wrapUp: .seconds(10))])
        #expect(try run.intervals("a1") == [
            AgentInterval(agent: "a1", start: run.instant(0), end: run.instant(10), activity: .ready),
            AgentInterval(agent: "a1", start: run.instant(10), end: run.instant(14), activity: .offered, call: "c1"),
            AgentInterval(agent: "a1", start: run.instant(14), end: run.instant(74), activity: .busy, call: "c1"),
            AgentInterval(agent: "a1", start: run.instant(74), end: run.instant(84), activity: .wrapUp, call: "c1"),
            AgentInterval(agent: "a1", start: run.instant(84), activity: .ready),
        ], "the wrap-up ended by its deadline at 84 s, recorded at that instant although time was moved to 100 s at once")
    }

    @Test(arguments: [
        ("sales", 12.0, CallOutcome.abandoned),
        ("leave", 30.0, .timedOut),
        ("divert", 30.0, .overflowedOut(destination: "+3491")),
        ("closed", 0.0, .leftNoAgents),
    ])
    func eachUnansweredOutcome(queue: String, leftAt: Double, outcome: CallOutcome) throws {
        var run = try RecordsHarness(Self.center)
        try run.at(0, .enqueue(NewCall(id: "c1", queue: QueueID(queue))))
        if outcome == .abandoned {
            try run.at(12, .abandon(call: "c1"))
        } else {
            try run.wait(until: 60)
        }
        let call = try #require(run.calls.first)
        #expect(call.outcome == outcome)
        #expect(call.finished == run.instant(leftAt))
        #expect(call.answered == nil && call.answeredBy == nil && call.hungUpBy == nil)
        #expect(call.wait == .milliseconds(Int64(leftAt * 1000)))
        #expect(call.offers.isEmpty && call.talks.isEmpty)
    }

    @Test func aFullQueueRefusesAndTheSameIdArrivingElsewhereInTheSameMillisecondGetsItsOwnRecord() throws {
        var run = try RecordsHarness(Self.center)
        try run.at(0, .enqueue(NewCall(id: "first", queue: "tiny")))
        try run.at(1, .enqueue(NewCall(id: "c1", queue: "tiny")))
        try run.at(1, .enqueue(NewCall(id: "c1", queue: "sales")))
        try run.at(2, .abandon(call: "c1"))
        let records = run.calls.filter { $0.key.call == "c1" }
        #expect(records.map(\.key) == [CallKey(call: "c1", arrived: run.instant(1), ordinal: 0), CallKey(call: "c1", arrived: run.instant(1), ordinal: 1)])
        #expect(records.map(\.outcome) == [.rejectedFull, .abandoned])
        #expect(try run.database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM records_call WHERE call_id = 'c1'") } == 2)
    }

    @Test func aTransferGivesTwoConversationsEachWithItsAgentsWrapUp() throws {
        var run = try RecordsHarness(Self.center)
        try run.at(0, .login(agent: "a1"))
        try run.at(10, .enqueue(NewCall(id: "c1", queue: "sales")))
        try run.at(12, .accept(call: "c1", agent: "a1"))
        try run.at(40, .login(agent: "a2"))
        try run.at(42, .transfer(call: "c1", to: "support"))   // rings a2 at once; a1 wraps up 10 s
        try run.at(45, .accept(call: "c1", agent: "a2"))
        try run.at(50, .wrapUpDone(agent: "a1"))                // a1's wrap-up: 8 s
        #expect(run.calls.isEmpty, "the call is still connected")
        try run.at(100, .hangup(call: "c1", by: .agent))        // a2 wraps up 5 s (support's)
        try run.wait(until: 200)

        let call = try #require(run.call("c1"))
        #expect(call.queue == "sales" && call.finalQueue == "support")
        #expect(call.answered == run.instant(12) && call.answeredBy == "a1", "the first answer")
        #expect(call.hungUpBy == .agent)
        #expect(call.history == [
            QueueEvent(at: run.instant(10), kind: .entered, queue: "sales"),
            QueueEvent(at: run.instant(42), kind: .transferred, queue: "support", from: "sales", agent: "a1"),
        ])
        #expect(call.talks == [
            TalkSegment(agent: "a1", queue: "sales", answered: run.instant(12), ended: run.instant(42), ending: .transfer, wrapUp: .seconds(8)),
            TalkSegment(agent: "a2", queue: "support", answered: run.instant(45), ended: run.instant(100), ending: .agent, wrapUp: .seconds(5)),
        ])
        #expect(call.talkTime == .seconds(85) && call.wrapUpTime == .seconds(13))
    }

    @Test func anOverflowMovesTheCallAndTheHistorySaysWhen() throws {
        var run = try RecordsHarness(Self.center)
        try run.at(0, .enqueue(NewCall(id: "c1", queue: "spill")))
        try run.at(40, .login(agent: "a1"))                      // moved to sales at 30 s; a1 rings at once
        try run.at(41, .reject(call: "c1", agent: "a1"))         // rings again at once (no reject delay)
        try run.at(43, .accept(call: "c1", agent: "a1"))
        try run.at(50, .hangup(call: "c1", by: .caller))
        try run.at(51, .wrapUpDone(agent: "a1"))
        let call = try #require(run.call("c1"))
        #expect(call.queue == "spill" && call.finalQueue == "sales")
        #expect(call.history == [
            QueueEvent(at: run.instant(0), kind: .entered, queue: "spill"),
            QueueEvent(at: run.instant(30), kind: .overflowed, queue: "sales", from: "spill"),
        ])
        #expect(call.offers.map(\.result) == [.rejected, .accepted])
        #expect(call.offers.map(\.offered) == [run.instant(40), run.instant(41)])
        #expect(call.wait == .seconds(43))
    }

    @Test func ringAllRecordsEveryOfferAndWhoWon() throws {
        var run = try RecordsHarness(Self.center)
        try run.at(0, .login(agent: "a1"))
        try run.at(0, .login(agent: "a2"))
        try run.at(5, .enqueue(NewCall(id: "c1", queue: "support")))
        try run.at(8, .accept(call: "c1", agent: "a2"))
        try run.at(20, .hangup(call: "c1", by: .caller))
        try run.wait(until: 30)
        let call = try #require(run.call("c1"))
        #expect(Set(call.offers.map(\.agent)) == ["a1", "a2"])
        #expect(call.offers.first { $0.agent == "a1" }?.result == .acceptedElsewhere)
        #expect(call.offers.first { $0.agent == "a2" }?.result == .accepted)
        #expect(call.offers.allSatisfy { $0.offered == run.instant(5) && $0.ended == run.instant(8) })
        #expect(call.answeredBy == "a2" && call.talks.map(\.agent) == ["a2"])
    }

    @Test func eachWrapUpGoesToTheCallItFollows() throws {
        var run = try RecordsHarness(Self.center)
        try run.at(0, .login(agent: "a1"))
        try run.at(1, .enqueue(NewCall(id: "c1", queue: "sales")))
        try run.at(2, .accept(call: "c1", agent: "a1"))
        try run.at(3, .enqueue(NewCall(id: "c2", queue: "sales")))  // waits: a1 is busy
        try run.at(30, .hangup(call: "c1", by: .agent))
        try run.at(34, .wrapUpDone(agent: "a1"))                     // 4 s of wrap-up for c1; c2 rings
        try run.at(35, .accept(call: "c2", agent: "a1"))
        try run.at(60, .hangup(call: "c2", by: .caller))              // c2's wrap-up: the full 10 s
        try run.at(61, .notReady(agent: "a1", reason: .lunch))        // waits for the wrap-up's end
        try run.wait(until: 120)
        #expect(run.call("c1")?.wrapUpTime == .seconds(4))
        #expect(run.call("c2")?.wrapUpTime == .seconds(10))
        #expect(run.call("c2")?.wait == .seconds(32))
        let intervals = try run.intervals("a1")
        #expect(intervals.filter { $0.activity == .wrapUp }.map(\.call) == ["c1", "c2"])
        #expect(intervals.last == AgentInterval(agent: "a1", start: run.instant(70), activity: .notReady, reason: .lunch))
    }

    @Test func writingTheSameBatchesAgainChangesNothing() throws {
        var run = try RecordsHarness(Self.center)
        try run.at(0, .login(agent: "a1"))
        try run.at(1, .enqueue(NewCall(id: "c1", queue: "sales")))
        try run.at(2, .accept(call: "c1", agent: "a1"))
        try run.at(30, .hangup(call: "c1", by: .agent))
        try run.wait(until: 60)
        let once = try run.dump()
        for batch in run.batches {
            try run.database.write { db in try RecordStore.write(batch, to: db) }
        }
        #expect(try run.dump() == once)
        #expect(!once.isEmpty)
    }

    @Test func aKeeperRestoredMidCallFromItsSnapshotWritesTheSameRowsOnReplay() throws {
        var run = try RecordsHarness(Self.center)
        try run.at(0, .login(agent: "a1"))
        try run.at(0, .login(agent: "a2"))
        try run.at(1, .enqueue(NewCall(id: "c1", queue: "support")))
        try run.at(2, .accept(call: "c1", agent: "a1"))
        // The snapshot: engine and keeper, mid-call.
        let engineData = try JSONEncoder().encode(run.engine)
        let keeperData = try JSONEncoder().encode(run.keeper)
        let rest: [(Double, Command)] = [
            (5, .enqueue(NewCall(id: "c2", queue: "support"))), (9, .reject(call: "c2", agent: "a2")),
            (20, .transfer(call: "c1", to: "sales")), (40, .abandon(call: "c2")),
        ]
        let restored = run.batches.count
        for (second, command) in rest { try run.at(second, command) }
        try run.wait(until: 100)
        let uninterrupted = try run.dump()

        // A crash after the last write: the restored pair replays the same entries over the same rows.
        var replay = run
        replay.engine = try JSONDecoder().decode(RoutingEngine.self, from: engineData)
        replay.keeper = try JSONDecoder().decode(RecordKeeper.self, from: keeperData)
        for (second, command) in rest { try replay.at(second, command) }
        try replay.wait(until: 100)
        #expect(try replay.dump() == uninterrupted)
        #expect(Array(replay.batches.dropFirst(run.batches.count)) == Array(run.batches.dropFirst(restored)))
        #expect(run.call("c2")?.outcome == .abandoned)
    }
}
