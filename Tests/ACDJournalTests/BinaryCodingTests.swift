import ACDCore
@testable import ACDJournal
import Foundation
import Testing

/// The journal's binary encoding: every value comes back as it went in, an engine decoded from it
/// behaves as the original, and damaged bytes are refused rather than crashing the daemon.
struct BinaryCodingTests {
    struct Sample: Codable, Equatable {
        indirect enum Kind: Codable, Equatable {
            case plain
            case labelled(name: String, weight: Double)
            case nested(Kind?, [Int8])
        }

        var bool = true
        var string = "héllo, 世界 🎧"
        var empty = ""
        var double = -1.5e300
        var float: Float = .infinity
        var int = Int.min
        var int8 = Int8.min
        var int16 = Int16.max
        var int32 = Int32.min
        var int64 = Int64.max
        var uint = UInt.max
        var uint8 = UInt8.max
        var uint16 = UInt16.max
        var uint32 = UInt32.max
        var uint64 = UInt64.max
        var missing: Int? = nil
        var present: String? = "yes"
        var kinds: [Kind] = [.plain, .labelled(name: "x", weight: 0.25), .nested(.nested(nil, [-1, 0, 1]), [])]
        var byName: [String: Int] = ["a": 1, "": 2, "ü": -3]
        var byNumber: [Int: String] = [-7: "minus seven", 0: "zero"]
        var byCall: [CallID: String] = ["c1": "0/pbx", "c2": "1/pbx"]
        var duration = Duration.milliseconds(-1234)
        var instants: Set<Instant> = [.seconds(1), .seconds(2)]
    }

    @Test func everyKindOfValueRoundTrips() throws {
        let sample = Sample()
        let decoded = try JournalBody.decode(Sample.self, from: JournalBody.encode(sample))
        #expect(decoded == sample)
        #expect(decoded.double.bitPattern == sample.double.bitPattern)
    }

    @Test func anOptionalFieldAddedLaterDecodesAsNilFromOlderBytes() throws {
        struct Before: Codable { var a = 1; var b = "two" }
        struct After: Codable { var a: Int; var added: [Int]?; var b: String }
        let after = try JournalBody.decode(After.self, from: JournalBody.encode(Before()))
        #expect(after.a == 1 && after.b == "two" && after.added == nil)
    }

    @Test func keysReadInAnotherOrderThanWrittenAreFound() throws {
        struct Reversed: Codable, Equatable {
            enum CodingKeys: String, CodingKey { case first, second, third }
            var first: [Int], second: String, third: Int
            init(first: [Int], second: String, third: Int) { (self.first, self.second, self.third) = (first, second, third) }
            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                third = try container.decode(Int.self, forKey: .third)
                #expect(try container.decodeNil(forKey: .second) == false)
                second = try container.decode(String.self, forKey: .second)
                first = try container.decode([Int].self, forKey: .first)
                #expect(container.allKeys.map(\.stringValue) == ["first", "second", "third"])
            }
        }
        let value = Reversed(first: [1, 2, 3], second: "s", third: 3)
        #expect(try JournalBody.decode(Reversed.self, from: JournalBody.encode(value)) == value)
    }

    @Test func everyEntryOfARandomRunRoundTrips() throws {
        var run = RandomCenterRun(seed: 11)
        var engine = try RandomCenterRun.engine(seed: 11)
        for sequence in Int64(1)...600 {
            let action = run.nextAction(for: engine)
            _ = RandomCenterRun.apply(action, to: &engine)
            guard case .command(let command) = action else { continue }
            let entry = JournalEntry(sequence: sequence, at: engine.now, command: command, owner: sequence % 2 == 0 ? "0/pbx" : nil)
            #expect(try JournalBody.decode(JournalEntry.self, from: JournalBody.encode(entry)) == entry)
        }
    }

    @Test func businessHoursEntriesRoundTrip() throws {
        for state in [
            OpeningState(isOpen: false, until: .seconds(1_800_000_000)), OpeningState(isOpen: true, until: nil),
        ] {
            let entry = JournalEntry(sequence: 7, at: .seconds(1_700_000_000), command: .setOpen(queue: "sales", state: state), owner: nil)
            #expect(try JournalBody.decode(JournalEntry.self, from: JournalBody.encode(entry)) == entry)
        }
        let configuration = RandomCenterRun.configuration
        #expect(try JournalBody.decode(CenterConfiguration.self, from: JournalBody.encode(configuration)) == configuration)
    }

    @Test("an engine decoded from a binary snapshot behaves exactly as the original", arguments: UInt64(0)..<10)
    func decodedEngineBehavesTheSame(seed: UInt64) throws {
        var run = RandomCenterRun(seed: seed)
        var original = try RandomCenterRun.engine(seed: seed)
        for _ in 0..<400 {
            _ = RandomCenterRun.apply(run.nextAction(for: original), to: &original)
        }
        let snapshot = JournalSnapshot(through: 400, configuration: RandomCenterRun.configuration, engine: original, callOwners: ["c1": "0/pbx"])
        let body = try JournalBody.encode(snapshot)
        let restored = try JournalBody.decode(JournalSnapshot.self, from: body)
        #expect(restored.through == 400 && restored.configuration == snapshot.configuration && restored.callOwners == snapshot.callOwners)
        var decoded = restored.engine
        #expect(decoded.nextDeadline == original.nextDeadline)
        for step in 0..<400 {
            let action = run.nextAction(for: original)
            let expected = RandomCenterRun.apply(action, to: &original)
            let actual = RandomCenterRun.apply(action, to: &decoded)
            guard expected == actual else {
                Issue.record("seed \(seed) step \(400 + step) (\(action)): \(actual) instead of \(expected)")
                return
            }
        }
    }

    @Test func theBinaryFormIsSmallerThanJSON() throws {
        var run = RandomCenterRun(seed: 5)
        var engine = try RandomCenterRun.engine(seed: 5)
        for _ in 0..<400 {
            _ = RandomCenterRun.apply(run.nextAction(for: engine), to: &engine)
        }
        let snapshot = JournalSnapshot(through: 0, configuration: RandomCenterRun.configuration, engine: engine, callOwners: [:])
        #expect(try JournalBody.encode(snapshot).count * 2 < JSONEncoder().encode(snapshot).count)
    }

    @Test func truncatedOrDamagedBytesAreRefusedWithoutCrashing() throws {
        let entry = JournalEntry(sequence: 9, at: .seconds(5), command: .enqueue(NewCall(id: "c9", queue: "q", attributes: ["k": "v"])), owner: "0/pbx")
        let body = try JournalBody.encode(entry)
        for length in 0..<body.count {
            #expect(throws: (any Error).self) { try JournalBody.decode(JournalEntry.self, from: body.prefix(length)) }
        }
        #expect(throws: (any Error).self) { try JournalBody.decode(JournalEntry.self, from: body + [0]) }
        var random = SplitMix64(seed: 1)
        for _ in 0..<2_000 {
            var damaged = body
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                damaged[Int.random(in: 1..<damaged.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
            _ = try? JournalBody.decode(JournalEntry.self, from: damaged)
        }
        // An unknown key whose value nests lists 100,000 deep: skipping it stops at a depth limit.
        let deep = Data([1, 1, 1, UInt8(ascii: "x"), BinaryTag.keyed.rawValue, 1] + Array(repeating: BinaryTag.unkeyed.rawValue, count: 100_000))
        #expect(throws: (any Error).self) { try JournalBody.decode(JournalEntry.self, from: deep) }
    }
}
