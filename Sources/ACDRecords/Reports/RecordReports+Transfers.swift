import ACDCore
public import GRDB

/// The transfer report: calls passed on, per queue.
extension RecordReports {
    /// Per interval and queue, the blind transfers, consult transfers and escalations that
    /// happened in the interval, counted for the queue the call was in then (a blind transfer's or
    /// an escalation's `from_queue`, a consult transfer's `queue`); intervals and queues with none
    /// are left out.
    public static func transfers(_ query: ReportQuery, in db: Database) throws -> [TransferReportRow] {
        let rows = try Row.fetchAll(db, sql: """
            WITH bucket AS (
                SELECT CAST(key AS INTEGER) AS idx, json_extract(value, '$[0]') AS start, json_extract(value, '$[1]') AS stop
                FROM json_each(:buckets)
            ),
            passed AS (
                SELECT e.at, e.kind, CASE WHEN e.kind = 'consult_transferred' THEN e.queue ELSE e.from_queue END AS queue
                FROM records_call_event e
                WHERE (\(RecordSchema.passedOnEvent)) AND e.at >= :first AND e.at < :last
            )
            SELECT b.idx, p.queue,
                sum(p.kind = 'transferred') AS transfers,
                sum(p.kind = 'consult_transferred') AS consults,
                sum(p.kind = 'escalated') AS escalations
            FROM passed p JOIN bucket b ON p.at >= b.start AND p.at < b.stop
            WHERE (:queue IS NULL OR p.queue = :queue)
            GROUP BY b.idx, p.queue
            ORDER BY b.idx, p.queue
            """, arguments: arguments(query))
        return rows.map { row in
            TransferReportRow(
                bucket: query.buckets[row["idx"]], queue: QueueID(row["queue"]), transfers: row["transfers"],
                consultTransfers: row["consults"], escalations: row["escalations"]
            )
        }
    }
}
