/// Where an agent is in its working cycle. One voice call at a time.
public enum AgentState: Equatable, Sendable, Codable {
    case loggedOut
    /// Waiting for a call. A ready agent may be resting for a moment after a rejected or missed
    /// offer (see `AgentStatus.restingUntil`); it is offered nothing until then.
    case ready
    /// A call is ringing for the agent.
    case offered(CallID)
    /// On a call.
    case busy(CallID)
    /// After-call work, ending at `until` unless the agent says it is done earlier.
    case wrapUp(until: Instant)
    case notReady(NotReadyReason)
}
