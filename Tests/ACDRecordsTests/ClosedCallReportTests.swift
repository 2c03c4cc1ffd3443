import ACDCore
import ACDRecords
import Foundation
import GRDB
import Testing

/// Calls that meet a closed queue: their outcome and history in the records, and the report's
/// `closed` and `redirected` columns. Queue `day` closes at 100 s (it sends its calls to voicemail
/// and its waiting ones away at closing); queue `shop` sends its calls to `night` when closed.
///
///     0    a1 logs in (night)     10 c1 arrives in day and waits (no one serves day)
///     100  day and shop close: c1 leaves for voicemail
///     110  c2 arrives in day: voicemail       120 c3 arrives in shop: sent to night, rings a1
///     130  a1 answers c3                       190 hang-up; wrap-up to 200
struct ClosedCallReportTests {
    static let origin = Instant.seconds(1_741_939_200)   // 2025-03-14 09:00:00 +01:00

    func hours(_ whenClosed: ClosedTreatment, _ atClosing: ClosingTreatment) -> BusinessHours {
        BusinessHours(timeZone: "Europe/Madrid", week: [.friday: [DailySpan(opens: 480, closes: 1020)]], whenClosed: whenClosed, atClosing: atClosing)
    }

    @Test func closedAndRedirectedCallsAreRecordedAndCounted() throws {
        let center = CenterConfiguration(
            queues: [
                QueueConfiguration(id: "day", wrapUp: .seconds(10), hours: hours(.voicemail("sip:vm"), .leave)),
                QueueConfiguration(id: "shop", wrapUp: .seconds(10), hours: hours(.sendTo("night"), .serve)),
                QueueConfiguration(id: "night", wrapUp: .seconds(10)),
            ],
            agents: [AgentConfiguration(id: "a1", tiers: ["night": 1])]
        )
        var run = try RecordsHarness(center, origin: Self.origin)
        let closed = OpeningState(isOpen: false, until: Self.origin + .seconds(3600))
        try run.at(0, .login(agent: "a1"))
        try run.at(10, .enqueue(NewCall(id: "c1", queue: "day")))
        try run.at(100, .setOpen(queue: "day", state: closed))
        try run.at(100, .setOpen(queue: "shop", state: closed))
        try run.at(110, .enqueue(NewCall(id: "c2", queue: "day")))
        try run.at(120, .enqueue(NewCall(id: "c3", queue: "shop")))
        try run.at(130, .accept(call: "c3", agent: "a1"))
        try run.at(190, .hangup(call: "c3", by: .caller))
        try run.wait(until: 300)

        #expect(run.call("c1")?.outcome == .closed(voicemail: "sip:vm"))
        #expect(run.call("c2")?.outcome == .closed(voicemail: "sip:vm"))
        let c3 = try #require(run.call("c3"))
        #expect(c3.queue == "shop" && c3.finalQueue == "night" && c3.outcome == .ended)
        #expect(c3.history.map(\.kind) == [.entered, .redirected])

        let query = ReportQuery(
            buckets: ReportCalendar.buckets(
                from: ReportDate(year: 2025, month: 3, day: 14), through: ReportDate(year: 2025, month: 3, day: 14),
                interval: .day, timeZone: TimeZone(identifier: "Europe/Madrid")!
            ),
            now: Self.origin + .seconds(300)
        )
        let rows = try run.database.read { db in try RecordReports.queues(query, in: db) }
        let byQueue = Dictionary(uniqueKeysWithValues: rows.map { ($0.queue, $0) })
        let day = try #require(byQueue["day"])
        #expect((day.offered, day.answered, day.otherUnanswered, day.closed, day.redirected) == (2, 0, 2, 2, 0))
        let shop = try #require(byQueue["shop"])
        #expect((shop.offered, shop.answered, shop.closed, shop.redirected) == (1, 1, 0, 1))
        #expect(byQueue["night"] == nil, "a call counts in the queue it arrived in")
    }
}
