import ACDCore
import ACDProtocol
import Logging
import NIOCore

extension RoutingExecutor {
    /// One decoded line from a session: carried out, answered with exactly one reply. False when
    /// the session is over (it was refused, or is gone), so the rest of its input is ignored.
    func receive(session number: UInt64, id: RequestID?, request decoded: Result<Request, ProtocolError>) -> Bool {
        guard let link = sessions[number] else { return false }
        let reply: WireReply
        switch decoded {
        case .failure(let error):
            reply = WireReply(id: id, error: error)
        case .success(let request):
            catchUp()
            do {
                reply = try answer(request, id: id, link: link)
            } catch {
                reply = WireReply(id: id, error: error)
                if case .hello = request, error.code == .forbidden || error.code == .unsupportedVersion {
                    // The reply goes out, then the connection closes.
                    send(reply, to: number)
                    close(session: number, reason: error.message)
                    return false
                }
            }
            rearm()
        }
        send(reply, to: number)
        if let deferred = pendingEvents.removeValue(forKey: number) {
            for event in deferred { send(event, to: number) }
        }
        return sessions[number] != nil
    }

    /// The line was too long: the session gets `line_too_long` and is closed.
    func lineTooLong(session number: UInt64) {
        send(WireReply(id: nil, error: ProtocolError(.lineTooLong, "lines are limited to \(settings.limits.maxLineBytes) bytes")), to: number)
        close(session: number, reason: "line too long")
    }

    private func answer(_ request: Request, id: RequestID?, link: SessionLink) throws(ProtocolError) -> WireReply {
        if case .hello(let version, let role, let agent, let client) = request {
            return try hello(version: version, role: role, agent: agent, client: client, id: id, link: link)
        }
        guard let role = link.role else {
            throw ProtocolError(.helloRequired, "the first request must be 'hello'")
        }
        guard request.type.roles.contains(role) else {
            throw ProtocolError(.wrongRole, "'\(request.type.rawValue)' is not a request of the \(role.rawValue) role")
        }
        var reply = WireReply(id: id, type: request.type.rawValue)
        switch request {
        case .hello:
            throw ProtocolError(.alreadyGreeted, "hello was already accepted on this connection")
        case .callEnqueue(let call):
            try enqueue(call, link: link, reply: &reply)
        case .callAnswered(let call, let agent):
            // A retry (e.g. after a reconnect) of an answer already recorded changes nothing.
            if engine.callStatus(CallID(call))?.state == .connected(AgentID(agent)) { break }
            try apply(.accept(call: CallID(call), agent: AgentID(agent)), for: link, claiming: CallID(call))
        case .callNoAnswer(let call, let agent):
            try apply(.noAnswer(call: CallID(call), agent: AgentID(agent)), for: link, claiming: CallID(call))
        case .callHangup(let call, let by):
            if recentlyFinished[CallID(call)] == "ended" { break }
            try apply(.hangup(call: CallID(call), by: by == .caller ? .caller : .agent), for: link, claiming: CallID(call))
        case .callAbandon(let call):
            if recentlyFinished[CallID(call)] == "abandoned" { break }
            try apply(.abandon(call: CallID(call)), for: link, claiming: CallID(call))
        case .callTransfer(let call, let queue):
            try apply(.transfer(call: CallID(call), to: QueueID(queue)), for: link, claiming: CallID(call))
            reply.call = call
            reply.queue = queue
            if let place = engine.position(of: CallID(call)) {
                reply.position = place.position
                reply.ewtMs = place.estimatedWait?.milliseconds
            }
        case .callCallback(let call, let number, let notBeforeMs):
            try requestCallback(call: call, number: number, notBeforeMs: notBeforeMs, link: link, reply: &reply)
        case .callOutbound(let request):
            try pushOutbound(request, link: link, reply: &reply)
        case .callDialResult(let call, let result):
            try dialResult(call: call, result: result, link: link)
            reply.call = call
        case .callSurvey(let call, let score):
            try apply(.survey(call: CallID(call), score: score), for: link)
            reply.call = call
        case .calls:
            let identity = link.adapterIdentity ?? ""
            reply.calls = engine.liveCallIDs.filter { callOwners[$0] == identity }.compactMap(callView)
        case .agentLogin(let agent, let reason):
            let agent = try actingAgent(agent, link: link)
            try apply(.login(agent: agent, notReady: reason.map { NotReadyReason($0) }), for: link)
        case .agentReady(let agent):
            try apply(.ready(agent: try actingAgent(agent, link: link)), for: link)
        case .agentNotReady(let agent, let reason):
            let agent = try actingAgent(agent, link: link)
            try apply(.notReady(agent: agent, reason: NotReadyReason(reason)), for: link)
            reply.pending = pendingBreak(of: agent)
        case .agentAccept(let agent, let call):
            try apply(.accept(call: CallID(call), agent: try actingAgent(agent, link: link)), for: link)
        case .agentReject(let agent, let call):
            try apply(.reject(call: CallID(call), agent: try actingAgent(agent, link: link)), for: link)
        case .agentWrapUpDone(let agent, let classification):
            let classification = classification.map {
                CallClassification(callType: $0.callType, motive: $0.motive, subMotive: $0.subMotive, notes: $0.notes)
            }
            try apply(.wrapUpDone(agent: try actingAgent(agent, link: link), classification: classification), for: link)
        case .agentLogout(let agent):
            try apply(.logout(agent: try actingAgent(agent, link: link)), for: link)
        case .agentStatus(let agent):
            reply.agent = engine.agentStatus(try actingAgent(agent, link: link)).map(agentView)
        case .agentTransfer(let agent, let call, let target):
            let agent = try actingAgent(agent, link: link)
            try apply(.consultTransfer(call: CallID(call), from: agent, to: AgentID(target)), for: link)
            reply.call = call
        case .agentConsultAccept(let agent, let call):
            try apply(.acceptConsult(call: CallID(call), agent: try actingAgent(agent, link: link)), for: link)
            reply.call = call
        case .agentConsultDecline(let agent, let call):
            try apply(.declineConsult(call: CallID(call), agent: try actingAgent(agent, link: link)), for: link)
            reply.call = call
        case .callEscalate(let call, let agent):
            // An agent escalates as itself; a supervisor names no agent.
            let by: AgentID? = role == .agent ? try actingAgent(agent, link: link) : nil
            try apply(.escalate(call: CallID(call), by: by), for: link)
            reply.call = call
            if let status = engine.callStatus(CallID(call)) { reply.queue = status.queues.first?.queue.rawValue }
            if let place = engine.position(of: CallID(call)) {
                reply.position = place.position
                reply.ewtMs = place.estimatedWait?.milliseconds
            }
        case .status:
            reply.agents = engine.agentIDs.compactMap { engine.agentStatus($0).map(agentView) }
            reply.queues = engine.queueIDs.compactMap(queueView)
            reply.calls = engine.liveCallIDs.compactMap(callView)
        case .subscribe(let topics):
            sessions[link.number]?.topics = topics
            if topics.isEmpty {
                subscribers.remove(link.number)
            } else {
                subscribers.insert(link.number)
            }
            reply.topics = topics.map(\.rawValue).sorted()
        case .explain(let call):
            guard let explanation = engine.explain(CallID(call)) else {
                throw ProtocolError(.unknownCall, "no live call '\(call)'")
            }
            reply.call = call
            reply.explanation = explanation.lines
        case .agentForceState(let agent, let state, let reason):
            try forceState(AgentID(agent), to: state, reason: reason, link: link)
            reply.pending = pendingBreak(of: AgentID(agent))
        case .callReprioritize(let call, let priority):
            try apply(.reprioritize(call: CallID(call), priority: priority), for: link)
        case .callMove(let call, let queue):
            try apply(.move(call: CallID(call), to: QueueID(queue)), for: link)
        case .agentMessage(let agent, let message):
            let agent = AgentID(agent)
            guard engine.agentStatus(agent) != nil else { throw ProtocolError(.unknownAgent, "no agent '\(agent)' is configured") }
            var notice = WireEvent(.notice)
            notice.agent = agent.rawValue
            notice.reason = "supervisor_message"
            notice.message = message
            logger.info("supervisor message", metadata: ["agent.id": "\(agent)", "session": "\(link.number)"])
            toAgent(agent, notice, deferringFor: link.number)
        case .stats:
            reply.queues = engine.queueIDs.compactMap { id in
                queueView(id).map { view in
                    var view = view
                    view.stats = engine.queueStatus(id).map { stats($0.figures, segments: engine.segmentFigures(queue: id)) }
                    return view
                }
            }
        }
        return reply
    }

    private func hello(version: Int, role: Role, agent: String?, client: String?, id: RequestID?, link: SessionLink) throws(ProtocolError) -> WireReply {
        guard link.role == nil else {
            throw ProtocolError(.alreadyGreeted, "hello was already accepted on this connection")
        }
        guard version == ProtocolVersion.current else {
            throw ProtocolError(.unsupportedVersion, "this server speaks protocol \(ProtocolVersion.current), not \(version)")
        }
        let agentID = agent.map { AgentID($0) }
        if role == .agent, let agentID, engine.agentStatus(agentID) == nil {
            throw ProtocolError(.forbidden, "no agent '\(agentID)' is configured")
        }
        guard settings.access.allows(link.peer, role: role, agent: agentID) else {
            logger.warning("hello refused", metadata: ["peer": "\(link.peer)", "role": "\(role.rawValue)", "agent.id": "\(agent ?? "-")"])
            throw ProtocolError(.forbidden, "uid \(link.peer.uid) may not connect as \(role.rawValue)\(agent.map { " '\($0)'" } ?? "")")
        }
        var updated = link
        updated.role = role
        switch role {
        case .adapter:
            let identity = "\(link.peer.uid)/\(client ?? "")"
            updated.adapterIdentity = identity
            adapterSessions[identity, default: []].insert(link.number)
            graceTimers.removeValue(forKey: identity)?.cancel()
        case .agent:
            updated.isGateway = settings.access.isGateway(link.peer)
            if let agentID {
                updated.agents = [agentID]
                agentSessions[agentID, default: []].insert(link.number)
            }
        case .supervisor:
            break
        }
        sessions[link.number] = updated
        var reply = WireReply(id: id, type: "welcome")
        reply.server = serverName
        reply.session = "s-\(link.number)"
        reply.protocol = ProtocolVersion.current
        if role == .agent, let agentID, let status = engine.agentStatus(agentID) {
            reply.agent = agentView(status)
            resynchronize(agentID, status: status, session: link.number)
        }
        return reply
    }

    /// An agent client that (re)connects learns what it would have heard: the offer ringing for
    /// its agent (or the consult asking it to take a call over), or the call it is on, after the
    /// welcome that carries its state.
    private func resynchronize(_ agent: AgentID, status: AgentStatus, session: UInt64) {
        switch status.state {
        case .offered(let call):
            guard let call = engine.callStatus(call) else { return }
            if call.consultTarget == agent, let expires = call.consultExpires, case .connected(let from) = call.state {
                deliver(consultOfferEvent(call.id, from: from, to: agent, expires: expires), to: session, deferringFor: session)
                return
            }
            guard let decision = call.decision, let expires = call.offerExpires else { return }
            deliver(agentOfferEvent(call.id, expires: expires, decision: decision), to: session, deferringFor: session)
        case .busy(let call):
            guard let call = engine.callStatus(call) else { return }
            if case .dialing = call.state, let dial = call.dial {
                // The callback or outbound call it accepted is being dialed.
                deliver(dialEvent(call.id, agent: agent, target: dial, attempt: call.failedDialAttempts + 1), to: session, deferringFor: session)
                return
            }
            guard let since = call.connectedSince else { return }
            var event = WireEvent(.callConnected)
            event.call = call.id.rawValue
            event.agent = agent.rawValue
            event.waitedMs = (since - call.enteredSystem).milliseconds
            deliver(event, to: session, deferringFor: session)
        case .loggedOut, .ready, .wrapUp, .notReady:
            break
        }
    }

    /// The agent a request acts for: the one named, which only a gateway may choose freely.
    private func actingAgent(_ named: String?, link: SessionLink) throws(ProtocolError) -> AgentID {
        let own = link.agents.first
        guard let named else {
            guard let own else { throw ProtocolError(.invalidField, "this connection speaks for no agent: name one in 'agent'") }
            return own
        }
        let agent = AgentID(named)
        if link.agents.contains(agent) { return agent }
        guard link.isGateway else {
            throw ProtocolError(.forbidden, "this connection may act only as agent '\(own?.rawValue ?? "-")'")
        }
        guard engine.agentStatus(agent) != nil else { throw ProtocolError(.unknownAgent, "no agent '\(named)' is configured") }
        sessions[link.number]?.agents.insert(agent)
        agentSessions[agent, default: []].insert(link.number)
        return agent
    }

    private func enqueue(_ call: CallEnqueue, link: SessionLink, reply: inout WireReply) throws(ProtocolError) {
        let id = CallID(call.call)
        let identity = link.adapterIdentity ?? ""
        reply.call = call.call
        // A retry of an enqueue already carried out (e.g. after a reconnect) answers as the first did.
        if let owner = callOwners[id], engine.callStatus(id) != nil {
            guard owner == identity else { throw ProtocolError(.duplicateCall, "call '\(id)' belongs to another adapter") }
            if let status = engine.callStatus(id) {
                reply.queue = status.queues.first?.queue.rawValue
                reply.priority = status.priority
            }
            if let place = engine.position(of: id) {
                reply.position = place.position
                reply.ewtMs = place.estimatedWait?.milliseconds
            }
            return
        }
        let queue: QueueID
        var priority = call.priority ?? 0
        if let named = call.queue {
            queue = QueueID(named)
        } else if let route = settings.route(call.attributes, call.segment) {
            queue = route.queue
            priority = call.priority ?? route.priority
        } else {
            throw ProtocolError(.noRoute, "no routing rule matches the call's attributes and it names no queue")
        }
        let new = NewCall(
            id: id, queue: queue, priority: priority, segment: call.segment, attributes: call.attributes,
            enteredSystem: call.enteredMs.map { Instant(millisecondsSinceEpoch: $0) }, callbackNumber: call.callbackNumber
        )
        guard !isStorageWaiting else {
            throw ProtocolError(.storageUnavailable, "the journal cannot be written, so no new call can be taken safely; calls already held are served")
        }
        callOwners[id] = identity
        let effects: [Effect]
        do {
            effects = try engine.handle(.enqueue(new))
        } catch {
            callOwners[id] = nil
            throw ProtocolError(error)
        }
        record(.enqueue(new), owner: identity, effects: effects)
        reply.queue = queue.rawValue
        // The priority it waits at: its segment's may be higher, or it may be escalated already.
        reply.priority = engine.callStatus(id)?.priority ?? engine.enqueuePriority(new)
        for effect in effects {
            switch effect {
            case .callFinished(id, .rejectedFull):
                publish(effects, answeredBy: id)
                throw ProtocolError(.queueFull, "queue '\(queue)' is full")
            case .callFinished(id, .leftNoAgents):
                publish(effects, answeredBy: id)
                throw ProtocolError(.noAgents, "no agent is logged in to queue '\(queue)' and it takes no calls then")
            case .callFinished(id, .closed(nil)):
                publish(effects, answeredBy: id)
                var error = ProtocolError(.closed, "queue '\(queue)' is closed")
                error.opensMs = engine.queueStatus(queue)?.opening?.until?.millisecondsSinceEpoch
                throw error
            case .callRedirected(id, _, let to):
                reply.queue = to.rawValue
            case .callQueued(id, _, let position, let wait):
                reply.position = position
                reply.ewtMs = wait?.milliseconds
            case .offer(let offer) where offer.call == id:
                reply.ewtMs = 0
            case .dialQueued(id, _, let target, let due):
                reply.kind = target.kind.rawValue
                reply.dueMs = due?.millisecondsSinceEpoch
            default:
                break
            }
        }
        publish(effects, answeredBy: id, deferringFor: link.number)
    }

    /// Applies an engine command and publishes its effects; an adapter's request makes the call its own.
    func apply(_ command: Command, for link: SessionLink, claiming call: CallID? = nil) throws(ProtocolError) {
        let effects: [Effect]
        do {
            effects = try engine.handle(command)
        } catch {
            throw ProtocolError(error)
        }
        let owner = call == nil ? nil : link.adapterIdentity
        if let call, let owner, engine.callStatus(call) != nil {
            callOwners[call] = owner
        }
        record(command, owner: owner, effects: effects)
        publish(effects, deferringFor: link.number)
    }

    /// Why the agent's break has not started, for the reply to the request that asked for it.
    private func pendingBreak(of agent: AgentID) -> String? {
        engine.agentStatus(agent)?.pendingCause?.rawValue
    }

    private func forceState(_ agent: AgentID, to state: ForcedState, reason: String?, link: SessionLink) throws(ProtocolError) {
        guard let status = engine.agentStatus(agent) else { throw ProtocolError(.unknownAgent, "no agent '\(agent)' is configured") }
        let loggedOut = status.state == .loggedOut
        switch state {
        case .ready:
            try apply(loggedOut ? .login(agent: agent) : .ready(agent: agent), for: link)
        case .notReady:
            // A supervisor's word goes past the break policy; a call in progress still ends first.
            try apply(.forceNotReady(agent: agent, reason: NotReadyReason(reason ?? "supervisor")), for: link)
        case .loggedOut:
            try apply(.forceLogout(agent: agent), for: link)
        }
    }
}

extension ProtocolError {
    /// The engine's error, with its stable code.
    init(_ error: EngineError) {
        self.init(ErrorCode(rawValue: error.code) ?? .internalError, error.message)
    }
}
