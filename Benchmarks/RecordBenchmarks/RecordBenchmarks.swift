import ACDCore
import ACDJournal
import ACDRecords
import Benchmark
import Foundation

// What the daemon does off its event loop for each call of an adapter's flood (a call enqueued,
// then abandoned while every agent is on break), measured per 1,000 calls on one thread: the
// record keeper turning the engine's steps into rows, and those rows written to records.sqlite
// (WAL, synchronous NORMAL: durability "process") in one transaction, as the call recorder does
// every 100 ms. The database grows as the samples go, as it does in the daemon.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput],
        timeUnits: .microseconds,
        warmupIterations: 2,
        maxDuration: .seconds(20),
        maxIterations: Flood.batches - 2
    )

    Benchmark("records.keeper.1000-calls") { benchmark, flood in
        for _ in benchmark.scaledIterations {
            let steps = flood.steps[flood.next()]
            var keeper = flood.keeper
            benchmark.startMeasurement()
            var batch = RecordBatch()
            for step in steps {
                batch.append(keeper.observe(step.effects, at: step.instant, command: step.command))
            }
            benchmark.stopMeasurement()
            blackHole(batch)
        }
    } setup: {
        try Flood()
    } teardown: {
        Flood.removeDirectory()
    }

    Benchmark("records.write.1000-calls") { benchmark, flood in
        for _ in benchmark.scaledIterations {
            let batch = flood.batches[flood.next()]
            benchmark.startMeasurement()
            try flood.journal.records.writeNow(batch)
            benchmark.stopMeasurement()
        }
    } setup: {
        try Flood()
    } teardown: {
        Flood.removeDirectory()
    }
}

/// Batches of 1,000 flood calls, each batch later than the one before, as steps (for the keeper)
/// and as the rows they make (for the store), and a journal in a temporary directory.
final class Flood: @unchecked Sendable {
    static let batches = 60
    static let callsPerBatch = 1_000
    /// Each batch's steps: what the engine did, when and why.
    let steps: [[(effects: [Effect], instant: Instant, command: Command?)]]
    /// Each batch's rows.
    let batches: [RecordBatch]
    /// The keeper as it was before the first step (every agent on break, no call live).
    let keeper: RecordKeeper
    let journal: Journal
    private var taken = 0

    init() throws {
        let center = CenterConfiguration(
            queues: [QueueConfiguration(id: "q")],
            agents: (1...10).map { AgentConfiguration(id: AgentID("a\($0)"), tiers: ["q": 1]) }
        )
        let start = Instant(millisecondsSinceEpoch: 1_764_400_000_000)
        var engine = try RoutingEngine(configuration: center, start: start, seed: 1)
        var keeper = RecordKeeper(configuration: center)
        for agent in center.agents {
            let login = Command.login(agent: agent.id, notReady: NotReadyReason("benchmark"))
            _ = keeper.observe(try engine.handle(login), at: engine.now, command: login)
        }
        self.keeper = keeper
        var steps: [[(effects: [Effect], instant: Instant, command: Command?)]] = []
        var batches: [RecordBatch] = []
        var number = 0
        for batch in 0..<Self.batches {
            var batchSteps: [(effects: [Effect], instant: Instant, command: Command?)] = []
            var rows = RecordBatch()
            for call in 0..<Self.callsPerBatch {
                number += 1
                // 25,000 calls a second: the flood's pace.
                let instant = start + .milliseconds(Int64((batch * Self.callsPerBatch + call) / 25))
                let advanced = keeper.advance(&engine, to: instant)
                rows.append(advanced.records)
                let id = CallID("c\(number)")
                for command in [Command.enqueue(NewCall(id: id, queue: "q")), .abandon(call: id)] {
                    let effects = try engine.handle(command)
                    batchSteps.append((effects, engine.now, command))
                    rows.append(keeper.observe(effects, at: engine.now, command: command))
                }
            }
            steps.append(batchSteps)
            batches.append(rows)
        }
        self.steps = steps
        self.batches = batches
        Self.removeDirectory()
        journal = try Journal(directory: Self.directory, durability: .process)
    }

    /// The journal's directory: this process's (each benchmark runs in a process of its own).
    static var directory: String { NSTemporaryDirectory() + "acdd-record-benchmarks-\(getpid())" }

    static func removeDirectory() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// The next batch's index: each sample takes a later batch, so no row is written twice.
    func next() -> Int {
        defer { taken += 1 }
        return taken % Self.batches
    }
}
