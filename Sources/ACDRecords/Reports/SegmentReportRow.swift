public import ACDCore

/// One customer segment's figures in one queue for one interval, over the calls of the segment
/// that arrived in the queue then.
public struct SegmentReportRow: Equatable, Sendable {
    public var bucket: ReportBucket
    public var queue: QueueID
    public var segment: String
    /// Calls of the segment that arrived.
    public var offered: Int
    /// Calls an agent took (at least once).
    public var answered: Int
    /// Calls of a configured segment an agent took before they passed its target.
    public var answeredInTarget: Int
    /// Calls that passed their segment's target unanswered (answered late or never).
    public var breaches: Int
    /// Calls escalated before their segment's target.
    public var escalated: Int

    public init(
        bucket: ReportBucket, queue: QueueID, segment: String, offered: Int, answered: Int, answeredInTarget: Int, breaches: Int,
        escalated: Int
    ) {
        self.bucket = bucket
        self.queue = queue
        self.segment = segment
        self.offered = offered
        self.answered = answered
        self.answeredInTarget = answeredInTarget
        self.breaches = breaches
        self.escalated = escalated
    }

    /// answeredInTarget / (answeredInTarget + breaches); nil when that is 0 (no target, or no call
    /// that reached its target or was answered).
    public var serviceLevel: Double? {
        let base = answeredInTarget + breaches
        return base == 0 ? nil : Double(answeredInTarget) / Double(base)
    }
}
