import ACDCore
import ACDJournal
import ACDRecords
@testable import ACDServer
import Foundation
import GRDB
import Logging
import Testing

/// The recorder, which makes and writes call records away from the event loop, against a real
/// journal in a temporary directory: the steps the loop hands over become rows, and a snapshot
/// handed over after some steps carries the keeper of that point and is written after their rows.
struct CallRecorderTests {
    static let center = CenterConfiguration(queues: [QueueConfiguration(id: "q")], agents: [AgentConfiguration(id: "a1")])
    static let origin = Instant.seconds(1_800_000_000)

    /// A journal in a fresh directory, removed by `cleanUp`.
    struct Place {
        let directory: String
        let journal: Journal

        init() throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("acdd-recorder-\(UUID().uuidString.prefix(8))").path
            journal = try Journal(directory: directory, durability: .process)
        }

        /// The calls in `records.sqlite` (id and outcome), read through a connection of its own.
        func recordedCalls() throws -> [String: String] {
            let database = try DatabaseQueue(path: journal.records.path)
            return try database.read { db in
                Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT call_id, outcome FROM records_call").map {
                    ($0[0] as String, $0[1] as String)
                })
            }
        }

        func cleanUp() {
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    /// The engine's steps for a call that arrives at `second` and is abandoned a second later.
    static func abandonedCall(_ id: CallID, at second: Int64, in engine: inout RoutingEngine) throws -> [RecordStep] {
        var steps: [RecordStep] = []
        for (offset, command) in [Command.enqueue(NewCall(id: id, queue: "q")), .abandon(call: id)].enumerated() {
            _ = engine.advance(to: origin + .seconds(second + Int64(offset)))
            steps.append(RecordStep(instant: engine.now, command: command, effects: try engine.handle(command)))
        }
        return steps
    }

    static func encoded(_ keeper: RecordKeeper?) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(keeper)
    }

    @Test func aSnapshotCarriesTheKeeperOfItsPointAndIsWrittenAfterTheRowsBeforeIt() async throws {
        let place = try Place()
        defer { place.cleanUp() }
        var engine = try RoutingEngine(configuration: Self.center, start: Self.origin, seed: 1)
        let recorder = CallRecorder(keeper: RecordKeeper(configuration: Self.center), journal: place.journal, logger: Logger(label: "test"))
        let first = try Self.abandonedCall("c1", at: 1, in: &engine)
        let second = try Self.abandonedCall("c2", at: 3, in: &engine)
        // The keeper as the snapshot should carry it: every step before the snapshot observed.
        var expected = RecordKeeper(configuration: Self.center)
        for step in first + second {
            _ = expected.observe(step.effects, at: step.instant, command: step.command)
        }

        recorder.take(first)
        let snapshot = JournalSnapshot(through: 4, configuration: Self.center, engine: engine, callOwners: [:])
        let callsWhenWritten = await withCheckedContinuation { continuation in
            // The second call's rows came 100 ms after the first's at most: they are written
            // only because the snapshot needs them first.
            recorder.take(second, then: snapshot) {
                continuation.resume(returning: (try? place.recordedCalls()) ?? [:])
            }
        }
        #expect(callsWhenWritten == ["c1": "abandoned", "c2": "abandoned"])
        let stored = try #require(try place.journal.contents().snapshot)
        #expect(stored.through == 4)
        #expect(try Self.encoded(stored.records) == Self.encoded(expected))
    }

    @Test func aFlushWritesWhatWaitsAtOnce() async throws {
        let place = try Place()
        defer { place.cleanUp() }
        var engine = try RoutingEngine(configuration: Self.center, start: Self.origin, seed: 1)
        let recorder = CallRecorder(keeper: RecordKeeper(configuration: Self.center), journal: place.journal, logger: Logger(label: "test"))
        // The first rows go at once; the next would wait for the 100 ms between writes.
        recorder.take(try Self.abandonedCall("c1", at: 1, in: &engine))
        recorder.take(try Self.abandonedCall("c2", at: 3, in: &engine))
        await withCheckedContinuation { continuation in
            recorder.flush { continuation.resume() }
        }
        #expect(try place.recordedCalls() == ["c1": "abandoned", "c2": "abandoned"])
    }

    @Test func aRecoveredKeeperGoesOnWhereTheReplayLeftIt() async throws {
        let place = try Place()
        defer { place.cleanUp() }
        var engine = try RoutingEngine(configuration: Self.center, start: Self.origin, seed: 1)
        // The replay saw c1 arrive; the recorder, started fresh, is told so and then sees it end.
        let steps = try Self.abandonedCall("c1", at: 1, in: &engine)
        var replayed = RecordKeeper(configuration: Self.center)
        let rows = replayed.observe(steps[0].effects, at: steps[0].instant, command: steps[0].command)
        let recorder = CallRecorder(keeper: RecordKeeper(configuration: Self.center), journal: place.journal, logger: Logger(label: "test"))
        recorder.restart(from: replayed, rows: rows)
        recorder.take([steps[1]])
        await withCheckedContinuation { continuation in
            recorder.flush { continuation.resume() }
        }
        #expect(try place.recordedCalls() == ["c1": "abandoned"])
    }
}
