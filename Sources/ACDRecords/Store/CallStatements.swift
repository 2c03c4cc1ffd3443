import ACDCore
import GRDB

/// The statements that write a call's rows, looked up once per batch of records rather than once
/// per call (finding a cached statement hashes its whole text).
struct CallStatements {
    private let db: Database
    private let insertCall: BoundStatement
    private let event: BoundStatement
    private let offer: BoundStatement
    private let talk: BoundStatement
    private let attempt: BoundStatement

    init(_ db: Database) throws {
        self.db = db
        insertCall = try BoundStatement(db, sql: "INSERT INTO records_call \(Self.callColumns) ON CONFLICT DO NOTHING")
        event = try BoundStatement(db, sql: """
            INSERT INTO records_call_event (call_id, arrived, ordinal, position, at, kind, queue, from_queue, agent, to_agent, requested)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        offer = try BoundStatement(db, sql: """
            INSERT INTO records_offer (call_id, arrived, ordinal, position, agent, queue, offered, ended, result)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        talk = try BoundStatement(db, sql: """
            INSERT INTO records_talk (
                call_id, arrived, ordinal, position, agent, queue, answered, ended, ending, talk_ms, wrap_up_ms,
                call_type, motive, sub_motive, notes
            ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        attempt = try BoundStatement(db, sql: """
            INSERT INTO records_dial_attempt (call_id, arrived, ordinal, attempt, agent, started, ended, result, retry_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
    }

    /// Writes the call's row and the rows of its history, offers, conversations and dial attempts.
    func write(_ call: RecordedCall) throws {
        let key = call.key
        try insertCall.run { call.bind(into: &$0) }
        if db.changesCount == 0 {
            // Written before (a replay after a crash writes again what it may have lost): the
            // call's rows are replaced. A new call, by far the usual case, has none to delete.
            try BoundStatement(db, sql: "REPLACE INTO records_call \(Self.callColumns)").run { call.bind(into: &$0) }
            for table in ["records_call_event", "records_offer", "records_talk", "records_dial_attempt"] {
                try BoundStatement(db, sql: "DELETE FROM \(table) WHERE call_id = ? AND arrived = ? AND ordinal = ?").run { values in
                    key.bind(into: &values)
                }
            }
        }
        for (position, row) in call.history.enumerated() {
            try event.run { values in
                key.bind(into: &values)
                values.add(position)
                values.add(row.at.millisecondsSinceEpoch)
                values.add(row.kind.rawValue)
                values.add(row.queue.rawValue)
                values.add(row.from?.rawValue)
                values.add(row.agent?.rawValue)
                values.add(row.toAgent?.rawValue)
                values.add(row.requested?.millisecondsSinceEpoch)
            }
        }
        for (position, row) in call.offers.enumerated() {
            try offer.run { values in
                key.bind(into: &values)
                values.add(position)
                values.add(row.agent.rawValue)
                values.add(row.queue.rawValue)
                values.add(row.offered.millisecondsSinceEpoch)
                values.add(row.ended.millisecondsSinceEpoch)
                values.add(row.result.rawValue)
            }
        }
        for (position, row) in call.talks.enumerated() {
            try talk.run { values in
                key.bind(into: &values)
                values.add(position)
                values.add(row.agent.rawValue)
                values.add(row.queue.rawValue)
                values.add(row.answered.millisecondsSinceEpoch)
                values.add(row.ended.millisecondsSinceEpoch)
                values.add(row.ending.rawValue)
                values.add(row.talkTime.milliseconds)
                values.add(row.wrapUp.milliseconds)
                values.add(row.classification?.callType)
                values.add(row.classification?.motive)
                values.add(row.classification?.subMotive)
                values.add(row.classification?.notes)
            }
        }
        for (position, row) in call.dialAttempts.enumerated() {
            try attempt.run { values in
                key.bind(into: &values)
                values.add(position + 1)
                values.add(row.agent.rawValue)
                values.add(row.started.millisecondsSinceEpoch)
                values.add(row.ended.millisecondsSinceEpoch)
                values.add(row.result.rawValue)
                values.add(row.retryAt?.millisecondsSinceEpoch)
            }
        }
    }

    /// The columns of a call's row and their placeholders.
    private static let callColumns = """
        (
            call_id, arrived, ordinal, entered_system, queue, final_queue, priority, segment,
            service_level_ms, answered, agent, finished, outcome, destination, hung_up_by,
            wait_ms, talk_ms, wrap_up_ms, survey_score, survey_agent, survey_queue, surveyed_at,
            segment_target_ms, escalated, breached, kind, callback_requested, dial_attempts
        ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
}

extension CallKey {
    /// Binds the key's three columns: call id, arrival, ordinal.
    fileprivate func bind(into values: inout BoundStatement.Parameters) {
        values.add(call.rawValue)
        values.add(arrived.millisecondsSinceEpoch)
        values.add(ordinal)
    }
}

extension RecordedCall {
    /// Binds the values of the call's row, in the order of `callColumns`.
    fileprivate func bind(into values: inout BoundStatement.Parameters) {
        key.bind(into: &values)
        values.add(enteredSystem.millisecondsSinceEpoch)
        values.add(queue.rawValue)
        values.add(finalQueue.rawValue)
        values.add(priority)
        values.add(segment)
        values.add(serviceLevelThreshold.milliseconds)
        values.add(answered?.millisecondsSinceEpoch)
        values.add(answeredBy?.rawValue)
        values.add(finished.millisecondsSinceEpoch)
        values.add(RecordSchema.outcome(outcome))
        values.add(RecordSchema.destination(outcome))
        values.add(hungUpBy?.rawValue)
        values.add(wait.milliseconds)
        values.add(talkTime.milliseconds)
        values.add(wrapUpTime.milliseconds)
        values.add(survey?.score)
        values.add(survey?.agent.rawValue)
        values.add(survey?.queue.rawValue)
        values.add(survey?.at.millisecondsSinceEpoch)
        values.add(segmentTarget?.milliseconds)
        values.add(escalated?.millisecondsSinceEpoch)
        values.add(breached?.millisecondsSinceEpoch)
        values.add(kind.rawValue)
        values.add(callbackRequested?.millisecondsSinceEpoch)
        values.add(dialAttempts.count)
    }
}
