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
}
