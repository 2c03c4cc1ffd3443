import ACDCore
import ACDProtocol
import Logging

/// Callbacks and outbound calls over the socket: the adapter's requests (`call.callback`,
/// `call.outbound`, `call.dial_result`) and the events that tell it when to dial
/// (`call.dial_queued`, `call.dial`, `call.dial_failed`). A call the center dials has no caller on
/// the line, so its adapter may go away meanwhile: only an attempt in progress is ended (as not
/// answered) when the adapter does not come back.
extension RoutingExecutor {
    func requestCallback(call: String, number: String, notBeforeMs: Int64?, link: SessionLink, reply: inout WireReply) throws(ProtocolError) {
        let id = CallID(call)
        // A retry of a callback already taken answers as the first did.
        if let status = engine.callStatus(id), status.dial?.kind == .callback, status.dial?.number == number {
            describeDial(id, in: &reply)
            return
        }
        try apply(
            .requestCallback(call: id, number: number, notBefore: notBeforeMs.map { Instant(millisecondsSinceEpoch: $0) }),
            for: link, claiming: id
        )
        describeDial(id, in: &reply)
    }

    func pushOutbound(_ request: OutboundRequest, link: SessionLink, reply: inout WireReply) throws(ProtocolError) {
        let id = CallID(request.call)
        let identity = link.adapterIdentity ?? ""
        // A retry (e.g. after a reconnect) of an outbound call already taken answers as the first did.
        if let owner = callOwners[id], engine.callStatus(id) != nil {
            guard owner == identity else { throw ProtocolError(.duplicateCall, "call '\(id)' belongs to another adapter") }
            describeDial(id, in: &reply)
            return
        }
        guard !isStorageWaiting else {
            throw ProtocolError(.storageUnavailable, "the journal cannot be written, so no new call can be taken safely; calls already held are served")
        }
        let command = Command.pushOutbound(OutboundCall(
            id: id, queue: QueueID(request.queue), number: request.number, priority: request.priority,
            attributes: request.attributes, notBefore: request.notBeforeMs.map { Instant(millisecondsSinceEpoch: $0) }
        ))
        let effects: [Effect]
        do {
            effects = try engine.handle(command)
        } catch {
            throw ProtocolError(error)
        }
        callOwners[id] = identity
        record(command, owner: identity, effects: effects)
        describeDial(id, in: &reply)
        publish(effects, deferringFor: link.number)
    }

    func dialResult(call: String, result: DialOutcome, link: SessionLink) throws(ProtocolError) {
        let engineResult: DialResult = switch result {
        case .reached: .reached
        case .noAnswer: .noAnswer
        case .retry(let atMs): .retry(at: Instant(millisecondsSinceEpoch: atMs))
        case .failed: .failed
        }
        try apply(.dialResult(call: CallID(call), result: engineResult), for: link, claiming: CallID(call))
    }

    /// The reply's account of a call waiting to be dialed: its queue, kind, and when it is out of
    /// line, until when.
    func describeDial(_ id: CallID, in reply: inout WireReply) {
        reply.call = id.rawValue
        guard let status = engine.callStatus(id) else { return }
        reply.queue = status.queues.first?.queue.rawValue
        reply.priority = status.priority
        reply.kind = status.dial?.kind.rawValue
        if case .scheduled(let until) = status.state {
            reply.dueMs = until?.millisecondsSinceEpoch
        }
        if let place = engine.position(of: id) {
            reply.position = place.position
        }
    }

    // MARK: Events

    func dialQueued(_ call: CallID, queue: QueueID, target: DialTarget, due: Instant?, deferringFor requester: UInt64?) {
        logger.info("call waits to be dialed", metadata: [
            "call.id": "\(call)", "queue": "\(queue)", "kind": "\(target.kind.rawValue)",
            "due_ms": "\(due.map { String($0.millisecondsSinceEpoch) } ?? "-")",
        ])
        var event = WireEvent(.callDialQueued)
        event.call = call.rawValue
        event.queue = queue.rawValue
        event.kind = target.kind.rawValue
        event.number = target.number
        event.dueMs = due?.millisecondsSinceEpoch
        callAgents[call] = nil
        toAdapter(owning: call, event, deferringFor: requester)
        toSupervisors(.calls, event, deferringFor: requester)
    }

    func dialRequested(_ call: CallID, agent: AgentID, target: DialTarget, attempt: Int, deferringFor requester: UInt64?) {
        logger.info("call to dial", metadata: ["call.id": "\(call)", "agent.id": "\(agent)", "kind": "\(target.kind.rawValue)", "attempt": "\(attempt)"])
        callAgents[call] = agent
        let event = dialEvent(call, agent: agent, target: target, attempt: attempt)
        toAdapter(owning: call, event, deferringFor: requester)
        toAgent(agent, event, deferringFor: requester)
        toSupervisors(.calls, event, deferringFor: requester)
    }

    /// The `call.dial` event: dial `target` and connect it to the agent (its contact).
    func dialEvent(_ call: CallID, agent: AgentID, target: DialTarget, attempt: Int) -> WireEvent {
        var event = WireEvent(.callDial)
        event.call = call.rawValue
        event.agent = agent.rawValue
        event.contact = settings.contacts[agent]
        event.kind = target.kind.rawValue
        event.number = target.number
        event.attempt = attempt
        return event
    }

    func dialFailed(_ call: CallID, agent: AgentID, result: DialResult, attempt: Int, deferringFor requester: UInt64?) {
        logger.info("dial attempt failed", metadata: ["call.id": "\(call)", "agent.id": "\(agent)", "result": "\(result.name)", "attempt": "\(attempt)"])
        var event = WireEvent(.callDialFailed)
        event.call = call.rawValue
        event.agent = agent.rawValue
        event.result = result.name
        event.attempt = attempt
        toAgent(agent, event, deferringFor: requester)
        toSupervisors(.calls, event, deferringFor: requester)
    }
}
