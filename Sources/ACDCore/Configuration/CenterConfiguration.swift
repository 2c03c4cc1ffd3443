/// Everything the engine needs to know about a center: its queues and its agents, in order (the
/// order of agents is the fixed order of the top-down and round-robin strategies).
public struct CenterConfiguration: Equatable, Sendable, Codable {
    public var queues: [QueueConfiguration]
    public var agents: [AgentConfiguration]
    /// The weight of the newest handle time in a queue's moving average (0-1].
    public var handleTimeSmoothing: Double
    /// Break reasons, quotas, deferral and team limits.
    public var breaks: BreakPolicy
    /// An agent leaving a queue with waiting calls and no other agent staffing it.
    public var lastAgentLeaving: LeavingPolicy
    /// How long after a call it may be given a satisfaction score.
    public var surveys: SurveyPolicy
    /// Customer segments with their service-level agreements. A call whose segment is not here
    /// waits under its queue's rules alone.
    public var segments: [SegmentPolicy]
    /// Consult transfers between agents.
    public var transfers: TransferPolicy

    public init(
        queues: [QueueConfiguration], agents: [AgentConfiguration], handleTimeSmoothing: Double = 0.1,
        breaks: BreakPolicy = BreakPolicy(), lastAgentLeaving: LeavingPolicy = .warn,
        surveys: SurveyPolicy = SurveyPolicy(), segments: [SegmentPolicy] = [], transfers: TransferPolicy = TransferPolicy()
    ) {
        self.queues = queues
        self.agents = agents
        self.handleTimeSmoothing = handleTimeSmoothing
        self.breaks = breaks
        self.lastAgentLeaving = lastAgentLeaving
        self.surveys = surveys
        self.segments = segments
        self.transfers = transfers
    }

    /// A configuration written before break, leaving, survey, segment and transfer policies has the defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        queues = try container.decode([QueueConfiguration].self, forKey: .queues)
        agents = try container.decode([AgentConfiguration].self, forKey: .agents)
        handleTimeSmoothing = try container.decode(Double.self, forKey: .handleTimeSmoothing)
        breaks = try container.decodeIfPresent(BreakPolicy.self, forKey: .breaks) ?? BreakPolicy()
        lastAgentLeaving = try container.decodeIfPresent(LeavingPolicy.self, forKey: .lastAgentLeaving) ?? .warn
        surveys = try container.decodeIfPresent(SurveyPolicy.self, forKey: .surveys) ?? SurveyPolicy()
        segments = try container.decodeIfPresent([SegmentPolicy].self, forKey: .segments) ?? []
        transfers = try container.decodeIfPresent(TransferPolicy.self, forKey: .transfers) ?? TransferPolicy()
    }
}
