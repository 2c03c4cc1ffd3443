import ACDCore
import ACDRecords
import Foundation
import GRDB
import Testing

/// Consult transfers and escalations in the records: the call's history says who handed it to
/// whom (asked when, consented when) and who escalated it where; each agent's conversation ends
/// accordingly; the transfer report counts them per queue.
struct TransferRecordsTests {
    static let center = CenterConfiguration(
        queues: [
            QueueConfiguration(id: "sales", rejectDelay: .zero, wrapUp: .seconds(10), escalationQueue: "experts"),
            QueueConfiguration(id: "experts", rejectDelay: .zero, wrapUp: .seconds(10)),
        ],
        agents: [
            AgentConfiguration(id: "a1", tiers: ["sales": 1]), AgentConfiguration(id: "a2", tiers: ["sales": 1]),
            AgentConfiguration(id: "x1", tiers: ["experts": 1]),
        ]
    )

    /// c1: a1 takes it at 12 s, asks a2 at 30 s, a2 consents at 35 s; a2 escalates it at 60 s to
    /// experts, where x1 takes it at 62 s and hangs up at 90 s. A declined consult leaves no row.
    func handedOverAndEscalated() throws -> RecordsHarness {
        var run = try RecordsHarness(Self.center)
        try run.at(0, .login(agent: "a1"))
        try run.at(10, .enqueue(NewCall(id: "c1", queue: "sales")))
        try run.at(12, .accept(call: "c1", agent: "a1"))
        try run.at(13, .login(agent: "a2"))
        try run.at(14, .login(agent: "x1"))
        try run.at(20, .consultTransfer(call: "c1", from: "a1", to: "a2"))
        try run.at(22, .declineConsult(call: "c1", agent: "a2"))
        try run.at(30, .consultTransfer(call: "c1", from: "a1", to: "a2"))
        try run.at(35, .acceptConsult(call: "c1", agent: "a2"))
        try run.at(60, .escalate(call: "c1", by: "a2"))
        try run.at(62, .accept(call: "c1", agent: "x1"))
        try run.at(90, .hangup(call: "c1", by: .caller))
        try run.wait(until: 200)
        return run
    }

    @Test func theHistoryAndTheConversationsShowTheHandoverAndTheEscalation() throws {
        let run = try handedOverAndEscalated()
        let call = try #require(run.call("c1"))
        #expect(call.history == [
            QueueEvent(at: run.instant(10), kind: .entered, queue: "sales"),
            QueueEvent(at: run.instant(35), kind: .consultTransferred, queue: "sales", agent: "a1", toAgent: "a2", requested: run.instant(30)),
            QueueEvent(at: run.instant(60), kind: .escalated, queue: "experts", from: "sales", agent: "a2"),
        ])
        #expect(call.talks.map(\.agent) == ["a1", "a2", "x1"])
        #expect(call.talks.map(\.ending) == [.consultTransfer, .escalation, .caller])
        #expect(call.talks.map(\.talkTime) == [.seconds(23), .seconds(25), .seconds(28)])
        #expect(call.talks.map(\.wrapUp) == [.seconds(10), .seconds(10), .seconds(10)])
        #expect(call.finalQueue == "experts")
        let rows = try run.database.read { db in
            try Row.fetchAll(db, sql: "SELECT kind, agent, to_agent, requested FROM records_call_event WHERE call_id = 'c1' ORDER BY position")
        }
        #expect(rows.map { $0["kind"] as String } == ["entered", "consult_transferred", "escalated"])
        #expect(rows.map { $0["to_agent"] as String? } == [nil, "a2", nil])
        #expect(rows.map { $0["requested"] as Int64? } == [nil, run.instant(30).millisecondsSinceEpoch, nil])
    }

    @Test func theTransferReportCountsPerQueue() throws {
        var run = try handedOverAndEscalated()
        // c2: x1 sends it on to sales (a blind transfer), where a1 takes it.
        try run.at(300, .enqueue(NewCall(id: "c2", queue: "experts")))
        try run.at(301, .accept(call: "c2", agent: "x1"))
        try run.at(310, .transfer(call: "c2", to: "sales"))
        try run.at(311, .accept(call: "c2", agent: "a1"))
        try run.at(320, .hangup(call: "c2", by: .agent))
        try run.wait(until: 400)
        let query = ReportQuery(buckets: [ReportBucket(start: run.instant(0), end: run.instant(3600), label: "h")], now: run.instant(3600))
        let rows = try run.database.read { db in try RecordReports.transfers(query, in: db) }
        #expect(rows.map { [$0.queue.rawValue, "\($0.transfers)", "\($0.consultTransfers)", "\($0.escalations)"] } == [
            ["experts", "1", "0", "0"], ["sales", "0", "1", "1"],
        ])
        let sales = try run.database.read { db in
            try RecordReports.transfers(ReportQuery(buckets: query.buckets, queue: "sales", now: query.now), in: db)
        }
        #expect(sales.map(\.queue) == ["sales"])
    }
}
