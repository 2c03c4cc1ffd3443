import ACDCore
import ACDRecords
import Foundation
import GRDB
import Testing

/// Reports over rows written directly: where interval boundaries fall, the short-abandon rule, the
/// time zone, agent time split across intervals, and retention.
struct RowReportTests {
    static let madrid = TimeZone(identifier: "Europe/Madrid")!
    static let utc = TimeZone(identifier: "UTC")!
    /// 2025-03-14 09:00:00 in Madrid (08:00 UTC).
    static let nineAM: Int64 = 1_741_939_200_000

    /// A call of queue `q` (threshold 20 s) that arrived `arrived` ms after 09:00 and entered the
    /// system then; answered after `wait` ms, or left with `outcome` after it.
    static func call(_ id: CallID, arrived: Int64, wait: Int64, answered: Bool, outcome: CallOutcome = .ended) -> RecordedCall {
        let entered = Instant(millisecondsSinceEpoch: nineAM + arrived)
        let end = entered + .milliseconds(wait)
        return RecordedCall(
            key: CallKey(call: id, arrived: entered), enteredSystem: entered, queue: "q", finalQueue: "q", priority: 0, segment: nil,
            serviceLevelThreshold: .seconds(20), answered: answered ? end : nil, answeredBy: answered ? "a1" : nil,
            finished: answered ? end + .seconds(60) : end, outcome: outcome, hungUpBy: answered ? .caller : nil,
            history: [QueueEvent(at: entered, kind: .entered, queue: "q")], offers: [],
            talks: answered ? [TalkSegment(agent: "a1", queue: "q", answered: end, ended: end + .seconds(60), ending: .caller, wrapUp: .zero)] : []
        )
    }

    static func database(_ batch: RecordBatch) throws -> DatabaseQueue {
        let database = try RecordsHarness.emptyDatabase()
        try database.write { db in try RecordStore.write(batch, to: db) }
        return database
    }

    static func query(_ day: ReportDate, _ interval: ReportInterval, _ timeZone: TimeZone = madrid, now: Int64 = nineAM + 3_600_000) -> ReportQuery {
        ReportQuery(buckets: ReportCalendar.buckets(from: day, through: day, interval: interval, timeZone: timeZone), now: Instant(millisecondsSinceEpoch: now))
    }

    static let friday = ReportDate(year: 2025, month: 3, day: 14)

    @Test func aCallCountsInTheIntervalItArrivedIn() throws {
        let database = try Self.database(RecordBatch(calls: [
            Self.call("last-of-nine", arrived: 899_999, wait: 1000, answered: true),
            Self.call("first-of-quarter", arrived: 900_000, wait: 1000, answered: true),
            // Arrived before 09:15, answered after it: still 09:00's.
            Self.call("long", arrived: 890_000, wait: 40_000, answered: true),
        ]))
        let rows = try database.read { db in try RecordReports.queues(Self.query(Self.friday, .minutes15), in: db) }
        #expect(rows.map(\.bucket.label) == ["2025-03-14 09:00", "2025-03-14 09:15"])
        #expect(rows.map(\.offered) == [2, 1])
        #expect(rows[0].longestWait == .seconds(40))
    }

    @Test func shortAbandonsAndTheServiceLevelThresholdIncludeTheirBoundary() throws {
        let database = try Self.database(RecordBatch(calls: [
            Self.call("short", arrived: 0, wait: 5000, answered: false, outcome: .abandoned),
            Self.call("not-short", arrived: 1, wait: 5001, answered: false, outcome: .abandoned),
            Self.call("in-time", arrived: 2, wait: 20_000, answered: true),
            Self.call("late", arrived: 3, wait: 20_001, answered: true),
            Self.call("timed-out", arrived: 4, wait: 60_000, answered: false, outcome: .timedOut),
        ]))
        let rows = try database.read { db in try RecordReports.queues(Self.query(Self.friday, .minutes60), in: db) }
        #expect(rows.count == 1)
        let row = rows[0]
        #expect((row.offered, row.answered, row.answeredInTime, row.abandoned, row.shortAbandoned, row.otherUnanswered) == (5, 2, 1, 2, 1, 1))
        // 1 in time / (2 answered + 2 abandoned - 1 short); the timed-out call is in neither.
        #expect(row.serviceLevel == 1.0 / 3.0)

        var stricter = Self.query(Self.friday, .minutes60)
        stricter.shortAbandon = .milliseconds(5001)
        let withBoth = try database.read { db in try RecordReports.queues(stricter, in: db) }
        #expect(withBoth[0].shortAbandoned == 2 && withBoth[0].serviceLevel == 0.5)
    }

    @Test func theTimeZoneDecidesTheDay() throws {
        // 23:30 UTC on the 14th is 00:30 on the 15th in Madrid.
        let lateUTC = Self.call("late", arrived: 15 * 3_600_000 + 1_800_000, wait: 1000, answered: true)
        let database = try Self.database(RecordBatch(calls: [lateUTC]))
        let saturday = ReportDate(year: 2025, month: 3, day: 15)
        let count = { (day: ReportDate, zone: TimeZone) in
            try database.read { db in try RecordReports.queues(Self.query(day, .day, zone), in: db) }.map(\.offered).reduce(0, +)
        }
        #expect(try count(Self.friday, Self.utc) == 1)
        #expect(try count(saturday, Self.utc) == 0)
        #expect(try count(Self.friday, Self.madrid) == 0)
        #expect(try count(saturday, Self.madrid) == 1)
        let hours = try database.read { db in try RecordReports.queues(Self.query(saturday, .minutes60), in: db) }
        #expect(hours.map(\.bucket.label) == ["2025-03-15 00:00"])
    }

    @Test func aDaylightSavingDayHasItsOwnLength() {
        let spring = ReportDate(year: 2025, month: 3, day: 30)
        let quarters = ReportCalendar.buckets(from: spring, through: spring, interval: .minutes15, timeZone: Self.madrid)
        #expect(quarters.count == 92)
        #expect(quarters.map(\.label).contains("2025-03-30 01:45") && !quarters.map(\.label).contains("2025-03-30 02:00"))
        #expect(quarters[8].label == "2025-03-30 03:00")
        let day = ReportCalendar.buckets(from: spring, through: spring, interval: .day, timeZone: Self.madrid)
        #expect(day.count == 1 && day[0].end - day[0].start == .seconds(23 * 3600))
        let range = ReportCalendar.buckets(from: spring, through: ReportDate(year: 2025, month: 3, day: 31), interval: .minutes60, timeZone: Self.madrid)
        #expect(range.count == 23 + 24 && range.last?.label == "2025-03-31 23:00")
    }

    @Test func agentTimeIsSplitAcrossIntervalsAndTheCurrentStateCountsUntilNow() throws {
        let at = { (minutes: Int64) in Instant(millisecondsSinceEpoch: Self.nineAM + minutes * 60_000) }
        let database = try Self.database(RecordBatch(intervals: [
            AgentInterval(agent: "a1", start: at(10), end: at(20), activity: .busy, call: "c1"),
            AgentInterval(agent: "a1", start: at(20), end: at(25), activity: .notReady, reason: .meeting),
            AgentInterval(agent: "a1", start: at(25), activity: .ready),
        ]))
        let rows = try database.read { db in try RecordReports.agents(Self.query(Self.friday, .minutes15, now: Self.nineAM + 40 * 60_000), in: db) }
        #expect(rows.map(\.bucket.label) == ["2025-03-14 09:00", "2025-03-14 09:15", "2025-03-14 09:30"])
        #expect(rows[0].busy == .seconds(300) && rows[0].loggedIn == .seconds(300))
        #expect(rows[1].busy == .seconds(300) && rows[1].notReadyByReason == [.meeting: .seconds(300)] && rows[1].ready == .seconds(300))
        #expect(rows[1].occupancy == 0.5, "busy 5 min of 10 available (15 logged in - 5 not ready)")
        #expect(rows[2].ready == .seconds(600), "09:30 to the report's now, 09:40")
    }

    @Test func pruningDropsWhatEndedBeforeTheCutoffAndKeepsOpenIntervals() throws {
        let at = { (minutes: Int64) in Instant(millisecondsSinceEpoch: Self.nineAM + minutes * 60_000) }
        let database = try Self.database(RecordBatch(
            calls: [Self.call("old", arrived: 0, wait: 1000, answered: true), Self.call("new", arrived: 3_600_000, wait: 1000, answered: true)],
            intervals: [
                AgentInterval(agent: "a1", start: at(0), end: at(30), activity: .ready),
                AgentInterval(agent: "a1", start: at(30), end: at(70), activity: .busy),
                AgentInterval(agent: "a2", start: at(0), activity: .ready),
            ]
        ))
        try database.write { db in try RecordStore.prune(before: at(60), in: db) }
        let (calls, talks, intervals) = try database.read { db in
            (try String.fetchAll(db, sql: "SELECT call_id FROM records_call"),
             try String.fetchAll(db, sql: "SELECT call_id FROM records_talk"),
             try String.fetchAll(db, sql: "SELECT agent || ' ' || started FROM records_agent_interval ORDER BY agent"))
        }
        #expect(calls == ["new"] && talks == ["new"])
        #expect(intervals == ["a1 \(at(30).millisecondsSinceEpoch)", "a2 \(at(0).millisecondsSinceEpoch)"])

        try database.write { db in try RecordStore.closeOpenIntervals(at: at(90), in: db) }
        let open = try database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM records_agent_interval WHERE ended IS NULL") }
        #expect(open == 0)
    }

    @Test func datesAreParsedStrictly() {
        #expect(ReportDate("2025-03-14") == Self.friday)
        #expect(ReportDate("2025-02-29") == nil)
        #expect(ReportDate("2025-3-14") == nil)
        #expect(ReportDate("14/03/2025") == nil)
        #expect(ReportDate("2024-02-29")?.description == "2024-02-29")
    }
}
