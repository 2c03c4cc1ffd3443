/// One segment's figures in one queue for the current day (reset by `Command.beginDay`). A call
/// counts in the queue it entered, once its segment's clock starts.
public struct SegmentFigures: Equatable, Sendable, Codable {
    public var segment: String
    /// Calls of the segment that joined the queue.
    public var offered = 0
    /// Of those, the ones an agent took (in target or late).
    public var answered = 0
    /// Taken within the segment's target.
    public var answeredInTarget = 0
    /// Passed the target unanswered (each call at most once).
    public var breaches = 0
    /// Escalated before the target (each call at most once).
    public var escalations = 0

    public init(segment: String) {
        self.segment = segment
    }

    /// answeredInTarget / (answeredInTarget + breaches): calls that left unanswered within the
    /// target count in neither. Nil before any.
    public var serviceLevel: Double? {
        answeredInTarget + breaches == 0 ? nil : Double(answeredInTarget) / Double(answeredInTarget + breaches)
    }
}
