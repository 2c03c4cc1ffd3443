/// Every request a client may send, by its `type`, with the role that may send it.
public enum RequestType: String, Codable, Sendable, CaseIterable {
    case hello
    // Telephony adapters
    case callEnqueue = "call.enqueue"
    case callAnswered = "call.answered"
    case callNoAnswer = "call.no_answer"
    case callHangup = "call.hangup"
    case callAbandon = "call.abandon"
    case callTransfer = "call.transfer"
    case callSurvey = "call.survey"
    /// The caller leaves the line to be called back, keeping their place.
    case callCallback = "call.callback"
    /// Outbound work: a number for an agent of the queue to call.
    case callOutbound = "call.outbound"
    /// How an agent's dial attempt went.
    case callDialResult = "call.dial_result"
    case calls
    // Agent clients
    case agentLogin = "agent.login"
    case agentReady = "agent.ready"
    case agentNotReady = "agent.not_ready"
    case agentAccept = "agent.accept"
    case agentReject = "agent.reject"
    case agentWrapUpDone = "agent.wrapup_done"
    case agentLogout = "agent.logout"
    case agentStatus = "agent.status"
    /// Consult transfer of the agent's call to another agent, who must consent.
    case agentTransfer = "agent.transfer"
    case agentConsultAccept = "agent.consult_accept"
    case agentConsultDecline = "agent.consult_decline"
    // Supervisors
    case status
    case subscribe
    case explain
    case agentForceState = "agent.force_state"
    case callReprioritize = "call.reprioritize"
    case callMove = "call.move"
    case agentMessage = "agent.message"
    case stats
    // Agents and supervisors
    /// Escalation of a connected call, by its agent or a supervisor.
    case callEscalate = "call.escalate"

    /// The roles that may send it (every role may send `hello`).
    public var roles: Set<Role> {
        switch self {
        case .hello: [.adapter, .agent, .supervisor]
        case .callEnqueue, .callAnswered, .callNoAnswer, .callHangup, .callAbandon, .callTransfer, .callSurvey, .calls,
             .callCallback, .callOutbound, .callDialResult: [.adapter]
        case .agentLogin, .agentReady, .agentNotReady, .agentAccept, .agentReject, .agentWrapUpDone,
             .agentLogout, .agentStatus, .agentTransfer, .agentConsultAccept, .agentConsultDecline: [.agent]
        case .status, .subscribe, .explain, .agentForceState, .callReprioritize, .callMove, .agentMessage, .stats: [.supervisor]
        case .callEscalate: [.agent, .supervisor]
        }
    }
}
