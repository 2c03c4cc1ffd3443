/// A command the engine cannot carry out. It changed nothing.
public enum EngineError: Error, Equatable, Sendable {
    case unknownAgent(AgentID)
    case unknownCall(CallID)
    case unknownQueue(QueueID)
    case duplicateCall(CallID)
    case invalidPriority(Int)
    /// The call's entry instant lies after the moment it is enqueued.
    case enteredInFuture(CallID)
    /// The call is not ringing for this agent (never offered, offered to someone else, or the offer
    /// already ended).
    case notOffered(call: CallID, agent: AgentID)
    /// Hangup or transfer of a call that is not connected.
    case callNotConnected(CallID)
    /// Abandon of a call that is already connected: it ends with a hangup.
    case callAlreadyConnected(CallID)
    case agentAlreadyLoggedIn(AgentID)
    case agentNotLoggedIn(AgentID)
    /// The agent is on a call; it cannot log out before the call ends.
    case agentOnCall(AgentID)
    case notInWrapUp(AgentID)
    /// The transfer's target queue is at its max length.
    case queueFull(QueueID)
    /// The agent is the last one staffing these queues, which have waiting calls, and the center
    /// refuses that it leave them.
    case lastAgentOfQueue(agent: AgentID, queues: [QueueID])
    /// A reconfiguration's new configuration is invalid.
    case invalidConfiguration(ConfigurationError)
    /// The break policy lists reasons and this is not one of them.
    case unknownReason(agent: AgentID, reason: NotReadyReason)
    /// The agent has used today's count or time of this break reason.
    case breakQuotaExhausted(agent: AgentID, reason: NotReadyReason)
    /// The agent's team has as many agents on a staggered break as it may, and the policy refuses.
    case breakLimitReached(agent: AgentID, reason: NotReadyReason, team: String, limit: Int)
    /// The queue the agent took the call for requires a classification to end wrap-up.
    case classificationRequired(agent: AgentID, queue: QueueID)
    /// The classification lacks a part the queue's catalogue asks for.
    case classificationIncomplete(agent: AgentID, missing: String, queue: QueueID)
    case unknownCallType(agent: AgentID, callType: String, queue: QueueID)
    case unknownMotive(agent: AgentID, motive: String, queue: QueueID)
    case unknownSubMotive(agent: AgentID, motive: String, subMotive: String, queue: QueueID)
    /// The classification's notes are longer than the queue allows.
    case notesTooLong(agent: AgentID, length: Int, limit: Int)
    /// The wrap-up follows no call with a catalogue (its queue was removed by a reconfiguration).
    case classificationUnavailable(AgentID)
    /// A survey score outside 1-5.
    case invalidScore(Int)
    /// A survey score for a call that is still live.
    case callNotEnded(CallID)
    /// A survey score for a call that was not answered and ended within the survey window.
    case callNotSurveyable(CallID)
    /// A second survey score for the same call.
    case alreadyScored(CallID)
    /// A consult transfer to the agent already on the call.
    case transferToSelf(AgentID)
    /// The agent is not the one on this connected call.
    case notOnCall(call: CallID, agent: AgentID)
    /// The consult's target is not ready (logged out, on a call, ringing, in wrap-up, not ready).
    case targetUnavailable(AgentID)
    /// The call already has a consult transfer in progress.
    case consultInProgress(CallID)
    /// The agent is not being asked to take over this call.
    case noConsult(call: CallID, agent: AgentID)
    /// The call's queue has no escalation queue and no tier above the call's agent.
    case noEscalation(QueueID)
    /// A callback asked for a call that is not waiting or ringing, or that is already dialed by
    /// the center.
    case callbackUnavailable(CallID)
    /// A dial result for a call no agent is dialing.
    case notDialing(CallID)
    /// A callback or outbound call with no number to dial.
    case missingNumber(CallID)
    /// The call is being dialed: its attempt ends with a dial result first.
    case dialInProgress(CallID)

    /// A stable, machine-readable code for the protocol.
    public var code: String {
        switch self {
        case .unknownAgent: "unknown_agent"
        case .unknownCall: "unknown_call"
        case .unknownQueue: "unknown_queue"
        case .duplicateCall: "duplicate_call"
        case .invalidPriority: "invalid_priority"
        case .enteredInFuture: "entered_in_future"
        case .notOffered: "not_offered"
        case .callNotConnected: "call_not_connected"
        case .callAlreadyConnected: "call_already_connected"
        case .agentAlreadyLoggedIn: "agent_already_logged_in"
        case .agentNotLoggedIn: "agent_not_logged_in"
        case .agentOnCall: "agent_on_call"
        case .notInWrapUp: "not_in_wrap_up"
        case .queueFull: "queue_full"
        case .invalidConfiguration: "invalid_configuration"
        case .lastAgentOfQueue: "last_agent"
        case .unknownReason: BreakRefusal.unknownReason.rawValue
        case .breakQuotaExhausted: BreakRefusal.quotaExhausted.rawValue
        case .breakLimitReached: BreakRefusal.teamLimit.rawValue
        case .classificationRequired: "classification_required"
        case .classificationIncomplete: "classification_incomplete"
        case .unknownCallType: "unknown_call_type"
        case .unknownMotive: "unknown_motive"
        case .unknownSubMotive: "unknown_sub_motive"
        case .notesTooLong: "notes_too_long"
        case .classificationUnavailable: "classification_unavailable"
        case .invalidScore: "invalid_score"
        case .callNotEnded: "call_not_ended"
        case .callNotSurveyable: "unknown_call"
        case .alreadyScored: "already_scored"
        case .transferToSelf: "transfer_to_self"
        case .notOnCall: "not_on_call"
        case .targetUnavailable: "agent_unavailable"
        case .consultInProgress: "consult_in_progress"
        case .noConsult: "no_consult"
        case .noEscalation: "no_escalation"
        case .callbackUnavailable: "callback_unavailable"
        case .notDialing: "not_dialing"
        case .missingNumber: "missing_number"
        case .dialInProgress: "dial_in_progress"
        }
    }

    /// What went wrong, for a person.
    public var message: String {
        switch self {
        case .unknownAgent(let agent): "no agent '\(agent)' is configured"
        case .unknownCall(let call): "no live call '\(call)'"
        case .unknownQueue(let queue): "no queue '\(queue)' is configured"
        case .duplicateCall(let call): "call '\(call)' is already in the system"
        case .invalidPriority(let priority): "priority \(priority) is outside 0-9"
        case .enteredInFuture(let call): "call '\(call)' says it entered the system after now"
        case .notOffered(let call, let agent): "call '\(call)' is not ringing for agent '\(agent)'"
        case .callNotConnected(let call): "call '\(call)' is not connected"
        case .callAlreadyConnected(let call): "call '\(call)' is connected; end it with a hangup"
        case .agentAlreadyLoggedIn(let agent): "agent '\(agent)' is already logged in"
        case .agentNotLoggedIn(let agent): "agent '\(agent)' is not logged in"
        case .agentOnCall(let agent): "agent '\(agent)' is on a call"
        case .notInWrapUp(let agent): "agent '\(agent)' is not in wrap-up"
        case .queueFull(let queue): "queue '\(queue)' is full"
        case .invalidConfiguration(let error): "the new configuration is invalid: \(error.message)"
        case .lastAgentOfQueue(let agent, let queues):
            "agent '\(agent)' is the last one taking the waiting calls of \(queues.map { "'\($0)'" }.joined(separator: ", ")); a supervisor may force it"
        case .unknownReason(_, let reason): "'\(reason)' is not a configured break reason"
        case .breakQuotaExhausted(let agent, let reason): "agent '\(agent)' has used today's quota of '\(reason)'"
        case .breakLimitReached(_, let reason, let team, let limit):
            "team '\(team)' already has \(limit) agent(s) on a staggered break, its limit; '\(reason)' is refused"
        case .classificationRequired(let agent, let queue):
            "queue '\(queue)' requires agent '\(agent)' to classify the call (call type and motive) to end wrap-up"
        case .classificationIncomplete(_, let missing, let queue): "the classification needs \(missing) (queue '\(queue)')"
        case .unknownCallType(_, let callType, let queue): "'\(callType)' is not a call type of queue '\(queue)'"
        case .unknownMotive(_, let motive, let queue): "'\(motive)' is not a motive of queue '\(queue)'"
        case .unknownSubMotive(_, let motive, let subMotive, let queue):
            "'\(subMotive)' is not a sub-motive of '\(motive)' in queue '\(queue)'"
        case .notesTooLong(_, let length, let limit): "the notes are \(length) characters long; at most \(limit) are kept"
        case .classificationUnavailable(let agent):
            "the call agent '\(agent)' wraps up has no classification catalogue (its queue was removed)"
        case .invalidScore(let score): "score \(score) is outside 1-5"
        case .callNotEnded(let call): "call '\(call)' has not ended; score it after the hangup"
        case .callNotSurveyable(let call): "no answered call '\(call)' ended within the survey window"
        case .alreadyScored(let call): "call '\(call)' already has a survey score"
        case .transferToSelf(let agent): "agent '\(agent)' is already on the call"
        case .notOnCall(let call, let agent): "agent '\(agent)' is not on call '\(call)'"
        case .targetUnavailable(let agent): "agent '\(agent)' is not ready to take a call"
        case .consultInProgress(let call): "call '\(call)' already has a consult transfer in progress"
        case .noConsult(let call, let agent): "agent '\(agent)' is not asked to take over call '\(call)'"
        case .noEscalation(let queue): "queue '\(queue)' has no escalation queue and no higher tier to escalate to"
        case .callbackUnavailable(let call): "call '\(call)' is not waiting or ringing as an inbound call, so it cannot become a callback"
        case .notDialing(let call): "no agent is dialing call '\(call)'"
        case .missingNumber(let call): "call '\(call)' has no number to dial"
        case .dialInProgress(let call): "call '\(call)' is being dialed; report the attempt's result first"
        }
    }
}
