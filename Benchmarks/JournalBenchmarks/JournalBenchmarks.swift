import ACDCore
import ACDJournal
import Benchmark
import Foundation

// What the journal costs the daemon's event loop: one commit of the entries a turn of the loop
// gathered (durability "process": written to the file system, not synced), as an adapter's flood
// makes them (enqueues and abandons, each owned by the adapter), per 1,000 entries. A turn
// gathers one entry at a low rate and a few dozen under a flood.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput],
        timeUnits: .microseconds,
        warmupIterations: 5,
        maxDuration: .seconds(10),
        maxIterations: 500
    )

    for perCommit in [1, 16, 64] {
        Benchmark("journal.append.\(perCommit)-per-commit.1000-entries") { benchmark, journal in
            for _ in benchmark.scaledIterations {
                let entries = journal.nextEntries(1_000)
                benchmark.startMeasurement()
                for start in stride(from: 0, to: entries.count, by: perCommit) {
                    try journal.journal.appendNow(Array(entries[start..<min(start + perCommit, entries.count)]))
                }
                benchmark.stopMeasurement()
            }
        } setup: {
            try FloodJournal()
        } teardown: {
            FloodJournal.removeDirectory()
        }
    }
}

/// A journal in a temporary directory and the flood's entries, numbered on.
final class FloodJournal: @unchecked Sendable {
    let journal: Journal
    private var sequence: Int64 = 1
    private var instant = Instant(millisecondsSinceEpoch: 1_764_400_000_000)

    init() throws {
        Self.removeDirectory()
        journal = try Journal(directory: Self.directory, durability: .process)
    }

    /// The next `count` entries: calls enqueued and abandoned in turn, 25,000 a second.
    func nextEntries(_ count: Int) -> [JournalEntry] {
        (0..<count).map { _ in
            defer { sequence += 1 }
            let call = CallID("c\((sequence + 1) / 2)")
            if sequence % 2 == 1 { instant = instant + .milliseconds(sequence % 50 == 1 ? 1 : 0) }
            let command: Command = sequence % 2 == 1 ? .enqueue(NewCall(id: call, queue: "q")) : .abandon(call: call)
            return JournalEntry(sequence: sequence, at: instant, command: command, owner: "adapter")
        }
    }

    /// The journal's directory: this process's (each benchmark runs in a process of its own).
    static var directory: String { NSTemporaryDirectory() + "acdd-journal-benchmarks-\(getpid())" }

    static func removeDirectory() {
        try? FileManager.default.removeItem(atPath: directory)
    }
}
