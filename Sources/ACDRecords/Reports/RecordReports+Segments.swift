import ACDCore
public import GRDB

extension RecordReports {
    /// Per interval, queue and customer segment, the service-level figures of the calls of the
    /// segment that arrived; calls without a segment, and intervals without calls, are left out. A
    /// callback reached is not answered: its caller left the line (and its target's clock) before.
    public static func segments(_ query: ReportQuery, in db: Database) throws -> [SegmentReportRow] {
        let rows = try Row.fetchAll(db, sql: """
            WITH bucket AS (
                SELECT CAST(key AS INTEGER) AS idx, json_extract(value, '$[0]') AS start, json_extract(value, '$[1]') AS stop
                FROM json_each(:buckets)
            )
            SELECT b.idx, c.queue, c.segment,
                count(*) AS offered,
                sum(c.kind = 'inbound' AND c.answered IS NOT NULL) AS answered,
                sum(c.kind = 'inbound' AND c.segment_target_ms IS NOT NULL AND c.answered IS NOT NULL AND c.breached IS NULL) AS in_target,
                sum(c.breached IS NOT NULL) AS breaches,
                sum(c.escalated IS NOT NULL) AS escalated
            FROM records_call c JOIN bucket b ON c.arrived >= b.start AND c.arrived < b.stop
            WHERE c.segment IS NOT NULL AND (:queue IS NULL OR c.queue = :queue) AND c.arrived >= :first AND c.arrived < :last
            GROUP BY b.idx, c.queue, c.segment
            ORDER BY b.idx, c.queue, c.segment
            """, arguments: arguments(query))
        return rows.map { row in
            SegmentReportRow(
                bucket: query.buckets[row["idx"]], queue: QueueID(row["queue"]), segment: row["segment"], offered: row["offered"],
                answered: row["answered"], answeredInTarget: row["in_target"], breaches: row["breaches"], escalated: row["escalated"]
            )
        }
    }
}
