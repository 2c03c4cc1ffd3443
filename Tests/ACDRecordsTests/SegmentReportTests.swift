import ACDCore
import ACDRecords
import Foundation
import GRDB
import Testing

/// Service levels by customer segment in the records and `--by segment` reports, over calls driven
/// through a real engine.
///
/// Queue `sales`, agent a1 not ready until 100 s; segment `vip` (target 20 s, escalated at 16 s),
/// `gold` (target 60 s, escalated at 50 s); seconds count from 09:00:00 Madrid (UTC+1).
///
///     0    v1 (vip) arrives              16 v1 escalated     20.001 v1 breached
///     5    g1 (gold) arrives             55 g1 escalated
///     10   v2 (vip) arrives              15 v2 abandons (before its target: neither)
///     30   w1 (walk-in, not configured) arrives
///     100  a1 ready: v1 (raised to 9 at its escalation) rings first, answered at 101; g1 next
///          (breached at 65.001, answered at 200); w1 answered at 300
struct SegmentReportTests {
    static let madrid = TimeZone(identifier: "Europe/Madrid")!
    static let nineAM = Instant.seconds(1_741_939_200)
    static let day = ReportDate(year: 2025, month: 3, day: 14)

    static func morning() throws -> RecordsHarness {
        let center = CenterConfiguration(
            queues: [QueueConfiguration(id: "sales", offerTimeout: .seconds(600), rejectDelay: .zero, wrapUp: .zero)],
            agents: [AgentConfiguration(id: "a1", tiers: ["sales": 1])],
            segments: [
                SegmentPolicy(id: "vip", priority: 5, target: .seconds(20)),
                SegmentPolicy(id: "gold", target: .seconds(60), escalation: .before(.seconds(10))),
            ]
        )
        var run = try RecordsHarness(center, origin: nineAM)
        try run.at(0, .login(agent: "a1", notReady: .login))
        try run.at(0, .enqueue(NewCall(id: "v1", queue: "sales", segment: "vip")))
        try run.at(5, .enqueue(NewCall(id: "g1", queue: "sales", segment: "gold")))
        try run.at(10, .enqueue(NewCall(id: "v2", queue: "sales", segment: "vip")))
        try run.at(15, .abandon(call: "v2"))
        try run.at(30, .enqueue(NewCall(id: "w1", queue: "sales", segment: "walk-in")))
        try run.at(100, .ready(agent: "a1"))
        try run.at(101, .accept(call: "v1", agent: "a1"))
        try run.at(150, .hangup(call: "v1", by: .caller))
        try run.at(200, .accept(call: "g1", agent: "a1"))
        try run.at(250, .hangup(call: "g1", by: .caller))
        try run.at(300, .accept(call: "w1", agent: "a1"))
        try run.at(350, .hangup(call: "w1", by: .caller))
        try run.wait(until: 1800)
        return run
    }

    @Test func aCallsRecordHasItsTargetEscalationAndBreach() throws {
        let run = try Self.morning()
        let v1 = try #require(run.call("v1"))
        #expect(v1.segmentTarget == .seconds(20))
        #expect(v1.escalated == run.instant(16))
        #expect(v1.breached == run.instant(20.001))
        #expect(v1.priority == 9, "raised by the escalation")
        let v2 = try #require(run.call("v2"))
        #expect(v2.segmentTarget == .seconds(20) && v2.escalated == nil && v2.breached == nil)
        let w1 = try #require(run.call("w1"))
        #expect(w1.segment == "walk-in" && w1.segmentTarget == nil && w1.escalated == nil && w1.breached == nil)
        let stored = try run.database.read { db in
            try Row.fetchOne(db, sql: "SELECT segment_target_ms, escalated, breached FROM records_call WHERE call_id = 'g1'")
        }
        let row = try #require(stored)
        #expect(row["segment_target_ms"] as Int64? == 60_000)
        #expect(row["escalated"] as Int64? == run.instant(55).millisecondsSinceEpoch)
        #expect(row["breached"] as Int64? == run.instant(65.001).millisecondsSinceEpoch)
    }

    @Test func segmentsPerDay() throws {
        let run = try Self.morning()
        let query = ReportQuery(
            buckets: ReportCalendar.buckets(from: Self.day, through: Self.day, interval: .day, timeZone: Self.madrid),
            now: Self.nineAM + .seconds(1800)
        )
        let rows = try run.database.read { db in try RecordReports.segments(query, in: db) }
        #expect(rows.map(\.segment) == ["gold", "vip", "walk-in"])
        let gold = rows[0], vip = rows[1], walkIn = rows[2]
        #expect((gold.offered, gold.answered, gold.answeredInTarget, gold.breaches, gold.escalated) == (1, 1, 0, 1, 1))
        #expect(gold.serviceLevel == 0)
        // v1 breached; v2 abandoned before its target, in neither.
        #expect((vip.offered, vip.answered, vip.answeredInTarget, vip.breaches, vip.escalated) == (2, 1, 0, 1, 1))
        #expect(vip.serviceLevel == 0)
        #expect((walkIn.offered, walkIn.answered, walkIn.answeredInTarget, walkIn.breaches) == (1, 1, 0, 0))
        #expect(walkIn.serviceLevel == nil)
        #expect(rows.allSatisfy { $0.queue == "sales" })
    }

    @Test func aCallAnsweredInTargetCounts() throws {
        let center = CenterConfiguration(
            queues: [QueueConfiguration(id: "sales", wrapUp: .zero)],
            agents: [AgentConfiguration(id: "a1", tiers: ["sales": 1])],
            segments: [SegmentPolicy(id: "vip", target: .seconds(20))]
        )
        var run = try RecordsHarness(center, origin: Self.nineAM)
        try run.at(0, .login(agent: "a1"))
        try run.at(1, .enqueue(NewCall(id: "v", queue: "sales", segment: "vip")))
        try run.at(15, .accept(call: "v", agent: "a1"))
        try run.at(30, .hangup(call: "v", by: .agent))
        let query = ReportQuery(
            buckets: ReportCalendar.buckets(from: Self.day, through: Self.day, interval: .day, timeZone: Self.madrid),
            now: Self.nineAM + .seconds(1800)
        )
        let rows = try run.database.read { db in try RecordReports.segments(query, in: db) }
        #expect(rows.count == 1 && rows[0].answeredInTarget == 1 && rows[0].breaches == 0 && rows[0].serviceLevel == 1)
    }
}
