public import ACDProtocol

/// The requests of each role, typed. Agent requests take an optional `agent`: nil means the agent
/// of the hello; a gateway (or root) names the agent it acts for.
extension ACDRequesting {
    // MARK: Telephony adapters

    /// Reports a new call; the reply says its queue, priority, position and estimated wait.
    @discardableResult
    public func enqueue(_ call: CallEnqueue) async throws(ACDClientError) -> WireReply {
        var wire = WireRequest(type: RequestType.callEnqueue.rawValue)
        wire.call = call.call
        wire.queue = call.queue
        wire.priority = call.priority
        wire.segment = call.segment
        wire.attributes = call.attributes.isEmpty ? nil : call.attributes
        wire.enteredMs = call.enteredMs
        wire.callbackNumber = call.callbackNumber
        return try await request(wire)
    }

    /// The caller leaves the line to be called back at `number` (not before `notBeforeMs`),
    /// keeping their place; the reply says where the callback waits.
    @discardableResult
    public func callback(call: String, number: String, notBeforeMs: Int64? = nil) async throws(ACDClientError) -> WireReply {
        var wire = WireRequest(type: RequestType.callCallback.rawValue)
        wire.call = call
        wire.number = number
        wire.notBeforeMs = notBeforeMs
        return try await request(wire)
    }

    /// Gives a queue an outbound call for its agents to dial, after its inbound calls.
    @discardableResult
    public func outbound(_ call: OutboundRequest) async throws(ACDClientError) -> WireReply {
        var wire = WireRequest(type: RequestType.callOutbound.rawValue)
        wire.call = call.call
        wire.queue = call.queue
        wire.number = call.number
        wire.priority = call.priority
        wire.attributes = call.attributes.isEmpty ? nil : call.attributes
        wire.notBeforeMs = call.notBeforeMs
        return try await request(wire)
    }

    /// How the dial attempt of a callback or outbound call (`call.dial`) went.
    public func dialResult(call: String, _ result: DialOutcome) async throws(ACDClientError) {
        var wire = WireRequest(type: RequestType.callDialResult.rawValue)
        wire.call = call
        wire.result = result.name
        wire.retryAtMs = result.retryAtMs
        _ = try await request(wire)
    }

    /// The agent picked up the offered call.
    public func answered(call: String, agent: String) async throws(ACDClientError) {
        var wire = WireRequest(type: RequestType.callAnswered.rawValue)
        wire.call = call
        wire.agent = agent
        _ = try await request(wire)
    }

    /// The offered call rang out at the agent's phone.
    public func noAnswer(call: String, agent: String) async throws(ACDClientError) {
        var wire = WireRequest(type: RequestType.callNoAnswer.rawValue)
        wire.call = call
        wire.agent = agent
        _ = try await request(wire)
    }

    /// A connected call ended.
    public func hangup(call: String, by party: HangupParty) async throws(ACDClientError) {
        var wire = WireRequest(type: RequestType.callHangup.rawValue)
        wire.call = call
        wire.by = party.rawValue
        _ = try await request(wire)
    }

    /// The caller hung up before an agent answered.
    public func abandon(call: String) async throws(ACDClientError) {
        var wire = WireRequest(type: RequestType.callAbandon.rawValue)
        wire.call = call
        _ = try await request(wire)
    }

    /// Sends a connected call to another queue (blind transfer); the reply says its place there.
    @discardableResult
    public func transfer(call: String, to queue: String) async throws(ACDClientError) -> WireReply {
        var wire = WireRequest(type: RequestType.callTransfer.rawValue)
        wire.call = call
        wire.queue = queue
        return try await request(wire)
    }

    /// This adapter's live calls.
    public func calls() async throws(ACDClientError) -> [CallView] {
        try await request(WireRequest(type: RequestType.calls.rawValue)).calls ?? []
    }

    // MARK: Agents

    /// Logs the agent in: ready, or not ready for `reason`.
    public func agentLogin(agent: String? = nil, reason: String? = nil) async throws(ACDClientError) {
        var wire = WireRequest(type: RequestType.agentLogin.rawValue)
        wire.agent = agent
        wire.reason = reason
        _ = try await request(wire)
    }

    /// Makes the agent ready for calls (also ends its wrap-up).
    public func agentReady(agent: String? = nil) async throws(ACDClientError) {
        var wire = WireRequest(type: RequestType.agentReady.rawValue)
        wire.agent = agent
        _ = try await request(wire)
    }

    /// Makes the agent not ready for `reason` (break, lunch...); during a call, once it ends.
    public func agentNotReady(agent: String? = nil, reason: String) async throws(ACDClientError) {
        var wire = WireRequest(type: RequestType.agentNotReady.rawValue)
        wire.agent = agent
        wire.reason = reason
        _ = try await request(wire)
    }

    /// Accepts the call offered to the agent.
    public func agentAccept(call: String, agent: String? = nil) async throws(ACDClientError) {
        try await agentCallRequest(.agentAccept, call: call, agent: agent)
    }

    /// Rejects the call offered to the agent; it goes back to its place in line.
    public func agentReject(call: String, agent: String? = nil) async throws(ACDClientError) {
        try await agentCallRequest(.agentReject, call: call, agent: agent)
    }

    /// Ends the agent's wrap-up early, classifying the call (required by some queues).
    public func agentWrapUpDone(agent: String? = nil, classification: WrapUpClassification? = nil) async throws(ACDClientError) {
        var wire = WireRequest(type: RequestType.agentWrapUpDone.rawValue)
        wire.agent = agent
        wire.callType = classification?.callType
        wire.motive = classification?.motive
        wire.subMotive = classification?.subMotive
        wire.notes = classification?.notes
        _ = try await request(wire)
    }

    /// Gives an ended call its satisfaction survey score, 1 (worst) to 5 (best).
    public func callSurvey(call: String, score: Int) async throws(ACDClientError) {
        var wire = WireRequest(type: RequestType.callSurvey.rawValue)
        wire.call = call
        wire.score = score
        _ = try await request(wire)
    }

    /// Asks `toAgent`, who must be ready, to take over the agent's connected call (consult
    /// transfer); the answer comes as `consult.ended` or `call.handover`.
    public func agentTransfer(call: String, toAgent: String, agent: String? = nil) async throws(ACDClientError) {
        var wire = WireRequest(type: RequestType.agentTransfer.rawValue)
        wire.agent = agent
        wire.call = call
        wire.toAgent = toAgent
        _ = try await request(wire)
    }

    /// Consents to take over the call another agent asked this agent to.
    public func agentConsultAccept(call: String, agent: String? = nil) async throws(ACDClientError) {
        try await agentCallRequest(.agentConsultAccept, call: call, agent: agent)
    }

    /// Refuses to take over the call; it stays with the agent who asked.
    public func agentConsultDecline(call: String, agent: String? = nil) async throws(ACDClientError) {
        try await agentCallRequest(.agentConsultDecline, call: call, agent: agent)
    }

    /// Escalates a connected call (the agent's own, from an agent client; any, from a supervisor):
    /// it waits again in its queue's escalation queue or for the next tier; the reply says where.
    @discardableResult
    public func escalate(call: String, agent: String? = nil) async throws(ACDClientError) -> WireReply {
        var wire = WireRequest(type: RequestType.callEscalate.rawValue)
        wire.agent = agent
        wire.call = call
        return try await request(wire)
    }

    /// Logs the agent out (refused during a call).
    public func agentLogout(agent: String? = nil) async throws(ACDClientError) {
        var wire = WireRequest(type: RequestType.agentLogout.rawValue)
        wire.agent = agent
        _ = try await request(wire)
    }

    /// The agent's state and today's counters.
    public func agentStatus(agent: String? = nil) async throws(ACDClientError) -> AgentView? {
        var wire = WireRequest(type: RequestType.agentStatus.rawValue)
        wire.agent = agent
        return try await request(wire).agent
    }

    // MARK: Supervisors

    /// Every agent, queue and live call.
    public func status() async throws(ACDClientError) -> CenterStatus {
        let reply = try await request(WireRequest(type: RequestType.status.rawValue))
        return CenterStatus(agents: reply.agents ?? [], queues: reply.queues ?? [], calls: reply.calls ?? [])
    }

    /// Chooses the events this connection receives (it replaces an earlier choice); returns the
    /// topics the daemon took.
    @discardableResult
    public func subscribe(_ topics: Set<SubscriptionTopic>) async throws(ACDClientError) -> [String] {
        var wire = WireRequest(type: RequestType.subscribe.rawValue)
        wire.topics = topics.map(\.rawValue).sorted()
        return try await request(wire).topics ?? []
    }

    /// Why a live call is where it is, in lines for people.
    public func explain(call: String) async throws(ACDClientError) -> [String] {
        var wire = WireRequest(type: RequestType.explain.rawValue)
        wire.call = call
        return try await request(wire).explanation ?? []
    }

    /// Puts an agent in a state whatever it asked for (a supervisor's override).
    public func forceState(agent: String, to state: ForcedState, reason: String? = nil) async throws(ACDClientError) {
        var wire = WireRequest(type: RequestType.agentForceState.rawValue)
        wire.agent = agent
        wire.state = state.rawValue
        wire.reason = reason
        _ = try await request(wire)
    }

    /// An agent's request about one call: `agent` names the agent for a gateway client.
    private func agentCallRequest(_ type: RequestType, call: String, agent: String?) async throws(ACDClientError) {
        var wire = WireRequest(type: type.rawValue)
        wire.agent = agent
        wire.call = call
        _ = try await request(wire)
    }
}
