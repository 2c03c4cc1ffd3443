import ACDCore
public import GRDB

/// The quality reports: how agents classified their conversations, and how callers scored calls.
extension RecordReports {
    /// Per interval and queue, the conversations taken for the queue in the interval (by the
    /// instant answered) by classification, most frequent first, the unclassified ones included.
    public static func classifications(_ query: ReportQuery, in db: Database) throws -> [ClassificationReportRow] {
        let rows = try Row.fetchAll(db, sql: """
            WITH bucket AS (
                SELECT CAST(key AS INTEGER) AS idx, json_extract(value, '$[0]') AS start, json_extract(value, '$[1]') AS stop
                FROM json_each(:buckets)
            ),
            counted AS (
                SELECT b.idx, t.queue, t.call_type, t.motive, t.sub_motive, count(*) AS conversations
                FROM records_talk t JOIN bucket b ON t.answered >= b.start AND t.answered < b.stop
                WHERE (:queue IS NULL OR t.queue = :queue) AND t.answered >= :first AND t.answered < :last
                GROUP BY b.idx, t.queue, t.call_type, t.motive, t.sub_motive
            )
            SELECT counted.*, sum(conversations) OVER (PARTITION BY idx, queue) AS queue_conversations
            FROM counted
            ORDER BY idx, queue, conversations DESC, call_type IS NULL, call_type, motive, sub_motive
            """, arguments: arguments(query))
        return rows.map { row in
            ClassificationReportRow(
                bucket: query.buckets[row["idx"]], queue: QueueID(row["queue"]), callType: row["call_type"], motive: row["motive"],
                subMotive: row["sub_motive"], conversations: row["conversations"], queueConversations: row["queue_conversations"]
            )
        }
    }

    /// Per interval (of the calls' arrival), survey scores for the center, each queue and each
    /// agent (those of the call's last conversation); intervals without scores are left out. With
    /// a queue or an agent asked for, only its calls count, the center row included.
    public static func surveys(_ query: ReportQuery, in db: Database) throws -> [SurveyReportRow] {
        let rows = try Row.fetchAll(db, sql: """
            WITH bucket AS (
                SELECT CAST(key AS INTEGER) AS idx, json_extract(value, '$[0]') AS start, json_extract(value, '$[1]') AS stop
                FROM json_each(:buckets)
            ),
            scored AS (
                SELECT b.idx, c.survey_queue AS queue, c.survey_agent AS agent, c.survey_score AS score
                FROM records_call c JOIN bucket b ON c.arrived >= b.start AND c.arrived < b.stop
                WHERE c.survey_score IS NOT NULL AND c.arrived >= :first AND c.arrived < :last
                    AND (:queue IS NULL OR c.survey_queue = :queue) AND (:agent IS NULL OR c.survey_agent = :agent)
            )
            SELECT idx, 0 AS scope, NULL AS name, count(*) AS scores, sum(score) AS total,
                sum(score >= 4) AS satisfied, sum(score <= 2) AS dissatisfied
            FROM scored GROUP BY idx
            UNION ALL
            SELECT idx, 1, queue, count(*), sum(score), sum(score >= 4), sum(score <= 2) FROM scored GROUP BY idx, queue
            UNION ALL
            SELECT idx, 2, agent, count(*), sum(score), sum(score >= 4), sum(score <= 2) FROM scored GROUP BY idx, agent
            ORDER BY idx, scope, name
            """, arguments: arguments(query))
        return rows.map { row in
            let scope: SurveyReportRow.Scope = switch row["scope"] as Int {
            case 0: .center
            case 1: .queue(QueueID(row["name"]))
            default: .agent(AgentID(row["name"]))
            }
            return SurveyReportRow(
                bucket: query.buckets[row["idx"]], scope: scope, scores: row["scores"], total: row["total"],
                satisfied: row["satisfied"], dissatisfied: row["dissatisfied"]
            )
        }
    }
}
