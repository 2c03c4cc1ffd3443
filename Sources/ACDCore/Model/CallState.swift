/// Where a live call is. A call that leaves the engine does so with exactly one `CallOutcome`.
public enum CallState: Equatable, Sendable, Codable {
    case waiting
    /// Ringing for these agents (more than one only with the ring-all strategy).
    case offered([AgentID])
    case connected(AgentID)
    /// A callback or outbound call this agent is dialing (it accepted it; the customer has not
    /// answered yet).
    case dialing(AgentID)
    /// A callback or outbound call out of line until `until` (its retry or requested time), or
    /// until its queue opens (`until` nil).
    case scheduled(until: Instant?)
}

/// How a call left the engine: every call reaches exactly one.
public enum CallOutcome: Equatable, Sendable, Codable {
    /// Answered, then hung up.
    case ended
    /// The caller hung up before an agent answered.
    case abandoned
    /// The queue's max wait passed and its overflow action is to leave.
    case timedOut
    /// No agent was logged in to the queue (at arrival with join-when-empty off, or for the
    /// queue's max wait with no agent).
    case leftNoAgents
    /// The queue was at its max length.
    case rejectedFull
    /// The queue's overflow sent the call to a destination outside acdd.
    case overflowedOut(destination: String)
    /// A reconfiguration removed the call's queue and the center sends such calls away rather
    /// than moving them to another queue.
    case queueRemoved
    /// Its queue was closed (business hours): refused on arrival (`voicemail` nil), or sent to
    /// the voicemail destination, on arrival or at closing.
    case closed(voicemail: String?)
    /// A callback or outbound call whose attempts were used up, or whose number failed, without
    /// reaching the customer.
    case unreached(attempts: Int)
    /// A callback or outbound call withdrawn by its adapter before the customer was reached.
    case cancelled
}

/// Who ended a connected call.
public enum Party: String, Equatable, Sendable, Codable {
    case caller
    case agent
}
