public import ACDProtocol

/// The whole center at one instant, as the `status` request reports it.
public struct CenterStatus: Sendable, Equatable {
    /// Every configured agent, logged in or not.
    public var agents: [AgentView]
    /// Every queue's live figures.
    public var queues: [QueueView]
    /// Every call waiting, ringing or connected.
    public var calls: [CallView]

    /// A status as reported (tests and tools build their own).
    public init(agents: [AgentView], queues: [QueueView], calls: [CallView]) {
        self.agents = agents
        self.queues = queues
        self.calls = calls
    }
}
