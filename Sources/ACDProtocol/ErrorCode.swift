/// Every error a reply may carry: a stable, documented list (docs/protocol.md). Clients switch on
/// the code; the message is for people.
public enum ErrorCode: String, Codable, Sendable, CaseIterable {
    // Framing and decoding
    /// The line is not a JSON object.
    case badJSON = "bad_json"
    /// The line is longer than the protocol allows; the connection is closed.
    case lineTooLong = "line_too_long"
    /// No request of that `type` exists.
    case unknownType = "unknown_type"
    /// A field is missing, has the wrong type or an impossible value.
    case invalidField = "invalid_field"
    // Session
    /// The first request must be `hello`.
    case helloRequired = "hello_required"
    /// `hello` was already accepted on this connection.
    case alreadyGreeted = "already_greeted"
    /// The client speaks a protocol version this server does not.
    case unsupportedVersion = "unsupported_version"
    /// The peer's Unix credentials do not allow this role or agent; the connection is closed.
    case forbidden
    /// The request belongs to another role.
    case wrongRole = "wrong_role"
    // Routing engine
    case unknownAgent = "unknown_agent"
    case unknownCall = "unknown_call"
    case unknownQueue = "unknown_queue"
    case duplicateCall = "duplicate_call"
    case invalidPriority = "invalid_priority"
    case enteredInFuture = "entered_in_future"
    case notOffered = "not_offered"
    case callNotConnected = "call_not_connected"
    case callAlreadyConnected = "call_already_connected"
    case agentAlreadyLoggedIn = "agent_already_logged_in"
    case agentNotLoggedIn = "agent_not_logged_in"
    case agentOnCall = "agent_on_call"
    case notInWrapUp = "not_in_wrap_up"
    case queueFull = "queue_full"
    /// The center lists its break reasons and this is not one of them.
    case unknownReason = "unknown_reason"
    /// The agent has used today's count or time of this break reason.
    case breakQuotaExhausted = "break_quota_exhausted"
    /// The agent's team is at its limit of agents on a staggered break and the center refuses
    /// requests over it.
    case breakLimitReached = "break_limit_reached"
    /// The agent is the last one staffing a queue with waiting calls and the center refuses that
    /// it leave (log out or go not ready).
    case lastAgent = "last_agent"
    /// No agent is logged in to the queue and it does not take calls then.
    case noAgents = "no_agents"
    /// No routing rule matches the call's attributes and it names no queue.
    case noRoute = "no_route"
    /// The queue is closed (business hours) and refuses calls then; the error's `opens_ms` says
    /// when it opens next.
    case closed
    /// The call belongs to another adapter.
    case notYourCall = "not_your_call"
    /// The queue the agent took the call for requires a classification to end wrap-up.
    case classificationRequired = "classification_required"
    /// The classification lacks a part its queue's catalogue asks for (a call type, a motive, a
    /// sub-motive).
    case classificationIncomplete = "classification_incomplete"
    /// The call type is not in the catalogue of the queue the agent took the call for.
    case unknownCallType = "unknown_call_type"
    /// The motive is not in that catalogue.
    case unknownMotive = "unknown_motive"
    /// The sub-motive is not one of the motive's in that catalogue.
    case unknownSubMotive = "unknown_sub_motive"
    /// The classification's notes are longer than the queue keeps.
    case notesTooLong = "notes_too_long"
    /// The wrap-up follows a call whose queue was removed: there is no catalogue to classify it by.
    case classificationUnavailable = "classification_unavailable"
    /// A survey score that is not an integer from 1 to 5.
    case invalidScore = "invalid_score"
    /// A survey score for a call that has not ended yet.
    case callNotEnded = "call_not_ended"
    /// A second survey score for a call.
    case alreadyScored = "already_scored"
    /// A consult transfer to the agent already on the call.
    case transferToSelf = "transfer_to_self"
    /// A consult transfer or an escalation by an agent that is not the one on the call.
    case notOnCall = "not_on_call"
    /// The consult transfer's target agent is not ready.
    case agentUnavailable = "agent_unavailable"
    /// The call already has a consult transfer in progress.
    case consultInProgress = "consult_in_progress"
    /// A consent or refusal by an agent not asked to take over the call.
    case noConsult = "no_consult"
    /// The call's queue has no escalation queue and no tier above the call's agent.
    case noEscalation = "no_escalation"
    /// call.callback for a call that is not waiting or ringing as an inbound call.
    case callbackUnavailable = "callback_unavailable"
    /// call.dial_result for a call no agent is dialing.
    case notDialing = "not_dialing"
    /// A callback or outbound call with no number to dial.
    case missingNumber = "missing_number"
    /// The call is being dialed: its attempt ends with call.dial_result first.
    case dialInProgress = "dial_in_progress"
    // Server
    /// The server is stopping; the connection is about to close.
    case shuttingDown = "shutting_down"
    /// The journal cannot be written (disk full, read-only): new calls are refused until it can;
    /// calls already held keep being served.
    case storageUnavailable = "storage_unavailable"
    /// The server could not carry out the request; nothing changed.
    case internalError = "internal_error"
}

/// An error in a reply.
public struct ProtocolError: Error, Codable, Sendable, Equatable {
    public var code: ErrorCode
    public var message: String
    /// `closed`: when the queue opens next, if it is known.
    public var opensMs: Int64?

    public init(_ code: ErrorCode, _ message: String) {
        self.code = code
        self.message = message
    }
}
