/// A customer segment's service-level agreement (a VIP tier, a client account): the priority its
/// calls wait at, the wait it promises, when a call about to break that promise is escalated, and
/// the longest it may wait. Every wait counts from the instant the call entered the system, so a
/// call moved or overflowed to another queue keeps its clock.
public struct SegmentPolicy: Equatable, Sendable, Codable {
    /// The segment, as adapters name it in `NewCall.segment`.
    public var id: String
    /// The lowest priority (0-9) the segment's calls wait at: the higher of this and the
    /// priority the adapter gives wins.
    public var priority: Int
    /// The service-level target: a call answered within this wait is answered in target; one that
    /// waits longer unanswered is a breach.
    public var target: Duration
    /// When, before the target, an unanswered call is escalated.
    public var escalation: EscalationLead
    /// The priority (0-9) an escalated call is raised to, if it is lower.
    public var escalatedPriority: Int
    /// After this wait the call gets its home queue's next max-wait step early (it leaves timed
    /// out when the queue has none left). Nil: only the queue's own steps apply.
    public var maxWait: Duration?

    public init(
        id: String, priority: Int = 0, target: Duration, escalation: EscalationLead = .percent(80),
        escalatedPriority: Int = 9, maxWait: Duration? = nil
    ) {
        self.id = id
        self.priority = priority
        self.target = target
        self.escalation = escalation
        self.escalatedPriority = escalatedPriority
        self.maxWait = maxWait
    }

    /// The wait after which an unanswered call is escalated: always before the target.
    public var escalationWait: Duration {
        switch escalation {
        case .percent(let percent): .milliseconds(target.milliseconds * Int64(percent) / 100)
        case .before(let lead): target - lead
        }
    }
}
