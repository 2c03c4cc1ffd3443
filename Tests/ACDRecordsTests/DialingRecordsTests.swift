import ACDCore
import ACDRecords
import Foundation
import GRDB
import Testing

/// Callbacks and outbound calls in the records and the reports, driven through a real engine, every
/// figure worked out by hand.
///
/// Queue `sales` (service level 20 s, wrap-up 10 s; 2 dial attempts, retry after 300 s), agents a1
/// and a2, Friday 2025-03-14 in Madrid; seconds count from 09:00:00 local. The report runs at 09:30.
///
///     0    a1 logs in ready; a2 logs in not ready (login)
///     10   c1 arrives, rings a1             15  a1 answers (wait 5 s, in time)
///     20   c2 arrives, waits                50  c2's caller asks to be called back (30 s on the line)
///     75   c1: the caller hangs up (talk 60 s); wrap-up until 85, then c2 rings a1
///     90   a1 accepts c2: attempt 1         100 no answer: retry at 400; a1 ready at once
///     110  o1 pushed, rings a1              115 a1 accepts: attempt 1; 125 failed: o1 unreached (1 attempt)
///     130  o2 pushed, not before 200        200 o2 rings a1; 205 accepts; 215 reached (talk from 215)
///     275  o2: a1 hangs up (talk 60 s); wrap-up until 285
///     400  c2 due, rings a1                 405 accepts: attempt 2; 410 reached
///     470  c2: the caller hangs up (talk 60 s); wrap-up until 480
///     600  a2 ready
///     700  c3 arrives, rings a1             705 c3 asks for a callback not before 1000 (5 s on the line)
///     800  c3 is withdrawn by its adapter: cancelled, never dialed
///     900  o3 pushed, rings a2 (longest idle); 905 accepts: attempt 1; 915 the customer asks for 1200
///     1200 o3 due, rings a1                 1205 accepts: attempt 2; 1210 no answer: unreached (2 attempts)
struct DialingRecordsTests {
    static let madrid = TimeZone(identifier: "Europe/Madrid")!
    static let nineAM = Instant.seconds(1_741_939_200)   // 2025-03-14 09:00:00 +01:00
    static let day = ReportDate(year: 2025, month: 3, day: 14)

    static let center = CenterConfiguration(
        queues: [QueueConfiguration(
            id: "sales", rejectDelay: .zero, wrapUp: .seconds(10), serviceLevelThreshold: .seconds(20),
            dialing: DialPolicy(maxAttempts: 2, retryDelay: .seconds(300))
        )],
        agents: [AgentConfiguration(id: "a1", tiers: ["sales": 1]), AgentConfiguration(id: "a2", tiers: ["sales": 1])]
    )

    /// The morning up to (and including) `second`.
    static func morning(through last: Double = 1800) throws -> RecordsHarness {
        var run = try RecordsHarness(center, origin: nineAM)
        for (second, command) in script where second <= last {
            try run.at(second, command)
        }
        try run.wait(until: last)
        return run
    }

    static let script: [(Double, Command)] = [
        (0, .login(agent: "a1")),
        (0, .login(agent: "a2", notReady: .login)),
        (10, .enqueue(NewCall(id: "c1", queue: "sales"))),
        (15, .accept(call: "c1", agent: "a1")),
        (20, .enqueue(NewCall(id: "c2", queue: "sales"))),
        (50, .requestCallback(call: "c2", number: "555", notBefore: nil)),
        (75, .hangup(call: "c1", by: .caller)),
        (90, .accept(call: "c2", agent: "a1")),
        (100, .dialResult(call: "c2", result: .noAnswer)),
        (110, .pushOutbound(OutboundCall(id: "o1", queue: "sales", number: "777"))),
        (115, .accept(call: "o1", agent: "a1")),
        (125, .dialResult(call: "o1", result: .failed)),
        (130, .pushOutbound(OutboundCall(id: "o2", queue: "sales", number: "888", notBefore: nineAM + .seconds(200)))),
        (205, .accept(call: "o2", agent: "a1")),
        (215, .dialResult(call: "o2", result: .reached)),
        (275, .hangup(call: "o2", by: .agent)),
        (405, .accept(call: "c2", agent: "a1")),
        (410, .dialResult(call: "c2", result: .reached)),
        (470, .hangup(call: "c2", by: .caller)),
        (600, .ready(agent: "a2")),
        (700, .enqueue(NewCall(id: "c3", queue: "sales"))),
        (705, .requestCallback(call: "c3", number: "556", notBefore: nineAM + .seconds(1000))),
        (800, .abandon(call: "c3")),
        (900, .pushOutbound(OutboundCall(id: "o3", queue: "sales", number: "999"))),
        (905, .accept(call: "o3", agent: "a2")),
        (915, .dialResult(call: "o3", result: .retry(at: nineAM + .seconds(1200)))),
        (1205, .accept(call: "o3", agent: "a1")),
        (1210, .dialResult(call: "o3", result: .noAnswer)),
    ]

    static func at(_ seconds: Int64) -> Instant { nineAM + .seconds(seconds) }

    func query(_ interval: ReportInterval) -> ReportQuery {
        ReportQuery(
            buckets: ReportCalendar.buckets(from: Self.day, through: Self.day, interval: interval, timeZone: Self.madrid),
            now: Self.at(1800)
        )
    }

    @Test func eachCallSaysItsKindAndEveryAttemptHowItWent() throws {
        let run = try Self.morning()
        let at = Self.at
        let c1 = try #require(run.call("c1"))
        #expect((c1.kind, c1.callbackRequested, c1.dialAttempts) == (.inbound, nil, []))

        let c2 = try #require(run.call("c2"))
        #expect((c2.kind, c2.callbackRequested, c2.outcome) == (.callback, at(50), .ended))
        #expect(c2.dialAttempts == [
            DialAttempt(agent: "a1", started: at(90), ended: at(100), result: .noAnswer, retryAt: at(400)),
            DialAttempt(agent: "a1", started: at(405), ended: at(410), result: .reached),
        ])
        // Reached at 410: its answer and its conversation, taken for the queue it was offered for.
        #expect((c2.answered, c2.answeredBy, c2.wait) == (at(410), "a1", .seconds(390)))
        #expect(c2.talks == [TalkSegment(agent: "a1", queue: "sales", answered: at(410), ended: at(470), ending: .caller, wrapUp: .seconds(10))])
        #expect(c2.offers.map(\.result) == [.accepted, .accepted])
        #expect(c2.offers.map(\.ended) == [at(90), at(405)])

        let o1 = try #require(run.call("o1"))
        #expect((o1.kind, o1.key.arrived, o1.enteredSystem, o1.outcome) == (.outbound, at(110), at(110), .unreached(attempts: 1)))
        #expect(o1.dialAttempts == [DialAttempt(agent: "a1", started: at(115), ended: at(125), result: .failed)])
        #expect(o1.answered == nil && o1.talks.isEmpty && o1.history == [QueueEvent(at: at(110), kind: .entered, queue: "sales")])

        let o2 = try #require(run.call("o2"))
        #expect((o2.kind, o2.callbackRequested, o2.answered, o2.outcome, o2.hungUpBy) == (.outbound, nil, at(215), .ended, .agent))
        #expect(o2.dialAttempts == [DialAttempt(agent: "a1", started: at(205), ended: at(215), result: .reached)])
        #expect(o2.talkTime == .seconds(60) && o2.wrapUpTime == .seconds(10))

        // Asked for a callback while ringing, withdrawn before its time: never dialed.
        let c3 = try #require(run.call("c3"))
        #expect((c3.kind, c3.callbackRequested, c3.outcome, c3.dialAttempts) == (.callback, at(705), .cancelled, []))
        #expect(c3.offers == [OfferRecord(agent: "a1", queue: "sales", offered: at(700), ended: at(705), result: .callbackRequested)])

        let o3 = try #require(run.call("o3"))
        #expect(o3.outcome == .unreached(attempts: 2))
        #expect(o3.dialAttempts == [
            DialAttempt(agent: "a2", started: at(905), ended: at(915), result: .retry, retryAt: at(1200)),
            DialAttempt(agent: "a1", started: at(1205), ended: at(1210), result: .noAnswer),
        ])
    }

    @Test func theRowsHoldTheKindAndOneRowPerAttempt() throws {
        let run = try Self.morning()
        let nine = Self.nineAM.millisecondsSinceEpoch
        let calls = try run.database.read { db in
            try Row.fetchAll(db, sql: "SELECT call_id, kind, callback_requested, dial_attempts, outcome FROM records_call ORDER BY arrived")
        }
        #expect(calls.map { "\($0["call_id"] as String) \($0["kind"] as String) \($0["dial_attempts"] as Int) \($0["outcome"] as String)" } == [
            "c1 inbound 0 ended", "c2 callback 2 ended", "o1 outbound 1 unreached", "o2 outbound 1 ended", "c3 callback 0 cancelled",
            "o3 outbound 2 unreached",
        ])
        #expect(calls.map { ($0["callback_requested"] as Int64?).map { ($0 - nine) / 1000 } } == [nil, 50, nil, nil, 705, nil])
        let attempts = try run.database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM records_dial_attempt ORDER BY started")
        }
        let seconds = { (row: Row, column: String) in (row[column] as Int64?).map { "\(($0 - nine) / 1000)" } ?? "-" }
        #expect(attempts.map {
            "\($0["call_id"] as String)#\($0["attempt"] as Int) \($0["agent"] as String) \(seconds($0, "started"))-\(seconds($0, "ended")) "
                + "\($0["result"] as String) \(seconds($0, "retry_at"))"
        } == [
            "c2#1 a1 90-100 no_answer 400", "o1#1 a1 115-125 failed -", "o2#1 a1 205-215 reached -", "c2#2 a1 405-410 reached -",
            "o3#1 a2 905-915 retry 1200", "o3#2 a1 1205-1210 no_answer -",
        ])
        // Written twice (a replay), the same rows; pruned with the calls they belong to.
        let once = try run.dump()
        for batch in run.batches {
            try run.database.write { db in try RecordStore.write(batch, to: db) }
        }
        #expect(try run.dump() == once)
        try run.database.write { db in try RecordStore.prune(before: Self.at(300), in: db) }
        let left = try run.database.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT call_id FROM records_dial_attempt ORDER BY 1") }
        #expect(left == ["o3"], "c2, o1 and o2 arrived before 09:05")
    }

    @Test func theQueueReportKeepsInboundFiguresToInboundCallsAndCountsTheDialing() throws {
        let run = try Self.morning()
        let rows = try run.database.read { db in try RecordReports.queues(query(.minutes60), in: db) }
        #expect(rows.count == 1)
        let row = rows[0]
        // c1, c2 and c3 arrived inbound; only c1 was answered inbound (in 5 s). c2's reach at 410
        // (390 s after it arrived) is a callback reached, not a late answer.
        #expect((row.offered, row.answered, row.answeredInTime, row.abandoned, row.shortAbandoned, row.otherUnanswered) == (3, 1, 1, 0, 0, 0))
        #expect(row.offered == row.answered + row.abandoned + row.otherUnanswered + row.callbacks)
        #expect(row.serviceLevel == 1, "1 in time / (1 answered + 0 abandoned)")
        #expect(row.averageSpeedOfAnswer == .seconds(5) && row.averageHandleTime == .seconds(70), "c1 alone: wait 5 s, 60 s + 10 s")
        #expect(row.longestWait == .seconds(30), "c2's 30 s on the line before it asked for the callback")
        #expect((row.callbacks, row.callbacksReached, row.outbound, row.outboundReached) == (2, 1, 3, 1))
        #expect(row.dialAttempts == 6, "c2 2 + o1 1 + o2 1 + o3 2")
        #expect(row.unreached == 2, "o1 (failed) and o3 (attempts used up); c3 was cancelled")

        // The engine's live figures for the day say the same.
        let live = try #require(run.engine.queueStatus("sales")?.figures)
        #expect((live.offered, live.answered, live.answeredInTime, live.abandoned) == (row.offered, row.answered, row.answeredInTime, row.abandoned))
        #expect((live.callbacks, live.callbacksReached, live.outbound, live.outboundReached) == (2, 1, 3, 1))
        #expect(live.dialFailures == row.dialAttempts - row.callbacksReached - row.outboundReached)
    }

    @Test func theAgentReportCountsReachedCallsAsHandledAndEveryAttempt() throws {
        let run = try Self.morning()
        let rows = try run.database.read { db in try RecordReports.agents(query(.minutes60), in: db) }
        #expect(rows.map(\.agent) == ["a1", "a2"])
        let a1 = rows[0]
        // Conversations: c1 (15), o2 (215), c2 (410); o2 and c2 reached by dialing. Attempts begun
        // at 90, 115, 205, 405, 1205.
        #expect((a1.handled, a1.dialed, a1.dialAttempts) == (3, 2, 5))
        #expect(a1.handleTime == .seconds(210) && a1.averageHandleTime == .seconds(70))
        // Busy while dialing too: c1 60 + c2 10 + o1 10 + o2 70 + c2 65 + o3 5; no wrap-up after a
        // failed attempt: 3 x 10 s.
        #expect((a1.busy, a1.wrapUp, a1.offered) == (.seconds(220), .seconds(30), .seconds(35)))
        #expect(a1.ready == .seconds(1515) && a1.loggedIn == .seconds(1800))
        let a2 = rows[1]
        #expect((a2.handled, a2.dialed, a2.dialAttempts, a2.busy) == (0, 0, 1, .seconds(10)))

        var one = query(.day)
        one.agent = "a2"
        let filtered = try run.database.read { db in try RecordReports.agents(one, in: db) }
        #expect(filtered.map { "\($0.agent) \($0.dialAttempts)" } == ["a2 1"])
        // The engine's daily count of calls answered (for daily targets) matches `handled`.
        #expect(run.engine.agentStatus("a1")?.counters.callsAnswered == a1.handled)
    }

    /// Queue `shop` is closed until 100 s and takes callbacks meanwhile: c4 (with a number) is a
    /// callback from its arrival at 10, c5 (without) is refused; at 100 the queue opens, c4 rings
    /// a1, who accepts at 105 and reaches the customer at 110; hang-up at 170.
    @Test func aCallbackTakenWhileClosedIsACallbackFromItsArrival() throws {
        let hours = BusinessHours(
            timeZone: "Europe/Madrid", week: [.friday: [DailySpan(opens: 480, closes: 1020)]], whenClosed: .callback, atClosing: .serve
        )
        let center = CenterConfiguration(
            queues: [QueueConfiguration(id: "shop", rejectDelay: .zero, wrapUp: .seconds(10), hours: hours)],
            agents: [AgentConfiguration(id: "a1", tiers: ["shop": 1])]
        )
        var run = try RecordsHarness(center, origin: Self.nineAM)
        try run.at(0, .setOpen(queue: "shop", state: OpeningState(isOpen: false, until: Self.at(100))))
        try run.at(0, .login(agent: "a1"))
        try run.at(10, .enqueue(NewCall(id: "c4", queue: "shop", callbackNumber: "444")))
        try run.at(20, .enqueue(NewCall(id: "c5", queue: "shop")))
        try run.at(100, .setOpen(queue: "shop", state: OpeningState(isOpen: true, until: Self.at(3600))))
        try run.at(105, .accept(call: "c4", agent: "a1"))
        try run.at(110, .dialResult(call: "c4", result: .reached))
        try run.at(170, .hangup(call: "c4", by: .caller))
        try run.wait(until: 300)

        let c4 = try #require(run.call("c4"))
        #expect((c4.kind, c4.callbackRequested, c4.answered, c4.outcome) == (.callback, Self.at(10), Self.at(110), .ended))
        #expect(c4.dialAttempts == [DialAttempt(agent: "a1", started: Self.at(105), ended: Self.at(110), result: .reached)])
        #expect(run.call("c5")?.kind == .inbound && run.call("c5")?.outcome == .closed(voicemail: nil))

        var query = query(.day)
        query.now = Self.at(300)
        let rows = try run.database.read { db in try RecordReports.queues(query, in: db) }
        let row = try #require(rows.first)
        #expect((row.offered, row.answered, row.otherUnanswered, row.closed) == (2, 0, 1, 1))
        #expect((row.callbacks, row.callbacksReached, row.dialAttempts, row.unreached) == (1, 1, 1, 0))
        #expect(row.longestWait == .zero, "c4 left the line as it arrived, c5 was refused at once")
    }

    /// A gold call (target 60 s) whose caller asks for a callback at 10 s, reached at 30 s: not
    /// answered in its segment's figures, nor a breach; a gold call answered at 40 s is.
    @Test func aReachedCallbackIsNotAnsweredInItsSegment() throws {
        let center = CenterConfiguration(
            queues: [QueueConfiguration(id: "sales", rejectDelay: .zero, wrapUp: .zero)],
            agents: [AgentConfiguration(id: "a1", tiers: ["sales": 1])],
            segments: [SegmentPolicy(id: "gold", target: .seconds(60))]
        )
        var run = try RecordsHarness(center, origin: Self.nineAM)
        try run.at(0, .login(agent: "a1", notReady: .login))
        try run.at(0, .enqueue(NewCall(id: "g1", queue: "sales", segment: "gold")))
        try run.at(5, .enqueue(NewCall(id: "g2", queue: "sales", segment: "gold")))
        try run.at(10, .requestCallback(call: "g1", number: "555", notBefore: nil))
        try run.at(20, .ready(agent: "a1"))
        #expect(run.engine.callStatus("g1")?.state == .offered(["a1"]))
        try run.at(25, .accept(call: "g1", agent: "a1"))
        try run.at(30, .dialResult(call: "g1", result: .reached))
        try run.at(35, .hangup(call: "g1", by: .caller))
        try run.at(40, .accept(call: "g2", agent: "a1"))
        try run.at(50, .hangup(call: "g2", by: .caller))
        try run.wait(until: 100)
        var query = query(.day)
        query.now = Self.at(100)
        let rows = try run.database.read { db in try RecordReports.segments(query, in: db) }
        #expect(rows.map { "\($0.segment) \($0.offered) \($0.answered) \($0.answeredInTarget) \($0.breaches)" } == ["gold 2 1 1 0"])
        let live = try #require(run.engine.segmentFigures(queue: "sales").first)
        #expect((live.offered, live.answered, live.answeredInTarget, live.breaches) == (2, 1, 1, 0))
    }

    /// A database written before callbacks: its calls become inbound ones with no attempts, and
    /// count as before.
    @Test func callsWrittenBeforeTheMigrationAreInbound() throws {
        let database = try DatabaseQueue()
        var migrator = DatabaseMigrator()
        RecordStore.registerMigrations(in: &migrator)
        try migrator.migrate(database, upTo: "records-transfers")
        let arrived = Self.nineAM.millisecondsSinceEpoch
        try database.write { db in
            try db.execute(sql: """
                INSERT INTO records_call (
                    call_id, arrived, ordinal, entered_system, queue, final_queue, priority, service_level_ms, answered, agent,
                    finished, outcome, wait_ms, talk_ms, wrap_up_ms
                ) VALUES ('old', ?, 0, ?, 'sales', 'sales', 0, 20000, ?, 'a1', ?, 'ended', 4000, 60000, 0)
                """, arguments: [arrived, arrived, arrived + 4000, arrived + 64000])
        }
        try migrator.migrate(database)
        let row = try database.read { db in try Row.fetchOne(db, sql: "SELECT kind, callback_requested, dial_attempts FROM records_call")! }
        #expect(row["kind"] as String == "inbound" && row["callback_requested"] as Int64? == nil && row["dial_attempts"] as Int == 0)
        let report = try database.read { db in try RecordReports.queues(query(.day), in: db) }
        #expect(report.map { "\($0.offered) \($0.answered) \($0.answeredInTime) \($0.callbacks) \($0.dialAttempts)" } == ["1 1 1 0 0"])
    }

    /// A database written before the keys began with the arrival: the tables are rebuilt with the
    /// same rows, keyed by arrival, and the arrival indexes are gone.
    @Test func theArrivalOrderMigrationKeepsEveryRow() throws {
        let run = try Self.morning()
        let database = try DatabaseQueue()
        var migrator = DatabaseMigrator()
        RecordStore.registerMigrations(in: &migrator)
        try migrator.migrate(database, upTo: "records-dialing")
        for batch in run.batches {
            try database.write { db in try RecordStore.write(batch, to: db) }
        }
        let before = try RecordsHarness.dump(database)
        let written = try run.dump()
        #expect(before.count > 20 && before == written)
        let columnsBefore = try Self.columns(of: database)
        try migrator.migrate(database)
        #expect(try RecordsHarness.dump(database) == before)
        #expect(try Self.columns(of: database) == columnsBefore)
        try database.read { db in
            for table in RecordStore.tables where table != "records_agent_interval" {
                let key = try db.primaryKey(table).columns
                let indexes = try db.indexes(on: table)
                #expect(key.prefix(3) == ["arrived", "call_id", "ordinal"], "\(table)")
                #expect(!indexes.contains { $0.columns == ["arrived"] }, "\(table)")
            }
            let callIndexes = try db.indexes(on: "records_call")
            #expect(callIndexes.contains { $0.name == "records_call_by_id" && $0.columns == ["call_id"] })
        }
        // A survey arriving now finds its call by id.
        try database.write { db in
            try RecordStore.write(RecordBatch(surveys: [SurveyUpdate(call: "c1", survey: SurveyScore(
                score: 5, agent: "a1", queue: "sales", at: Self.nineAM + .seconds(1900)
            ))]), to: db)
        }
        #expect(try database.read { db in try Int.fetchOne(db, sql: "SELECT survey_score FROM records_call WHERE call_id = 'c1'") } == 5)
    }

    /// Every records table's columns: name, type, NOT NULL, default, in order.
    static func columns(of database: DatabaseQueue) throws -> [String] {
        try database.read { db in
            try RecordStore.tables.flatMap { table in
                try db.columns(in: table).map { "\(table).\($0.name) \($0.type) \($0.isNotNull) \($0.defaultValueSQL ?? "-")" }
            }
        }
    }

    @Test func aKeeperRestoredMidDialFromItsSnapshotWritesTheSameRows() throws {
        // The snapshot: c2 is dialed for the first time, o2 waits for its time.
        var run = try Self.morning(through: 95)
        let engineData = try JSONEncoder().encode(run.engine)
        let keeperData = try JSONEncoder().encode(run.keeper)
        let rest = Self.script.filter { $0.0 > 95 }
        let restored = run.batches.count
        for (second, command) in rest { try run.at(second, command) }
        try run.wait(until: 1800)
        let uninterrupted = try run.dump()

        var replay = run
        replay.engine = try JSONDecoder().decode(RoutingEngine.self, from: engineData)
        replay.keeper = try JSONDecoder().decode(RecordKeeper.self, from: keeperData)
        for (second, command) in rest { try replay.at(second, command) }
        try replay.wait(until: 1800)
        #expect(try replay.dump() == uninterrupted)
        #expect(Array(replay.batches.dropFirst(run.batches.count)) == Array(run.batches.dropFirst(restored)))
        #expect(run.call("c2")?.dialAttempts.count == 2)
    }
}
