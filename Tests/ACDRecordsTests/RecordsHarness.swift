import ACDCore
import ACDRecords
import Foundation
import GRDB

/// A routing engine driven at chosen instants, its effects observed by a record keeper and the
/// rows written to an in-memory database: the daemon's loop without the daemon.
struct RecordsHarness {
    var engine: RoutingEngine
    var keeper: RecordKeeper
    /// Every batch, in order.
    var batches: [RecordBatch] = []
    let database: DatabaseQueue
    /// The instant the scenario's seconds count from.
    let origin: Instant

    init(_ configuration: CenterConfiguration, origin: Instant = .seconds(1_000_000)) throws {
        engine = try RoutingEngine(configuration: configuration, start: origin, seed: 1)
        keeper = RecordKeeper(configuration: configuration)
        database = try RecordsHarness.emptyDatabase()
        self.origin = origin
    }

    static func emptyDatabase() throws -> DatabaseQueue {
        let database = try DatabaseQueue()
        var migrator = DatabaseMigrator()
        RecordStore.registerMigrations(in: &migrator)
        try migrator.migrate(database)
        return database
    }

    /// `seconds` after the origin.
    func instant(_ seconds: Double) -> Instant {
        origin + .milliseconds(Int64(seconds * 1000))
    }

    /// Lets time pass until `seconds`, then carries out `command` there.
    mutating func at(_ seconds: Double, _ command: Command) throws {
        try wait(until: seconds)
        let effects = try engine.handle(command)
        record(keeper.observe(effects, at: engine.now, command: command))
    }

    /// Lets time pass until `seconds`.
    mutating func wait(until seconds: Double) throws {
        record(keeper.advance(&engine, to: instant(seconds)).records)
    }

    private mutating func record(_ batch: RecordBatch) {
        batches.append(batch)
        try! database.write { db in try RecordStore.write(batch, to: db) }
    }

    var calls: [RecordedCall] { batches.flatMap(\.calls) }

    func call(_ id: CallID) -> RecordedCall? { calls.last { $0.key.call == id } }

    /// The agent's intervals as written last (an open one replaced by its closed self).
    func intervals(_ agent: AgentID) throws -> [AgentInterval] {
        let rows = try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM records_agent_interval WHERE agent = ? ORDER BY started", arguments: [agent.rawValue])
        }
        return rows.map { (row: Row) -> AgentInterval in
            let ended: Int64? = row["ended"]
            let reason: String? = row["reason"]
            let call: String? = row["call_id"]
            let activity: String = row["activity"]
            return AgentInterval(
                agent: AgentID(row["agent"] as String), start: Instant(millisecondsSinceEpoch: row["started"] as Int64),
                end: ended.map { Instant(millisecondsSinceEpoch: $0) }, activity: AgentActivity(rawValue: activity)!,
                reason: reason.map { NotReadyReason($0) }, call: call.map { CallID($0) }
            )
        }
    }

    /// Every row of every records table, as text: for comparing databases.
    func dump() throws -> [String] {
        try Self.dump(database)
    }

    /// Every row of every records table of `database`, as text.
    static func dump(_ database: DatabaseQueue) throws -> [String] {
        try database.read { db in
            var lines: [String] = []
            for table in RecordStore.tables {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1, 2, 3, 4") {
                    lines.append("\(table) \(row.description)")
                }
            }
            return lines
        }
    }
}
