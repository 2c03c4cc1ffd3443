import ACDCore
import ACDRecords
import GRDB
import Testing

/// How rows are written: the natural keys, and agent intervals that a replay from an earlier
/// snapshot writes again while the database already holds later versions of them.
struct RecordStoreTests {
    static func at(_ seconds: Int64) -> Instant { Instant(millisecondsSinceEpoch: 1_741_939_200_000 + seconds * 1000) }

    static func intervals(_ database: DatabaseQueue) throws -> [String] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT agent, started, ended, activity FROM records_agent_interval ORDER BY agent, started")
                .map { "\($0[0] as String) \($0[1] as Int64) \(($0[2] as Int64?).map(String.init) ?? "open") \($0[3] as String)" }
        }
    }

    @Test func aClosedIntervalIsNotReopenedByAnEarlierVersionOfItself() throws {
        let database = try RecordsHarness.emptyDatabase()
        let closed = AgentInterval(agent: "a1", start: Self.at(0), end: Self.at(30), activity: .ready)
        let open = AgentInterval(agent: "a1", start: Self.at(0), activity: .ready)
        try database.write { db in try RecordStore.write(RecordBatch(intervals: [closed]), to: db) }
        try database.write { db in try RecordStore.write(RecordBatch(intervals: [open]), to: db) }
        #expect(try Self.intervals(database) == ["a1 \(Self.at(0).millisecondsSinceEpoch) \(Self.at(30).millisecondsSinceEpoch) ready"])
    }

    @Test func aZeroLengthIntervalGivesItsKeyToItsSuccessor() throws {
        let database = try RecordsHarness.emptyDatabase()
        let instant = Self.at(5)
        let passing = AgentInterval(agent: "a1", start: instant, end: instant, activity: .ready)
        let successor = AgentInterval(agent: "a1", start: instant, activity: .offered, call: "c1")
        try database.write { db in try RecordStore.write(RecordBatch(intervals: [passing]), to: db) }
        try database.write { db in try RecordStore.write(RecordBatch(intervals: [successor]), to: db) }
        #expect(try Self.intervals(database) == ["a1 \(instant.millisecondsSinceEpoch) open offered"])
    }

    @Test func withinABatchTheLastVersionOfAnIntervalIsWhatIsWritten() throws {
        let database = try RecordsHarness.emptyDatabase()
        let batch = RecordBatch(intervals: [
            AgentInterval(agent: "a1", start: Self.at(0), activity: .ready),
            AgentInterval(agent: "a2", start: Self.at(0), activity: .ready),
            AgentInterval(agent: "a1", start: Self.at(0), end: Self.at(10), activity: .ready),
            AgentInterval(agent: "a1", start: Self.at(10), activity: .busy, call: "c1"),
        ])
        try database.write { db in try RecordStore.write(batch, to: db) }
        let zero = Self.at(0).millisecondsSinceEpoch, ten = Self.at(10).millisecondsSinceEpoch
        #expect(try Self.intervals(database) == ["a1 \(zero) \(ten) ready", "a1 \(ten) open busy", "a2 \(zero) open ready"])
    }

    /// The rows of `sql` run with its parameters left unbound (NULL): enough for EXPLAIN.
    static func unbound(_ db: Database, _ sql: String) throws -> [Row] {
        let statement = try db.makeStatement(sql: sql)
        statement.setUncheckedArguments([])
        return try Row.fetchAll(statement)
    }

    /// A row's insert into any of the tables evaluates no list into a temporary table: a partial
    /// index's `kind IN (...)` did, on every call event, costing most of the insert again.
    @Test func noInsertBuildsATemporaryTable() throws {
        let database = try RecordsHarness.emptyDatabase()
        try database.read { db in
            for table in RecordStore.tables {
                let columns = try db.columns(in: table).map(\.name)
                let insert = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
                let opcodes = try Self.unbound(db, "EXPLAIN \(insert)").map { $0["opcode"] as String }
                #expect(opcodes.contains("IdxInsert") || opcodes.contains("Insert"), "\(table)")
                #expect(!opcodes.contains("OpenEphemeral"), "\(table): \(insert)")
            }
        }
    }

    /// The transfer report finds its events through the partial index of transfers, which SQLite
    /// only uses when the query's condition is spelled as the index's.
    @Test func theTransferReportReadsTheTransferIndex() throws {
        let database = try RecordsHarness.emptyDatabase()
        let query = ReportQuery(buckets: [ReportBucket(start: Self.at(0), end: Self.at(3600), label: "h")], now: Self.at(3600))
        let statements = StatementLog()
        try database.read { db in
            db.trace(options: .statement) { event in
                if case .statement(let statement) = event { statements.sql.append(statement.sql) }
            }
            _ = try RecordReports.transfers(query, in: db)
            db.trace(options: [])
        }
        let report = try #require(statements.sql.first { $0.contains("records_call_event") })
        let plan = try database.read { db in
            try Self.unbound(db, "EXPLAIN QUERY PLAN \(report)").map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("USING INDEX records_call_event_by_transfer") }, "\(plan)")
    }
}

/// The SQL of the statements a database ran (traced on the database's own queue).
private final class StatementLog: @unchecked Sendable {
    var sql: [String] = []
}
