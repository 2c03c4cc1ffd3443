@testable import ACDCore
import PropertyBased
import Testing

/// Property tests of `OrderedIndex`: random sequences of inserts and removes (duplicates and
/// absent elements included) checked after every step against a sorted array of unique elements.
@Suite("OrderedIndex properties")
struct OrderedIndexPropertyTests {
    /// One operation on the index.
    fileprivate enum Operation: Equatable, Sendable, CustomStringConvertible {
        case insert(Int)
        case remove(Int)

        var description: String {
            switch self {
            case .insert(let value): "insert(\(value))"
            case .remove(let value): "remove(\(value))"
            }
        }
    }

    /// Sequences of up to 300 operations over values drawn from a small range (many duplicates), a
    /// medium one, or a wide one (mostly distinct elements, up to about a hundred at once). Some
    /// operations reuse a value inserted earlier, so that wide ranges see duplicate inserts and
    /// removes of present elements too.
    private static let sequences: Generator<[Operation], some Sequence & SendableMetatype> = zip(
        Gen.int(in: 0...2),
        zip(Gen.int(in: 0...9), Gen.int(in: 0...1_000_000)).array(of: 0...300)
    ).map { (spread: Int, raw: [(Int, Int)]) -> [Operation] in
        let range = [8, 60, 1_000_000][spread]
        var inserted: [Int] = []
        return raw.map { choice, value in
            let fresh = value % (range + 1)
            let earlier = inserted.isEmpty ? fresh : inserted[value % inserted.count]
            switch choice {
            case 0...4:
                inserted.append(fresh)
                return .insert(fresh)
            case 5: return .insert(earlier)
            case 6: return .remove(fresh)
            default: return .remove(earlier)
            }
        }
    }

    /// Deterministic: the same 300 sequences on every run, from fixed seeds.
    @Test("insert/remove sequences agree with a sorted-array model (fixed seeds)", arguments: 0..<6)
    func fixedSeeds(batch: Int) {
        for seed in UInt64(batch * 50)..<UInt64(batch * 50 + 50) {
            var random = Xoshiro(seed: (seed, 0x0D1C_E5EE_D000_0001, 0x9E37_79B9_7F4A_7C15, ~seed))
            let operations = Self.sequences.run(using: &random)
            if let failure = Self.check(operations) {
                Issue.record("OrderedIndex seed \(seed): \(failure)")
                return
            }
        }
    }

    /// Exploratory: fresh random sequences on every run, shrunk to a small counterexample on failure
    /// (the library prints the `.fixedSeed` that reproduces it).
    @Test("insert/remove sequences agree with a sorted-array model (random, shrinking)")
    func randomSequences() async {
        await propertyCheck(count: 100, input: Self.sequences) { operations in
            let failure = Self.check(operations)
            #expect(failure == nil, "\(failure ?? "")")
        }
    }

    /// Runs `operations` on a fresh index and returns the first disagreement with the model.
    fileprivate static func check(_ operations: [Operation]) -> String? {
        var index = OrderedIndex<Int>()
        var model: [Int] = []
        // A copy taken part-way, with its model: later changes to `index` must not reach it.
        var frozen: (index: OrderedIndex<Int>, model: [Int], step: Int)?
        if let failure = compare(index, model, probes: [0, -1]) { return "empty index: \(failure)" }
        for (step, operation) in operations.enumerated() {
            let value: Int
            switch operation {
            case .insert(let element):
                value = element
                let position = lowerBound(model, element)
                let expected = position == model.count || model[position] != element
                if expected { model.insert(element, at: position) }
                let inserted = index.insert(element)
                if inserted != expected {
                    return failure(step, operations, "insert returned \(inserted), expected \(expected)")
                }
            case .remove(let element):
                value = element
                let position = lowerBound(model, element)
                let expected = position < model.count && model[position] == element
                if expected { model.remove(at: position) }
                let removed = index.remove(element)
                if removed != expected {
                    return failure(step, operations, "remove returned \(removed), expected \(expected)")
                }
            }
            // Probe the element just touched, its neighbours, a few present elements and the
            // values just outside the range held.
            var probes = [value, value - 1, value + 1]
            if let low = model.first, let high = model.last {
                probes += [low - 1, low, high, high + 1, model[model.count / 2], model[(step * 7) % model.count]]
            }
            if let mismatch = compare(index, model, probes: probes) {
                return failure(step, operations, mismatch)
            }
            if step == operations.count / 2 { frozen = (index, model, step) }
        }
        // At the end, every element, every gap between elements and every offset.
        var everything: [Int] = []
        for element in model { everything += [element - 1, element, element + 1] }
        if let mismatch = compare(index, model, probes: everything) {
            return failure(operations.count - 1, operations, "final full check: \(mismatch)")
        }
        for (offset, element) in model.enumerated() where index.element(atOffset: offset) != element {
            return failure(operations.count - 1, operations, "final check: element(atOffset: \(offset)) is not \(element)")
        }
        if let frozen, let mismatch = compare(frozen.index, frozen.model, probes: frozen.model) {
            return failure(frozen.step, operations, "copy taken after this step changed later: \(mismatch)")
        }
        return nil
    }

    /// Compares every query of `index` with the sorted, duplicate-free `model`.
    private static func compare(_ index: OrderedIndex<Int>, _ model: [Int], probes: [Int]) -> String? {
        if index.count != model.count { return "count \(index.count), expected \(model.count)" }
        if index.isEmpty != model.isEmpty { return "isEmpty \(index.isEmpty), expected \(model.isEmpty)" }
        if index.first != model.first {
            return "first \(index.first.map(String.init) ?? "nil"), expected \(model.first.map(String.init) ?? "nil")"
        }
        let elements = index.elements
        if elements != model { return "elements \(elements), expected \(model)" }
        for limit in Set([0, 1, 2, model.count / 3, model.count - 1, model.count, model.count + 5]) where limit >= 0 {
            let prefix = index.prefix(limit)
            if prefix != Array(model.prefix(limit)) {
                return "prefix(\(limit)) \(prefix), expected \(Array(model.prefix(limit)))"
            }
        }
        for offset in Set([-1, 0, 1, model.count / 2, model.count - 1, model.count]) {
            let expected = model.indices.contains(offset) ? model[offset] : nil
            if index.element(atOffset: offset) != expected {
                return "element(atOffset: \(offset)) \(index.element(atOffset: offset).map(String.init) ?? "nil"), "
                    + "expected \(expected.map(String.init) ?? "nil")"
            }
        }
        for probe in probes {
            let position = lowerBound(model, probe)
            let present = position < model.count && model[position] == probe
            if index.contains(probe) != present {
                return "contains(\(probe)) \(index.contains(probe)), expected \(present)"
            }
            if index.rank(of: probe) != position {
                return "rank(of: \(probe)) \(index.rank(of: probe)), expected \(position) (present: \(present))"
            }
        }
        return nil
    }

    /// The number of elements of the sorted `model` smaller than `value`.
    private static func lowerBound(_ model: [Int], _ value: Int) -> Int {
        var low = 0
        var high = model.count
        while low < high {
            let middle = (low + high) / 2
            if model[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private static func failure(_ step: Int, _ operations: [Operation], _ message: String) -> String {
        let trace = operations.prefix(step + 1).map(\.description)
        let shown = trace.count > 40 ? ["..."] + trace.suffix(40) : trace
        return "step \(step) (\(operations[step])): \(message)\n  operations up to it (\(step + 1)): "
            + shown.joined(separator: ", ")
    }
}
