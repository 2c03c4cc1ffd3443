public import ACDCore

/// Why a simulation cannot run.
public enum SimulationError: Error, Equatable, Sendable {
    /// The plan asks for something impossible; the message says what.
    case invalidPlan(String)
    /// The engine refuses the center the plan builds.
    case configuration(ConfigurationError)
    /// The engine refused a command the simulator gave it: a fault in the simulator, reported
    /// rather than ignored.
    case engineRefused(Command, EngineError)

    /// What went wrong, for a person.
    public var message: String {
        switch self {
        case .invalidPlan(let reason): reason
        case .configuration(let error): error.message
        case .engineRefused(let command, let error): "the engine refused \(command): \(error.message)"
        }
    }
}
