/// One customer segment's figures for the day in one queue (the queue its calls entered), in a
/// `stats` reply.
public struct SegmentStats: Codable, Sendable, Equatable {
    public var segment: String
    public var offered: Int
    public var answered: Int
    /// Answered within the segment's target.
    public var answeredInTarget: Int
    /// Passed the target unanswered.
    public var breaches: Int
    /// Escalated before the target.
    public var escalations: Int
    /// answeredInTarget / (answeredInTarget + breaches) (0-1); absent before any.
    public var serviceLevel: Double?

    public init(
        segment: String, offered: Int, answered: Int, answeredInTarget: Int, breaches: Int, escalations: Int, serviceLevel: Double?
    ) {
        self.segment = segment
        self.offered = offered
        self.answered = answered
        self.answeredInTarget = answeredInTarget
        self.breaches = breaches
        self.escalations = escalations
        self.serviceLevel = serviceLevel
    }
}
