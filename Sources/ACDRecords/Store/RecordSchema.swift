import ACDCore
import GRDB

/// The records' tables, and how engine values are written in them. Instants are milliseconds
/// since the Unix epoch; durations are milliseconds (`_ms`).
enum RecordSchema {
    static func createVersion1(in db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE records_call (
                call_id TEXT NOT NULL,
                arrived INTEGER NOT NULL,
                ordinal INTEGER NOT NULL,
                entered_system INTEGER NOT NULL,
                queue TEXT NOT NULL,
                final_queue TEXT NOT NULL,
                priority INTEGER NOT NULL,
                segment TEXT,
                service_level_ms INTEGER NOT NULL,
                answered INTEGER,
                agent TEXT,
                finished INTEGER NOT NULL,
                outcome TEXT NOT NULL,
                destination TEXT,
                hung_up_by TEXT,
                wait_ms INTEGER NOT NULL,
                talk_ms INTEGER NOT NULL,
                wrap_up_ms INTEGER NOT NULL,
                PRIMARY KEY (call_id, arrived, ordinal)
            ) WITHOUT ROWID;
            CREATE INDEX records_call_by_arrival ON records_call (arrived);
            CREATE INDEX records_call_by_queue ON records_call (queue, arrived);

            CREATE TABLE records_call_event (
                call_id TEXT NOT NULL,
                arrived INTEGER NOT NULL,
                ordinal INTEGER NOT NULL,
                position INTEGER NOT NULL,
                at INTEGER NOT NULL,
                kind TEXT NOT NULL,
                queue TEXT NOT NULL,
                from_queue TEXT,
                agent TEXT,
                PRIMARY KEY (call_id, arrived, ordinal, position)
            ) WITHOUT ROWID;
            CREATE INDEX records_call_event_by_arrival ON records_call_event (arrived);

            CREATE TABLE records_offer (
                call_id TEXT NOT NULL,
                arrived INTEGER NOT NULL,
                ordinal INTEGER NOT NULL,
                position INTEGER NOT NULL,
                agent TEXT NOT NULL,
                queue TEXT NOT NULL,
                offered INTEGER NOT NULL,
                ended INTEGER NOT NULL,
                result TEXT NOT NULL,
                PRIMARY KEY (call_id, arrived, ordinal, position)
            ) WITHOUT ROWID;
            CREATE INDEX records_offer_by_arrival ON records_offer (arrived);

            CREATE TABLE records_talk (
                call_id TEXT NOT NULL,
                arrived INTEGER NOT NULL,
                ordinal INTEGER NOT NULL,
                position INTEGER NOT NULL,
                agent TEXT NOT NULL,
                queue TEXT NOT NULL,
                answered INTEGER NOT NULL,
                ended INTEGER NOT NULL,
                ending TEXT NOT NULL,
                talk_ms INTEGER NOT NULL,
                wrap_up_ms INTEGER NOT NULL,
                PRIMARY KEY (call_id, arrived, ordinal, position)
            ) WITHOUT ROWID;
            CREATE INDEX records_talk_by_arrival ON records_talk (arrived);
            CREATE INDEX records_talk_by_answer ON records_talk (answered);

            CREATE TABLE records_agent_interval (
                agent TEXT NOT NULL,
                started INTEGER NOT NULL,
                ended INTEGER,
                activity TEXT NOT NULL,
                reason TEXT,
                call_id TEXT,
                PRIMARY KEY (agent, started)
            ) WITHOUT ROWID;
            CREATE INDEX records_agent_interval_by_start ON records_agent_interval (started);
            CREATE INDEX records_agent_interval_by_end ON records_agent_interval (ended);
            """)
    }

    /// Wrap-up classification on each conversation, the survey score on each call.
    static func addClassificationAndSurvey(in db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE records_talk ADD COLUMN call_type TEXT;
            ALTER TABLE records_talk ADD COLUMN motive TEXT;
            ALTER TABLE records_talk ADD COLUMN sub_motive TEXT;
            ALTER TABLE records_talk ADD COLUMN notes TEXT;
            ALTER TABLE records_call ADD COLUMN survey_score INTEGER;
            ALTER TABLE records_call ADD COLUMN survey_agent TEXT;
            ALTER TABLE records_call ADD COLUMN survey_queue TEXT;
            ALTER TABLE records_call ADD COLUMN surveyed_at INTEGER;
            CREATE INDEX records_call_by_survey_agent ON records_call (survey_agent, arrived) WHERE survey_score IS NOT NULL;
            """)
    }

    /// Service levels by customer segment: each call's segment target, and when it was escalated
    /// and when it breached (NULL when it did not, and for every call written before).
    static func addSegmentServiceLevels(in db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE records_call ADD COLUMN segment_target_ms INTEGER;
            ALTER TABLE records_call ADD COLUMN escalated INTEGER;
            ALTER TABLE records_call ADD COLUMN breached INTEGER;
            CREATE INDEX records_call_by_segment ON records_call (segment, arrived);
            """)
    }

    /// Consult transfers on the call events (the agent who took the call over, when it was asked),
    /// and an index to count transfers and escalations by the instant they happened.
    static func addTransfers(in db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE records_call_event ADD COLUMN to_agent TEXT;
            ALTER TABLE records_call_event ADD COLUMN requested INTEGER;
            CREATE INDEX records_call_event_by_transfer ON records_call_event (at)
                WHERE kind IN ('transferred', 'consult_transferred', 'escalated');
            """)
    }

    /// Callbacks and outbound calls: each call's kind (every call written before is inbound), when
    /// a callback was asked for, its dial attempts, and a row per attempt.
    static func addDialing(in db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE records_call ADD COLUMN kind TEXT NOT NULL DEFAULT 'inbound';
            ALTER TABLE records_call ADD COLUMN callback_requested INTEGER;
            ALTER TABLE records_call ADD COLUMN dial_attempts INTEGER NOT NULL DEFAULT 0;
            CREATE INDEX records_call_dialed_by_answer ON records_call (answered) WHERE kind <> 'inbound';

            CREATE TABLE records_dial_attempt (
                call_id TEXT NOT NULL,
                arrived INTEGER NOT NULL,
                ordinal INTEGER NOT NULL,
                attempt INTEGER NOT NULL,
                agent TEXT NOT NULL,
                started INTEGER NOT NULL,
                ended INTEGER NOT NULL,
                result TEXT NOT NULL,
                retry_at INTEGER,
                PRIMARY KEY (call_id, arrived, ordinal, attempt)
            ) WITHOUT ROWID;
            CREATE INDEX records_dial_attempt_by_arrival ON records_dial_attempt (arrived);
            CREATE INDEX records_dial_attempt_by_start ON records_dial_attempt (started);
            """)
    }

    /// Every call's rows in the order calls arrive: the primary keys begin with the arrival instant
    /// instead of the call id, so that new rows are appended at the end of each table whatever the
    /// adapters' call ids look like (random ones, UUIDs for example, made every insert rewrite a
    /// page somewhere in the middle), and the arrival indexes go. So do the indexes by queue and by
    /// segment, which no report used (they select by arrival). Calls are found by id through an
    /// index of their own. The tables are rebuilt with their rows.
    static func orderByArrival(in db: Database) throws {
        try rebuild("records_call", keyedBy: ["arrived", "call_id", "ordinal"], in: db)
        try rebuild("records_call_event", keyedBy: ["arrived", "call_id", "ordinal", "position"], in: db)
        try rebuild("records_offer", keyedBy: ["arrived", "call_id", "ordinal", "position"], in: db)
        try rebuild("records_talk", keyedBy: ["arrived", "call_id", "ordinal", "position"], in: db)
        try rebuild("records_dial_attempt", keyedBy: ["arrived", "call_id", "ordinal", "attempt"], in: db)
        try db.execute(sql: """
            CREATE INDEX records_call_by_id ON records_call (call_id);
            CREATE INDEX records_call_by_survey_agent ON records_call (survey_agent, arrived) WHERE survey_score IS NOT NULL;
            CREATE INDEX records_call_dialed_by_answer ON records_call (answered) WHERE kind <> 'inbound';
            CREATE INDEX records_call_event_by_transfer ON records_call_event (at)
                WHERE kind IN ('transferred', 'consult_transferred', 'escalated');
            CREATE INDEX records_talk_by_answer ON records_talk (answered);
            CREATE INDEX records_dial_attempt_by_start ON records_dial_attempt (started);
            """)
    }

    /// The index of transfers and escalations with its condition spelled as equalities. SQLite
    /// (3.40) evaluates a partial index's `kind IN (...)` on every insert by building a temporary
    /// b-tree of the list, which made each call event's insert cost about 70% more (13 us against
    /// 8 us per row, measured here); `kind = ... OR ...` is three comparisons. The transfer report
    /// spells its condition the same way, or SQLite would not use the index.
    static func spellTransferIndexAsEqualities(in db: Database) throws {
        try db.execute(sql: """
            DROP INDEX records_call_event_by_transfer;
            CREATE INDEX records_call_event_by_transfer ON records_call_event (at) WHERE \(passedOnEvent);
            """)
    }

    /// The condition of `records_call_event_by_transfer`: a blind or consult transfer, or an escalation.
    static let passedOnEvent = "kind = 'transferred' OR kind = 'consult_transferred' OR kind = 'escalated'"

    /// Replaces `table` by a table of the same columns (types, NOT NULL, defaults, in order) with
    /// the primary key `key`, holding its rows; the old table's indexes go with it.
    private static func rebuild(_ table: String, keyedBy key: [String], in db: Database) throws {
        let columns = try db.columns(in: table)
        let definitions = columns.map { column in
            "\"\(column.name)\" \(column.type)" + (column.isNotNull ? " NOT NULL" : "")
                + (column.defaultValueSQL.map { " DEFAULT \($0)" } ?? "")
        }
        let names = columns.map { "\"\($0.name)\"" }.joined(separator: ", ")
        try db.execute(sql: """
            CREATE TABLE \(table)_new (
                \(definitions.joined(separator: ",\n    ")),
                PRIMARY KEY (\(key.joined(separator: ", ")))
            ) WITHOUT ROWID;
            INSERT INTO \(table)_new (\(names)) SELECT \(names) FROM \(table);
            DROP TABLE \(table);
            ALTER TABLE \(table)_new RENAME TO \(table);
            """)
    }

    /// The `outcome` column.
    static func outcome(_ outcome: CallOutcome) -> String {
        switch outcome {
        case .ended: "ended"
        case .abandoned: "abandoned"
        case .timedOut: "timed_out"
        case .leftNoAgents: "left_no_agents"
        case .rejectedFull: "rejected_full"
        case .overflowedOut: "overflowed_out"
        case .queueRemoved: "queue_removed"
        case .closed: "closed"
        case .unreached: "unreached"
        case .cancelled: "cancelled"
        }
    }

    /// The `destination` column: where an overflowed-out call went.
    static func destination(_ outcome: CallOutcome) -> String? {
        switch outcome {
        case .overflowedOut(let destination): destination
        case .closed(let voicemail): voicemail
        case .ended, .abandoned, .timedOut, .leftNoAgents, .rejectedFull, .queueRemoved, .unreached, .cancelled: nil
        }
    }
}
