import ACDCore
import GRDB

/// Agents' callbacks and outbound calls, for the agent report.
extension RecordReports {
    /// One agent's dialing in one interval.
    struct AgentDialing {
        var index: Int
        var agent: AgentID
        /// Callbacks and outbound calls the agent reached (counted when the customer answered).
        var dialed: Int
        /// Attempts the agent began (counted when it accepted the call).
        var attempts: Int
    }

    /// Per interval and agent, the callbacks and outbound calls reached and the dial attempts
    /// begun; only those with either.
    static func agentDialing(_ query: ReportQuery, in db: Database) throws -> [AgentDialing] {
        try Row.fetchAll(db, sql: """
            WITH bucket AS (
                SELECT CAST(key AS INTEGER) AS idx, json_extract(value, '$[0]') AS start, json_extract(value, '$[1]') AS stop
                FROM json_each(:buckets)
            ),
            dialing AS (
                SELECT c.agent, c.answered AS at, 1 AS dialed, 0 AS attempts
                FROM records_call c
                WHERE c.kind <> 'inbound' AND c.answered >= :first AND c.answered < :last
                UNION ALL
                SELECT d.agent, d.started AS at, 0 AS dialed, 1 AS attempts
                FROM records_dial_attempt d
                WHERE d.started >= :first AND d.started < :last
            )
            SELECT b.idx, g.agent, sum(g.dialed) AS dialed, sum(g.attempts) AS attempts
            FROM dialing g JOIN bucket b ON g.at >= b.start AND g.at < b.stop
            WHERE :agent IS NULL OR g.agent = :agent
            GROUP BY b.idx, g.agent
            """, arguments: arguments(query)).map { row in
            AgentDialing(index: row["idx"], agent: AgentID(row["agent"]), dialed: row["dialed"], attempts: row["attempts"])
        }
    }
}
