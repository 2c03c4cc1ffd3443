public import ACDCore
public import GRDB

/// Call records and agent intervals in SQLite (`records.sqlite`, beside the journal). Plain SQL
/// rather than GRDB records: rows are written in bulk, one transaction per batch, through a few
/// cached statements, and the reports are SQL aggregates, not records read back.
public enum RecordStore {
    /// Registers the tables' migrations (`records-v1` and those after it) in the database's migrator.
    public static func registerMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("records-v1") { db in
            try RecordSchema.createVersion1(in: db)
        }
        migrator.registerMigration("records-classification-survey") { db in
            try RecordSchema.addClassificationAndSurvey(in: db)
        }
        migrator.registerMigration("records-v2-segment-service-levels") { db in
            try RecordSchema.addSegmentServiceLevels(in: db)
        }
        migrator.registerMigration("records-transfers") { db in
            try RecordSchema.addTransfers(in: db)
        }
        migrator.registerMigration("records-dialing") { db in
            try RecordSchema.addDialing(in: db)
        }
        migrator.registerMigration("records-arrival-order") { db in
            try RecordSchema.orderByArrival(in: db)
        }
        migrator.registerMigration("records-transfer-index-equalities") { db in
            try RecordSchema.spellTransferIndexAsEqualities(in: db)
        }
    }

    /// The tables, in the order they were created.
    public static let tables = [
        "records_call", "records_call_event", "records_offer", "records_talk", "records_agent_interval", "records_dial_attempt",
    ]

    /// Writes `batch`, replacing rows with the same keys: writing a batch twice (a replay after a
    /// crash) leaves the same rows. An interval already written closed is not reopened (a replay
    /// that starts before its end would write it open, then closed again), unless it lasted no
    /// time and its successor took its key. Of the intervals
    /// with the same agent and start in the batch, only the last is written. Runs in the caller's
    /// transaction.
    public static func write(_ batch: RecordBatch, to db: Database) throws {
        if !batch.calls.isEmpty {
            let statements = try CallStatements(db)
            for call in batch.calls {
                try statements.write(call)
            }
        }
        if !batch.intervals.isEmpty {
            let interval = try BoundStatement(db, sql: """
                INSERT INTO records_agent_interval (agent, started, ended, activity, reason, call_id)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (agent, started) DO UPDATE SET
                    ended = excluded.ended, activity = excluded.activity, reason = excluded.reason, call_id = excluded.call_id
                WHERE excluded.ended IS NOT NULL OR records_agent_interval.ended IS NULL
                    OR records_agent_interval.ended = records_agent_interval.started
                """)
            var latest: [AgentIntervalKey: Int] = [:]
            for (index, row) in batch.intervals.enumerated() {
                latest[AgentIntervalKey(agent: row.agent, start: row.start)] = index
            }
            for (index, row) in batch.intervals.enumerated() where latest[AgentIntervalKey(agent: row.agent, start: row.start)] == index {
                try interval.run { values in
                    values.add(row.agent.rawValue)
                    values.add(row.start.millisecondsSinceEpoch)
                    values.add(row.end?.millisecondsSinceEpoch)
                    values.add(row.activity.rawValue)
                    values.add(row.reason?.rawValue)
                    values.add(row.call?.rawValue)
                }
            }
        }
        if !batch.surveys.isEmpty {
            // The latest record of the call id: calls of one id never overlap, and the engine takes a
            // score only for the call that ended last under it.
            let survey = try BoundStatement(db, sql: """
                UPDATE records_call SET survey_score = ?, survey_agent = ?, survey_queue = ?, surveyed_at = ?
                WHERE call_id = ? AND (arrived, ordinal) = (
                    SELECT arrived, ordinal FROM records_call WHERE call_id = ? ORDER BY arrived DESC, ordinal DESC LIMIT 1
                )
                """)
            for update in batch.surveys {
                try survey.run { values in
                    values.add(update.survey.score)
                    values.add(update.survey.agent.rawValue)
                    values.add(update.survey.queue.rawValue)
                    values.add(update.survey.at.millisecondsSinceEpoch)
                    values.add(update.call.rawValue)
                    values.add(update.call.rawValue)
                }
            }
        }
    }

    /// Deletes the calls that arrived before `instant` and the agent intervals that ended before it.
    public static func prune(before instant: Instant, in db: Database) throws {
        let cutoff = instant.millisecondsSinceEpoch
        for table in ["records_call", "records_call_event", "records_offer", "records_talk", "records_dial_attempt"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE arrived < ?", arguments: [cutoff])
        }
        try db.execute(sql: "DELETE FROM records_agent_interval WHERE ended < ?", arguments: [cutoff])
    }

    /// Ends every interval still open at `instant` (or at its start, if later). For a daemon that
    /// starts with a new keeper while the database holds the old one's open intervals
    /// (`--discard-state`): those agents' states were dropped then.
    public static func closeOpenIntervals(at instant: Instant, in db: Database) throws {
        try db.execute(
            sql: "UPDATE records_agent_interval SET ended = max(started, ?) WHERE ended IS NULL",
            arguments: [instant.millisecondsSinceEpoch]
        )
    }
}

/// An agent interval's natural key.
private struct AgentIntervalKey: Hashable {
    var agent: AgentID
    var start: Instant
}
