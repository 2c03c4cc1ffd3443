import ACDConfiguration
import ACDSimulation
import ArgumentParser

/// How `simulate` and `forecast` end when they cannot do what was asked: one line, `acdctl: ...`,
/// saying what to fix, and exit status 1.
enum SimulationFailure {
    static func reported(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as ValidationError {
            Output.error("acdctl: \(error.message)")
            throw ExitCode(1)
        } catch let error as ConfigurationFileError {
            Output.error("acdctl: \(error)")
            throw ExitCode(1)
        } catch let error as SimulationError {
            Output.error("acdctl: \(error.message)")
            throw ExitCode(1)
        }
    }
}
