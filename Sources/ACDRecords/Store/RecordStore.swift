public import ACDCore
public import GRDB

/// Call records and agent intervals in SQLite, in the journal's database. Plain SQL rather than
/// GRDB records: rows are written in bulk inside the journal's transaction through a few cached
/// statements, and the reports are SQL aggregates, not records read back.
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
        for call in batch.calls {
            try write(call, to: db)
        }
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
            try interval.run([
                .text(row.agent.rawValue), .integer(row.start.millisecondsSinceEpoch), .int(row.end?.millisecondsSinceEpoch),
                .text(row.activity.rawValue), .string(row.reason?.rawValue), .string(row.call?.rawValue),
            ])
        }
        // The latest record of the call id: calls of one id never overlap, and the engine takes a
        // score only for the call that ended last under it.
        let survey = try BoundStatement(db, sql: """
            UPDATE records_call SET survey_score = ?, survey_agent = ?, survey_queue = ?, surveyed_at = ?
            WHERE call_id = ? AND (arrived, ordinal) = (
                SELECT arrived, ordinal FROM records_call WHERE call_id = ? ORDER BY arrived DESC, ordinal DESC LIMIT 1
            )
            """)
        for update in batch.surveys {
            try survey.run([
                .int(update.survey.score), .text(update.survey.agent.rawValue), .text(update.survey.queue.rawValue),
                .integer(update.survey.at.millisecondsSinceEpoch), .text(update.call.rawValue), .text(update.call.rawValue),
            ])
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

    private static func write(_ call: RecordedCall, to db: Database) throws {
        let key: [BoundStatement.Value] = [
            .text(call.key.call.rawValue), .integer(call.key.arrived.millisecondsSinceEpoch), .int(call.key.ordinal),
        ]
        let values = key + [
            .integer(call.enteredSystem.millisecondsSinceEpoch), .text(call.queue.rawValue), .text(call.finalQueue.rawValue),
            .int(call.priority), .string(call.segment), .integer(call.serviceLevelThreshold.milliseconds),
            .int(call.answered?.millisecondsSinceEpoch), .string(call.answeredBy?.rawValue),
            .integer(call.finished.millisecondsSinceEpoch), .text(RecordSchema.outcome(call.outcome)),
            .string(RecordSchema.destination(call.outcome)), .string(call.hungUpBy?.rawValue), .integer(call.wait.milliseconds),
            .integer(call.talkTime.milliseconds), .integer(call.wrapUpTime.milliseconds), .int(call.survey?.score),
            .string(call.survey?.agent.rawValue), .string(call.survey?.queue.rawValue), .int(call.survey?.at.millisecondsSinceEpoch),
            .int(call.segmentTarget?.milliseconds), .int(call.escalated?.millisecondsSinceEpoch),
            .int(call.breached?.millisecondsSinceEpoch), .text(call.kind.rawValue),
            .int(call.callbackRequested?.millisecondsSinceEpoch), .int(call.dialAttempts.count),
        ]
        try BoundStatement(db, sql: "INSERT INTO records_call \(callColumns) ON CONFLICT DO NOTHING").run(values)
        if db.changesCount == 0 {
            // Written before (a replay after a crash writes again what it may have lost): the
            // call's rows are replaced. A new call, by far the usual case, has none to delete.
            try BoundStatement(db, sql: "REPLACE INTO records_call \(callColumns)").run(values)
            for table in ["records_call_event", "records_offer", "records_talk", "records_dial_attempt"] {
                try BoundStatement(db, sql: "DELETE FROM \(table) WHERE call_id = ? AND arrived = ? AND ordinal = ?").run(key)
            }
        }
        let event = try BoundStatement(db, sql: """
            INSERT INTO records_call_event (call_id, arrived, ordinal, position, at, kind, queue, from_queue, agent, to_agent, requested)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (position, row) in call.history.enumerated() {
            try event.run(key + [
                .int(position), .integer(row.at.millisecondsSinceEpoch), .text(row.kind.rawValue), .text(row.queue.rawValue),
                .string(row.from?.rawValue), .string(row.agent?.rawValue), .string(row.toAgent?.rawValue),
                .int(row.requested?.millisecondsSinceEpoch),
            ])
        }
        let offer = try BoundStatement(db, sql: """
            INSERT INTO records_offer (call_id, arrived, ordinal, position, agent, queue, offered, ended, result)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (position, row) in call.offers.enumerated() {
            try offer.run(key + [
                .int(position), .text(row.agent.rawValue), .text(row.queue.rawValue), .integer(row.offered.millisecondsSinceEpoch),
                .integer(row.ended.millisecondsSinceEpoch), .text(row.result.rawValue),
            ])
        }
        let talk = try BoundStatement(db, sql: """
            INSERT INTO records_talk (
                call_id, arrived, ordinal, position, agent, queue, answered, ended, ending, talk_ms, wrap_up_ms,
                call_type, motive, sub_motive, notes
            ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (position, row) in call.talks.enumerated() {
            try talk.run(key + [
                .int(position), .text(row.agent.rawValue), .text(row.queue.rawValue), .integer(row.answered.millisecondsSinceEpoch),
                .integer(row.ended.millisecondsSinceEpoch), .text(row.ending.rawValue), .integer(row.talkTime.milliseconds),
                .integer(row.wrapUp.milliseconds), .string(row.classification?.callType), .string(row.classification?.motive),
                .string(row.classification?.subMotive), .string(row.classification?.notes),
            ])
        }
        let attempt = try BoundStatement(db, sql: """
            INSERT INTO records_dial_attempt (call_id, arrived, ordinal, attempt, agent, started, ended, result, retry_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (position, row) in call.dialAttempts.enumerated() {
            try attempt.run(key + [
                .int(position + 1), .text(row.agent.rawValue), .integer(row.started.millisecondsSinceEpoch),
                .integer(row.ended.millisecondsSinceEpoch), .text(row.result.rawValue), .int(row.retryAt?.millisecondsSinceEpoch),
            ])
        }
    }
}

/// The columns of a call's row and their placeholders.
private let callColumns = """
    (
        call_id, arrived, ordinal, entered_system, queue, final_queue, priority, segment,
        service_level_ms, answered, agent, finished, outcome, destination, hung_up_by,
        wait_ms, talk_ms, wrap_up_ms, survey_score, survey_agent, survey_queue, surveyed_at,
        segment_target_ms, escalated, breached, kind, callback_requested, dial_attempts
    ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    """

/// An agent interval's natural key.
private struct AgentIntervalKey: Hashable {
    var agent: AgentID
    var start: Instant
}
