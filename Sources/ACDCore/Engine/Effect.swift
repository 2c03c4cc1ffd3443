/// What must happen because of a command or of time passing. The engine only returns these; the
/// shell around it sends them to adapters, agents, supervisors and the log.
public enum Effect: Equatable, Sendable {
    /// The call waits in `queue` at `position` (1 = next), with an estimated wait when there are
    /// agents to estimate from.
    case callQueued(call: CallID, queue: QueueID, position: Int, estimatedWait: Duration?)
    /// Connect this call to this agent: ring it.
    case offer(Offer)
    /// Stop ringing this agent for this call.
    case offerWithdrawn(call: CallID, agent: AgentID, reason: WithdrawalReason)
    /// The agent took the call after it waited `waited` since entering the system.
    case callConnected(call: CallID, agent: AgentID, waited: Duration)
    /// Agents of one more tier of `queue` may now take the call.
    case tierOpened(call: CallID, queue: QueueID, tier: Int)
    /// Max wait: the call moved to another queue, keeping its age.
    case callOverflowed(call: CallID, from: QueueID, to: QueueID)
    /// Max wait: agents of these queues may now take the call too.
    case callWidened(call: CallID, queues: [QueueID])
    /// An agent sent its call to another queue; the call waits there.
    case callTransferred(call: CallID, agent: AgentID, from: QueueID, to: QueueID)
    /// The target agent is asked, until `expires`, to take over the call from `from`.
    case consultOffered(call: CallID, from: AgentID, to: AgentID, expires: Instant)
    /// The consult ended with no handover; the call stays with `from`.
    case consultEnded(call: CallID, from: AgentID, to: AgentID, reason: ConsultEnding)
    /// The target consented: connect the call to `to`. `from`, who asked at `requested`, goes to
    /// wrap-up.
    case callHandedOver(call: CallID, from: AgentID, to: AgentID, requested: Instant)
    /// The call was escalated (by this agent, or by a supervisor when `by` is nil) and waits in
    /// `to`: the escalation queue, or `from` itself with tiers up to `tier` open.
    case callEscalated(call: CallID, by: AgentID?, from: QueueID, to: QueueID, tier: Int?)
    /// The call waits to be dialed at `target`: in line when `due` is nil and its queue is open,
    /// else out of line until `due` (a retry, a requested time) or until its queue opens.
    case dialQueued(call: CallID, queue: QueueID, target: DialTarget, due: Instant?)
    /// The agent accepted the callback or outbound call: dial `target` and connect it to the agent
    /// (attempt 1, 2, ...).
    case dialRequested(call: CallID, agent: AgentID, target: DialTarget, attempt: Int)
    /// The agent's dial attempt did not reach the customer; the agent is free again.
    case dialFailed(call: CallID, agent: AgentID, result: DialResult, attempt: Int)
    /// A supervisor changed the call's priority.
    case callReprioritized(call: CallID, priority: Int)
    /// The call was moved to another queue (by a supervisor, or because a reconfiguration removed
    /// its queue); it waits there.
    case callMoved(call: CallID, from: QueueID, to: QueueID)
    /// The call left the engine for good.
    case callFinished(call: CallID, outcome: CallOutcome)
    /// A connected call passed its queue's maximum call time (soft, or hard when `hard`).
    case callDurationExceeded(call: CallID, agent: AgentID, hard: Bool)
    /// The agent's state changed.
    case agentStateChanged(agent: AgentID, state: AgentState)
    /// For supervisors: the agent missed this many offers in a row and was made not ready.
    case agentMissedOffers(agent: AgentID, consecutive: Int)
    /// The agent logs out or goes not ready while it is the last agent staffing these queues,
    /// which have waiting calls (for supervisors).
    case lastAgentLeaving(agent: AgentID, queues: [QueueID])
    /// The agent answered its daily target of calls with this one.
    case dailyTargetReached(agent: AgentID, target: Int)
    /// The agent's break is pending, for this cause (told when asked for and when the cause changes).
    case breakDeferred(agent: AgentID, reason: NotReadyReason, cause: BreakDeferral)
    /// A pending break started.
    case breakStarted(agent: AgentID, reason: NotReadyReason)
    /// A pending break can no longer start and was dropped; the agent stays as it is.
    case breakCancelled(agent: AgentID, reason: NotReadyReason, refusal: BreakRefusal)
    /// For the agent and supervisors: the agent's break ran past its daily time quota. The break
    /// goes on.
    case breakQuotaReached(agent: AgentID, reason: NotReadyReason)
    /// The agent classified the call it wrapped up, from the catalogue of `queue` (the queue it
    /// took the call for).
    case callClassified(call: CallID, agent: AgentID, queue: QueueID, classification: CallClassification)
    /// The satisfaction survey scored an ended call, for the agent and queue of its last
    /// conversation.
    case callSurveyed(call: CallID, agent: AgentID, queue: QueueID, score: Int)
    /// The queue opened or closed (business hours), until `state.until`.
    case openingChanged(queue: QueueID, state: OpeningState)
    /// The call's queue is closed and sends its calls to another queue: the call waits there.
    case callRedirected(call: CallID, from: QueueID, to: QueueID)
    /// For supervisors: the call of `segment` is about to pass its service-level target
    /// unanswered; it now waits at `priority` with every tier of its queues open. `queue` is its
    /// home queue.
    case serviceLevelEscalated(call: CallID, queue: QueueID, segment: String, priority: Int)
    /// The call of `segment` passed its service-level target unanswered: a breach, counted in
    /// `queue`, the queue it entered.
    case serviceLevelBreached(call: CallID, queue: QueueID, segment: String)
}

/// Why a break is refused: the code of the `EngineError` a request gets, and of a pending break
/// dropped for the same cause.
public enum BreakRefusal: String, Equatable, Sendable {
    /// The reason is not in the break policy.
    case unknownReason = "unknown_reason"
    /// The agent has used today's count or time of this reason.
    case quotaExhausted = "break_quota_exhausted"
    /// The team is at its limit of agents on a staggered break, and the policy refuses.
    case teamLimit = "break_limit_reached"
}

/// Why an offer stopped ringing.
public enum WithdrawalReason: String, Equatable, Sendable {
    /// The agent rejected it.
    case rejected
    /// It rang out, or the telephony reported no answer.
    case notAnswered = "not-answered"
    /// Ring-all: another agent accepted first.
    case acceptedElsewhere = "accepted-elsewhere"
    /// The caller hung up.
    case callerAbandoned = "caller-abandoned"
    /// The agent logged out or asked to be not ready while it rang.
    case agentUnavailable = "agent-unavailable"
    /// A supervisor moved the call to another queue.
    case callMoved = "call-moved"
    /// A reconfiguration removed the call's queue, or the agent, or the agent's place in the
    /// queue.
    case reconfigured
    /// The caller left the line to be called back.
    case callbackRequested = "callback"
}

/// An offer of a call to an agent, with the decision that made it.
public struct Offer: Equatable, Sendable {
    public var call: CallID
    public var agent: AgentID
    /// It rings until then, then counts as missed.
    public var expires: Instant
    public var decision: RoutingDecision
    /// For a callback or outbound call: the number the agent will dial once it accepts.
    public var dial: DialTarget? = nil
}
