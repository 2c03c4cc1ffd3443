import ACDCore
import ACDRecords
import Foundation
import GRDB
import Testing

/// Classifications and survey scores in the records: each conversation keeps its agent's
/// classification, the call keeps its score (arrived before or after the record was written), and
/// the quality reports count them.
struct QualityRecordsTests {
    static let center = CenterConfiguration(
        queues: [
            QueueConfiguration(id: "sales", rejectDelay: .zero, wrapUp: .seconds(10),
                               classification: ClassificationCatalogue(motives: [.init("order"), .init("price")])),
            QueueConfiguration(id: "support", rejectDelay: .zero, wrapUp: .seconds(30),
                               classification: ClassificationCatalogue(callTypes: ["solved", "escalated"])),
        ],
        agents: [AgentConfiguration(id: "a1", tiers: ["sales": 1]), AgentConfiguration(id: "a2", tiers: ["support": 1])]
    )

    /// c1: a1 takes it in sales, transfers it to support where a2 takes it and hangs up at 100 s.
    func transferred() throws -> RecordsHarness {
        var run = try RecordsHarness(Self.center)
        try run.at(0, .login(agent: "a1"))
        try run.at(0, .login(agent: "a2"))
        try run.at(10, .enqueue(NewCall(id: "c1", queue: "sales")))
        try run.at(12, .accept(call: "c1", agent: "a1"))
        try run.at(42, .transfer(call: "c1", to: "support"))
        try run.at(45, .accept(call: "c1", agent: "a2"))
        try run.at(50, .wrapUpDone(agent: "a1", classification: CallClassification(callType: "imperfect", motive: "price", notes: "to support")))
        try run.at(100, .hangup(call: "c1", by: .caller))
        return run
    }

    @Test func eachConversationKeepsItsClassificationAndAnEarlyScoreGoesOnTheRecord() throws {
        var run = try transferred()
        try run.at(101, .survey(call: "c1", score: 2))          // a2 still wraps up: the record waits
        #expect(run.calls.isEmpty)
        try run.at(110, .wrapUpDone(agent: "a2", classification: CallClassification(callType: "solved")))
        let call = try #require(run.call("c1"))
        #expect(call.talks.map(\.classification) == [
            CallClassification(callType: "imperfect", motive: "price", notes: "to support"), CallClassification(callType: "solved"),
        ])
        #expect(call.survey == SurveyScore(score: 2, agent: "a2", queue: "support", at: run.instant(101)))
        let row = try run.database.read { db in
            try Row.fetchOne(db, sql: "SELECT survey_score, survey_agent, survey_queue FROM records_call WHERE call_id = 'c1'")
        }
        #expect(row?["survey_score"] as Int? == 2)
        #expect(row?["survey_agent"] as String? == "a2")
        #expect(row?["survey_queue"] as String? == "support")
        let talks = try run.database.read { db in
            try Row.fetchAll(db, sql: "SELECT call_type, motive, notes FROM records_talk WHERE call_id = 'c1' ORDER BY position")
        }
        #expect(talks.map { $0["call_type"] as String? } == ["imperfect", "solved"])
        #expect(talks.map { $0["motive"] as String? } == ["price", nil])
        #expect(talks.map { $0["notes"] as String? } == ["to support", nil])
    }

    @Test func aLateScoreUpdatesTheWrittenRecordAndAnUnclassifiedWrapUpStaysSo() throws {
        var run = try transferred()
        try run.wait(until: 130)                                   // a2's wrap-up runs out: unclassified
        #expect(run.call("c1")?.talks.last?.classification == nil)
        try run.at(140, .survey(call: "c1", score: 5))
        #expect(run.batches.last?.surveys == [SurveyUpdate(call: "c1", survey: SurveyScore(score: 5, agent: "a2", queue: "support", at: run.instant(140)))])
        let score = try run.database.read { db in try Int.fetchOne(db, sql: "SELECT survey_score FROM records_call WHERE call_id = 'c1'") }
        #expect(score == 5)
    }

    @Test func theQualityReportsCountClassificationsAndScores() throws {
        var run = try transferred()
        try run.at(110, .wrapUpDone(agent: "a2", classification: CallClassification(callType: "solved")))
        try run.at(120, .survey(call: "c1", score: 4))
        try run.at(130, .enqueue(NewCall(id: "c2", queue: "sales")))
        try run.at(131, .accept(call: "c2", agent: "a1"))
        try run.at(140, .hangup(call: "c2", by: .agent))
        try run.wait(until: 160)                                   // a1's wrap-up runs out: unclassified
        try run.at(170, .survey(call: "c2", score: 1))
        let query = ReportQuery(
            buckets: [ReportBucket(start: run.instant(0), end: run.instant(3600), label: "h")], now: run.instant(3600)
        )
        let classified = try run.database.read { db in try RecordReports.classifications(query, in: db) }
        #expect(classified.map { [$0.queue.rawValue, $0.callType ?? "-", $0.motive ?? "-", "\($0.conversations)/\($0.queueConversations)"] } == [
            ["sales", "imperfect", "price", "1/2"], ["sales", "-", "-", "1/2"], ["support", "solved", "-", "1/1"],
        ])
        let surveys = try run.database.read { db in try RecordReports.surveys(query, in: db) }
        #expect(surveys.map(\.scope) == [.center, .queue("sales"), .queue("support"), .agent("a1"), .agent("a2")])
        #expect(surveys.map(\.scores) == [2, 1, 1, 1, 1])
        #expect(surveys[0].average == 2.5 && surveys[0].satisfiedShare == 0.5 && surveys[0].dissatisfiedShare == 0.5)
    }
}
