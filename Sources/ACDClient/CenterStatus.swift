public import ACDProtocol

/// The whole center at one instant, as the `status` request reports it.
public struct CenterStatus: Sendable, Equatable {
    public var agents: [AgentView]
    public var queues: [QueueView]
    public var calls: [CallView]

    public init(agents: [AgentView], queues: [QueueView], calls: [CallView]) {
        self.agents = agents
        self.queues = queues
        self.calls = calls
    }
}
