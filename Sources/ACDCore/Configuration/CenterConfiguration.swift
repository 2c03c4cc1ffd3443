/// Everything the engine needs to know about a center: its queues and its agents, in order (the
/// order of agents is the fixed order of the top-down and round-robin strategies).
public struct CenterConfiguration: Equatable, Sendable, Codable {
    public var queues: [QueueConfiguration]
    public var agents: [AgentConfiguration]
    /// The weight of the newest handle time in a queue's moving average (0-1].
    public var handleTimeSmoothing: Double

    public init(queues: [QueueConfiguration], agents: [AgentConfiguration], handleTimeSmoothing: Double = 0.1) {
        self.queues = queues
        self.agents = agents
        self.handleTimeSmoothing = handleTimeSmoothing
    }
}
