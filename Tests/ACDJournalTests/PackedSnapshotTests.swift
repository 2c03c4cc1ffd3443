import ACDCore
@testable import ACDJournal
import ACDRecords
import Foundation
import GRDB
import Testing

/// Snapshots hold the engine's and the keeper's large tables packed, and the keeper in a column of
/// its own: decoded, they are the same engine and keeper; snapshots written before (unpacked, the
/// keeper in the body) still read; damaged packed bytes are refused without crashing.
struct PackedSnapshotTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("acdd-packed-\(UUID().uuidString.prefix(8))").path

    /// A center run `steps` actions in, with the records kept alongside.
    struct Center {
        var run: RandomCenterRun
        var engine: RoutingEngine
        var keeper = RecordKeeper(configuration: RandomCenterRun.configuration)

        init(seed: UInt64, steps: Int) throws {
            run = RandomCenterRun(seed: seed)
            engine = try RandomCenterRun.engine(seed: seed)
            for _ in 0..<steps {
                Self.apply(run.nextAction(for: engine), to: &engine, &keeper)
            }
        }

        var snapshot: JournalSnapshot {
            JournalSnapshot(through: 77, configuration: RandomCenterRun.configuration, engine: engine, callOwners: ["c1": "0/pbx"], records: keeper)
        }

        /// What one action did: the engine's effects (or its refusal) and the keeper's rows.
        struct Outcome: Equatable {
            var effects: Result<[Effect], EngineError>
            var records = RecordBatch()
        }

        /// The action applied to the engine and observed by the keeper.
        @discardableResult
        static func apply(_ action: RandomCenterRun.Action, to engine: inout RoutingEngine, _ keeper: inout RecordKeeper) -> Outcome {
            switch action {
            case .advance(let instant):
                let (effects, records) = keeper.advance(&engine, to: instant)
                return Outcome(effects: .success(effects), records: records)
            case .command(let command):
                let result = RandomCenterRun.apply(action, to: &engine)
                guard case .success(let effects) = result else { return Outcome(effects: result) }
                return Outcome(effects: result, records: keeper.observe(effects, at: engine.now, command: command))
            }
        }
    }

    /// Runs `restored` and the original on from the same point: every step must give the same
    /// effects and the same rows.
    func expectSameBehaviour(of restored: JournalSnapshot, as original: Center, seed: UInt64) throws {
        #expect(restored.through == 77 && restored.configuration == RandomCenterRun.configuration && restored.callOwners == ["c1": "0/pbx"])
        var center = original
        var engine = restored.engine
        var keeper = try #require(restored.records)
        #expect(engine.nextDeadline == center.engine.nextDeadline)
        #expect(engine.liveCallCount == engine.liveCallIDs.count && engine.liveCallIDs == center.engine.liveCallIDs)
        for step in 0..<300 {
            let action = center.run.nextAction(for: center.engine)
            let expected = Center.apply(action, to: &center.engine, &center.keeper)
            let actual = Center.apply(action, to: &engine, &keeper)
            guard expected == actual else {
                Issue.record("seed \(seed) step \(step) (\(action)): \(actual) instead of \(expected)")
                return
            }
        }
    }

    @Test("a packed snapshot decodes to the same engine and keeper", arguments: UInt64(0)..<8)
    func packedSnapshotsBehaveTheSame(seed: UInt64) throws {
        let center = try Center(seed: seed, steps: 400)
        let columns = try SnapshotStorage.encode(center.snapshot)
        try expectSameBehaviour(of: try SnapshotStorage.decode(body: columns.body, records: columns.records), as: center, seed: seed)
    }

    @Test("a snapshot of the form before packing (keeper in the body) still decodes the same", arguments: UInt64(0)..<4)
    func unpackedSnapshotsStillRead(seed: UInt64) throws {
        let center = try Center(seed: seed, steps: 400)
        let body = Data(try BinaryEncoder(packing: false).encode(center.snapshot, prefix: [JournalBody.Format.binary.rawValue]))
        try expectSameBehaviour(of: try SnapshotStorage.decode(body: body, records: nil), as: center, seed: seed)
    }

    @Test func packingMakesSnapshotsSmaller() throws {
        let snapshot = try Center(seed: 5, steps: 400).snapshot
        let columns = try SnapshotStorage.encode(snapshot)
        let unpacked = try BinaryEncoder(packing: false).encode(snapshot)
        #expect(columns.body.count + (columns.records?.count ?? 0) < unpacked.count)
    }

    @Test func damagedPackedBytesAreRefusedWithoutCrashing() throws {
        let columns = try SnapshotStorage.encode(try Center(seed: 2, steps: 150).snapshot)
        for part in [columns.body, try #require(columns.records)] {
            for length in stride(from: 1, to: part.count, by: max(1, part.count / 300)) {
                #expect(throws: (any Error).self) { try JournalBody.decode(JournalSnapshot.self, from: part.prefix(length)) }
            }
            var random = SplitMix64(seed: 7)
            for _ in 0..<300 {
                var damaged = part
                for _ in 0..<Int.random(in: 1...3, using: &random) {
                    damaged[Int.random(in: 1..<damaged.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
                }
                _ = try? SnapshotStorage.decode(body: damaged, records: nil)
                _ = try? SnapshotStorage.decodeRecords(damaged)
            }
        }
    }

    /// A journal whose latest snapshot acdd wrote before v5 (unpacked, the keeper in its body)
    /// recovers with its keeper, and so does a past instant read from it.
    @Test func aSnapshotWrittenBeforePackingRecoversWithItsRecords() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let center = try Center(seed: 3, steps: 400)
        let journal = try Journal(directory: directory, durability: .process, history: .seconds(86_400))
        try journal.writeNow(center.snapshot)
        let body = Data(try BinaryEncoder(packing: false).encode(center.snapshot, prefix: [JournalBody.Format.binary.rawValue]))
        try DatabaseQueue(path: directory + "/snapshots.sqlite").write { db in
            try db.execute(sql: "UPDATE snapshot SET body = ?, records = NULL", arguments: [body])
        }
        let recovered = try #require(try Journal(directory: directory, durability: .process).contents().snapshot)
        try expectSameBehaviour(of: recovered, as: center, seed: 3)
        let past = try #require(try JournalHistory(directory: directory).state(at: center.engine.now)?.snapshot)
        try expectSameBehaviour(of: past, as: center, seed: 3)
    }

    @Test func aPackedSnapshotRecoversThroughTheJournal() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let center = try Center(seed: 4, steps: 400)
        try Journal(directory: directory, durability: .process).writeNow(center.snapshot)
        let recovered = try #require(try Journal(directory: directory, durability: .process).contents().snapshot)
        try expectSameBehaviour(of: recovered, as: center, seed: 4)
    }
}
