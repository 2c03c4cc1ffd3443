import ACDCore
public import GRDB

/// The reports, computed in SQL on the records. A call counts in the interval in which it arrived
/// in acdd, in the queue it arrived in; an agent's time counts in the intervals it falls in.
public enum RecordReports {
    /// Whether the database holds the records' tables (a journal the daemon wrote before records
    /// existed does not).
    public static func hasRecords(_ db: Database) throws -> Bool {
        try db.tableExists("records_call")
    }

    /// Per interval and queue, the figures of the calls that arrived (inbound figures over inbound
    /// calls, callbacks and outbound calls apart); intervals and queues without calls are left out.
    public static func queues(_ query: ReportQuery, in db: Database) throws -> [QueueReportRow] {
        let rows = try Row.fetchAll(db, sql: """
            WITH bucket AS (
                SELECT CAST(key AS INTEGER) AS idx, json_extract(value, '$[0]') AS start, json_extract(value, '$[1]') AS stop
                FROM json_each(:buckets)
            )
            SELECT b.idx, c.queue,
                sum(c.kind <> 'outbound') AS offered,
                sum(c.kind = 'inbound' AND c.answered IS NOT NULL) AS answered,
                sum(c.kind = 'inbound' AND c.answered IS NOT NULL AND c.wait_ms <= c.service_level_ms) AS in_time,
                sum(c.kind = 'inbound' AND c.answered IS NULL AND c.outcome = 'abandoned') AS abandoned,
                sum(c.kind = 'inbound' AND c.answered IS NULL AND c.outcome = 'abandoned' AND c.wait_ms <= :short) AS short_abandoned,
                sum(c.kind = 'inbound' AND c.answered IS NULL AND c.outcome <> 'abandoned') AS other,
                sum(c.outcome = 'closed') AS closed,
                sum(EXISTS (
                    SELECT 1 FROM records_call_event e
                    WHERE e.call_id = c.call_id AND e.arrived = c.arrived AND e.ordinal = c.ordinal AND e.kind = 'redirected'
                )) AS redirected,
                total(CASE WHEN c.kind = 'inbound' AND c.answered IS NOT NULL THEN c.wait_ms END) AS answered_wait,
                total(CASE WHEN c.kind = 'inbound' AND c.answered IS NOT NULL THEN c.talk_ms + c.wrap_up_ms END) AS handle,
                coalesce(max(CASE c.kind
                    WHEN 'inbound' THEN c.wait_ms WHEN 'callback' THEN c.callback_requested - c.entered_system
                END), 0) AS longest_wait,
                sum(c.kind = 'callback') AS callbacks,
                sum(c.kind = 'callback' AND c.answered IS NOT NULL) AS callbacks_reached,
                sum(c.kind = 'outbound') AS outbound,
                sum(c.kind = 'outbound' AND c.answered IS NOT NULL) AS outbound_reached,
                sum(c.dial_attempts) AS dial_attempts,
                sum(c.outcome = 'unreached') AS unreached
            FROM records_call c JOIN bucket b ON c.arrived >= b.start AND c.arrived < b.stop
            WHERE (:queue IS NULL OR c.queue = :queue) AND c.arrived >= :first AND c.arrived < :last
            GROUP BY b.idx, c.queue
            ORDER BY b.idx, c.queue
            """, arguments: arguments(query))
        return rows.map { row in
            QueueReportRow(
                bucket: query.buckets[row["idx"]], queue: QueueID(row["queue"]), offered: row["offered"], answered: row["answered"],
                answeredInTime: row["in_time"], abandoned: row["abandoned"], shortAbandoned: row["short_abandoned"],
                otherUnanswered: row["other"], answeredWait: .milliseconds(Int64(row["answered_wait"] as Double)),
                handleTime: .milliseconds(Int64(row["handle"] as Double)), longestWait: .milliseconds(row["longest_wait"] as Int64),
                closed: row["closed"], redirected: row["redirected"], callbacks: row["callbacks"],
                callbacksReached: row["callbacks_reached"], outbound: row["outbound"], outboundReached: row["outbound_reached"],
                dialAttempts: row["dial_attempts"], unreached: row["unreached"]
            )
        }
    }

    /// Per interval and agent, time in each state and conversations taken; intervals in which the
    /// agent was logged out throughout and took nothing are left out.
    public static func agents(_ query: ReportQuery, in db: Database) throws -> [AgentReportRow] {
        var rows: [Int: [AgentID: AgentReportRow]] = [:]
        func update(_ index: Int, _ agent: AgentID, _ change: (inout AgentReportRow) -> Void) {
            change(&rows[index, default: [:]][agent, default: AgentReportRow(bucket: query.buckets[index], agent: agent)])
        }
        let times = try Row.fetchAll(db, sql: """
            WITH bucket AS (
                SELECT CAST(key AS INTEGER) AS idx, json_extract(value, '$[0]') AS start, json_extract(value, '$[1]') AS stop
                FROM json_each(:buckets)
            )
            SELECT b.idx, i.agent, i.activity, i.reason,
                sum(min(coalesce(i.ended, :now), b.stop) - max(i.started, b.start)) AS ms
            FROM records_agent_interval i JOIN bucket b ON i.started < b.stop AND coalesce(i.ended, :now) > b.start
            WHERE (:agent IS NULL OR i.agent = :agent) AND i.started < :last AND (i.ended IS NULL OR i.ended > :first)
            GROUP BY b.idx, i.agent, i.activity, i.reason
            """, arguments: arguments(query))
        for row in times {
            let time = Duration.milliseconds(row["ms"] as Int64)
            guard let activity = AgentActivity(rawValue: row["activity"]) else { continue }
            update(row["idx"], AgentID(row["agent"])) { figures in
                switch activity {
                case .ready: figures.ready += time
                case .offered: figures.offered += time
                case .busy: figures.busy += time
                case .wrapUp: figures.wrapUp += time
                case .notReady:
                    figures.notReady += time
                    figures.notReadyByReason[NotReadyReason(row["reason"] ?? ""), default: .zero] += time
                }
            }
        }
        let talks = try Row.fetchAll(db, sql: """
            WITH bucket AS (
                SELECT CAST(key AS INTEGER) AS idx, json_extract(value, '$[0]') AS start, json_extract(value, '$[1]') AS stop
                FROM json_each(:buckets)
            )
            SELECT b.idx, t.agent, count(*) AS handled, sum(t.talk_ms + t.wrap_up_ms) AS handle
            FROM records_talk t JOIN bucket b ON t.answered >= b.start AND t.answered < b.stop
            WHERE (:agent IS NULL OR t.agent = :agent) AND t.answered >= :first AND t.answered < :last
            GROUP BY b.idx, t.agent
            """, arguments: arguments(query))
        for row in talks {
            update(row["idx"], AgentID(row["agent"])) { figures in
                figures.handled = row["handled"]
                figures.handleTime = .milliseconds(row["handle"] as Int64)
            }
        }
        for dialing in try agentDialing(query, in: db) {
            update(dialing.index, dialing.agent) { figures in
                figures.dialed = dialing.dialed
                figures.dialAttempts = dialing.attempts
            }
        }
        return rows.keys.sorted().flatMap { index in
            rows[index]!.keys.sorted().map { rows[index]![$0]! }
        }
    }

    static func arguments(_ query: ReportQuery) -> StatementArguments {
        [
            "buckets": query.bucketsJSON,
            "first": query.buckets.first?.start.millisecondsSinceEpoch ?? 0,
            "last": query.buckets.last?.end.millisecondsSinceEpoch ?? 0,
            "short": query.shortAbandon.milliseconds,
            "now": query.now.millisecondsSinceEpoch,
            "queue": query.queue?.rawValue,
            "agent": query.agent?.rawValue,
        ]
    }
}
