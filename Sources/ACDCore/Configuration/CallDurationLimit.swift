/// The maximum call time of a queue: past `soft` the agent and supervisors are told; past `hard`,
/// when set, they are told again with more urgency. The engine never hangs a call up itself.
public struct CallDurationLimit: Equatable, Sendable, Codable {
    public var soft: Duration
    public var hard: Duration?

    public init(soft: Duration, hard: Duration? = nil) {
        self.soft = soft
        self.hard = hard
    }
}
