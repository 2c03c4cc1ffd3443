/// How long before a segment's service-level target an unanswered call is escalated.
public enum EscalationLead: Equatable, Sendable, Codable {
    /// Once the call has waited this share of the target (0-99%).
    case percent(Int)
    /// This long before the target (more than zero, at most the target).
    case before(Duration)
}
