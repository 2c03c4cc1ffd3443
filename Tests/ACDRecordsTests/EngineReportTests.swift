import ACDCore
import ACDRecords
import Foundation
import GRDB
import Testing

/// Reports over a morning driven through a real engine, every figure worked out by hand.
///
/// Queue `sales` (service level 20 s, wrap-up 10 s), agents a1 and a2, Friday 2025-03-14 in
/// Madrid (UTC+1); seconds count from 09:00:00 local. The report runs at 09:30:00.
///
///     0    a1 logs in ready; a2 logs in not ready (login)
///     60   c1 arrives, rings a1          70 a1 answers (wait 10 s, in time)
///     120  c2 arrives, waits             123 c2 abandons (3 s: a short abandon)
///     130  c3 arrives, waits             160 c3 abandons (30 s)
///     180  c4 arrives, waits
///     190  c1: the caller hangs up (talk 120 s); a1 wraps up until 200
///     200  c4 rings a1                   215 a1 answers (wait 35 s, late)
///     275  c4: a1 hangs up (talk 60 s); wrap-up until 285
///     600  a2 ready
///     900  (09:15) c5 arrives, rings a1 (idle since 285, a2 since 600)
///     905  a1 answers (wait 5 s)         965 hang-up (talk 60 s), wrap-up until 975
///     1000 a1 on break                   1300 a1 ready
struct EngineReportTests {
    static let madrid = TimeZone(identifier: "Europe/Madrid")!
    static let nineAM = Instant.seconds(1_741_939_200)   // 2025-03-14 09:00:00 +01:00
    static let day = ReportDate(year: 2025, month: 3, day: 14)

    static func morning() throws -> RecordsHarness {
        let center = CenterConfiguration(
            queues: [QueueConfiguration(id: "sales", rejectDelay: .zero, wrapUp: .seconds(10), serviceLevelThreshold: .seconds(20))],
            agents: [AgentConfiguration(id: "a1", tiers: ["sales": 1]), AgentConfiguration(id: "a2", tiers: ["sales": 1])]
        )
        var run = try RecordsHarness(center, origin: nineAM)
        try run.at(0, .login(agent: "a1"))
        try run.at(0, .login(agent: "a2", notReady: .login))
        try run.at(60, .enqueue(NewCall(id: "c1", queue: "sales")))
        try run.at(70, .accept(call: "c1", agent: "a1"))
        try run.at(120, .enqueue(NewCall(id: "c2", queue: "sales")))
        try run.at(123, .abandon(call: "c2"))
        try run.at(130, .enqueue(NewCall(id: "c3", queue: "sales")))
        try run.at(160, .abandon(call: "c3"))
        try run.at(180, .enqueue(NewCall(id: "c4", queue: "sales")))
        try run.at(190, .hangup(call: "c1", by: .caller))
        try run.at(215, .accept(call: "c4", agent: "a1"))
        try run.at(275, .hangup(call: "c4", by: .agent))
        try run.at(600, .ready(agent: "a2"))
        try run.at(900, .enqueue(NewCall(id: "c5", queue: "sales")))
        try run.at(905, .accept(call: "c5", agent: "a1"))
        try run.at(965, .hangup(call: "c5", by: .caller))
        try run.at(1000, .notReady(agent: "a1", reason: .onBreak))
        try run.at(1300, .ready(agent: "a1"))
        try run.wait(until: 1800)
        return run
    }

    func query(_ interval: ReportInterval) -> ReportQuery {
        ReportQuery(
            buckets: ReportCalendar.buckets(from: Self.day, through: Self.day, interval: interval, timeZone: Self.madrid),
            now: Self.nineAM + .seconds(1800)
        )
    }

    @Test func queuesPerQuarterHour() throws {
        let run = try Self.morning()
        let rows = try run.database.read { db in try RecordReports.queues(query(.minutes15), in: db) }
        #expect(rows.map(\.bucket.label) == ["2025-03-14 09:00", "2025-03-14 09:15"])
        let first = rows[0]
        // c1-c4 arrived before 09:15: c1 and c4 answered, only c1 in time; c2 (3 s) and c3 abandoned.
        #expect(first.queue == "sales")
        #expect((first.offered, first.answered, first.answeredInTime, first.abandoned, first.shortAbandoned, first.otherUnanswered) == (4, 2, 1, 2, 1, 0))
        #expect(first.serviceLevel == 1.0 / 3.0, "1 in time / (2 answered + 2 abandoned - 1 short)")
        #expect(first.averageSpeedOfAnswer == .milliseconds(22_500), "(10 + 35) / 2")
        #expect(first.averageHandleTime == .seconds(100), "((120 + 10) + (60 + 10)) / 2")
        #expect(first.longestWait == .seconds(35))
        let second = rows[1]
        #expect((second.offered, second.answered, second.answeredInTime, second.abandoned) == (1, 1, 1, 0))
        #expect(second.serviceLevel == 1 && second.averageSpeedOfAnswer == .seconds(5) && second.averageHandleTime == .seconds(70))
    }

    @Test func queuesPerDay() throws {
        let run = try Self.morning()
        let rows = try run.database.read { db in try RecordReports.queues(query(.day), in: db) }
        #expect(rows.count == 1 && rows[0].bucket.label == "2025-03-14")
        let day = rows[0]
        #expect((day.offered, day.answered, day.answeredInTime, day.abandoned, day.shortAbandoned) == (5, 3, 2, 2, 1))
        #expect(day.serviceLevel == 0.5, "2 / (3 + 2 - 1)")
        #expect(day.averageSpeedOfAnswer == .milliseconds(16_666), "(10 + 35 + 5) / 3, in whole milliseconds")
        #expect(day.averageHandleTime == .seconds(90), "(130 + 70 + 70) / 3")
    }

    @Test func agentsPerQuarterHour() throws {
        let run = try Self.morning()
        let rows = try run.database.read { db in try RecordReports.agents(query(.minutes15), in: db) }
        #expect(rows.map { "\($0.bucket.label) \($0.agent)" } == [
            "2025-03-14 09:00 a1", "2025-03-14 09:00 a2", "2025-03-14 09:15 a1", "2025-03-14 09:15 a2",
        ])
        // a1 before 09:15: ready 60 + 615 (285-900), offered 10 + 15, busy 120 + 60, wrap-up 10 + 10.
        let a1 = rows[0]
        #expect((a1.ready, a1.offered, a1.busy, a1.wrapUp, a1.notReady) == (.seconds(675), .seconds(25), .seconds(180), .seconds(20), .zero))
        #expect(a1.loggedIn == .seconds(900) && a1.talkTime == .seconds(180))
        #expect(a1.occupancy == 0.25, "(25 + 180 + 20) / (900 - 0)")
        #expect(a1.handled == 2 && a1.averageHandleTime == .seconds(100))
        // a2 before 09:15: not ready (login) until 09:10, then ready.
        let a2 = rows[1]
        #expect(a2.notReadyByReason == [.login: .seconds(600)] && a2.ready == .seconds(300) && a2.occupancy == 0)
        // a1 after 09:15: offered 5, busy 60, wrap-up 10, ready 25 + 500 (its current state, until
        // the report's 09:30), break 300.
        let later = rows[2]
        #expect((later.ready, later.offered, later.busy, later.wrapUp) == (.seconds(525), .seconds(5), .seconds(60), .seconds(10)))
        #expect(later.notReadyByReason == [.onBreak: .seconds(300)])
        #expect(later.occupancy == 0.125, "75 / (900 - 300)")
        #expect(later.handled == 1 && later.handleTime == .seconds(70))
        #expect(rows[3].ready == .seconds(900) && rows[3].handled == 0)
    }

    @Test func filtersKeepOneQueueOrOneAgent() throws {
        let run = try Self.morning()
        var byAgent = query(.day)
        byAgent.agent = "a2"
        var byQueue = query(.day)
        byQueue.queue = "support"
        let agents = try run.database.read { db in try RecordReports.agents(byAgent, in: db) }
        let queues = try run.database.read { db in try RecordReports.queues(byQueue, in: db) }
        #expect(agents.map(\.agent) == ["a2"] && agents[0].loggedIn == .seconds(1800))
        #expect(queues.isEmpty)
    }
}
