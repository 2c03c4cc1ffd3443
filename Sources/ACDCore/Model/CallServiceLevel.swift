/// Where a call stands against its segment's service-level target, while it is not yet answered.
public struct CallServiceLevel: Equatable, Sendable {
    public var segment: String
    /// When it escalates (or escalated), before the target.
    public var escalatesAt: Instant
    /// The last instant at which an answer is in target; it breaches just after.
    public var targetAt: Instant
    /// When the segment's max wait passes, if it has one.
    public var maxWaitAt: Instant?
    public var escalated: Bool
    public var breached: Bool
}
