import ACDCore
import Foundation
import Testing

/// A snapshot is the engine encoded: decoded, it must be the same engine, taking every later
/// command and instant to the same effects as the original.
struct EngineCodingTests {
    @Test("an engine decoded from its encoding behaves exactly as the original", arguments: UInt64(0)..<12)
    func decodedEngineBehavesTheSame(seed: UInt64) throws {
        let run = EngineSimulation.run(seed: seed, steps: 300)
        let split = run.actions.count / 2
        var original = try RoutingEngine(
            configuration: SimulatedCenter.configuration(variant: run.variant), start: SimulatedCenter.start, seed: seed
        )
        for action in run.actions[..<split] {
            _ = Self.apply(action, to: &original)
        }
        let encoded = try JSONEncoder().encode(original)
        var decoded = try JSONDecoder().decode(RoutingEngine.self, from: encoded)
        #expect(decoded.nextDeadline == original.nextDeadline)
        for (step, action) in run.actions[split...].enumerated() {
            let expected = Self.apply(action, to: &original)
            let actual = Self.apply(action, to: &decoded)
            guard expected == actual else {
                Issue.record("seed \(seed) step \(split + step) (\(action)): \(actual) instead of \(expected)")
                return
            }
        }
    }

    @Test("the configuration and every command survive encoding")
    func configurationAndCommandsRoundTrip() throws {
        let configuration = SimulatedCenter.configuration(variant: 1)
        #expect(try JSONDecoder().decode(CenterConfiguration.self, from: JSONEncoder().encode(configuration)) == configuration)
        let run = EngineSimulation.run(seed: 3, steps: 200)
        for case .command(let command) in run.actions {
            #expect(try JSONDecoder().decode(Command.self, from: JSONEncoder().encode(command)) == command)
        }
    }

    private static func apply(_ action: SimulatedAction, to engine: inout RoutingEngine) -> Result<[Effect], EngineError> {
        switch action {
        case .advance(let instant):
            return .success(engine.advance(to: instant))
        case .command(let command):
            return Result { () throws(EngineError) in try engine.handle(command) }
        case .reconfigure(let variant):
            // The variants are valid by construction.
            let (next, effects) = try! engine.reconfigured(to: SimulatedCenter.configuration(variant: variant))
            engine = next
            return .success(effects)
        }
    }
}
