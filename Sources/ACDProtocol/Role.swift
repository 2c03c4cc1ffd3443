/// What a client is, declared in its hello and checked against its Unix credentials.
public enum Role: String, Codable, Sendable, CaseIterable {
    /// A telephony adapter: pushes call events, connects calls where acdd says.
    case adapter
    /// An agent client: receives offers, accepts, takes breaks, closes wrap-up.
    case agent
    /// A supervisor or operator: watches and acts on queues, agents and calls.
    case supervisor
}
