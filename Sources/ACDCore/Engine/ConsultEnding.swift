/// Why a consult transfer ended without the call changing agent; the call stays with the agent
/// who asked.
public enum ConsultEnding: String, Equatable, Sendable {
    /// The target agent refused.
    case declined
    /// The target agent did not answer within the consult timeout.
    case timedOut = "timed_out"
    /// The target agent logged out or went not ready while asked, or a reconfiguration removed
    /// it.
    case unavailable
    /// The call ended (either side hung up) while the target was asked.
    case callEnded = "call_ended"
}
