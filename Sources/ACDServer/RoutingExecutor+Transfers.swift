import ACDCore
import ACDProtocol
import Logging

/// The events of consult transfers and escalations: the target agent is asked
/// (`consult.offered`), both agents hear how a consult ended (`consult.ended`), the adapter is told
/// to connect the call to the consenting agent (`call.handover`, which both agents get too), and an
/// escalated call's adapter and agent hear where it waits (`call.escalated`). Supervisors watching
/// calls get them all.
extension RoutingExecutor {
    func consultOffered(_ call: CallID, from: AgentID, to: AgentID, expires: Instant, deferringFor requester: UInt64?) {
        logger.info("consult transfer offered", metadata: ["call.id": "\(call)", "agent.id": "\(to)", "from": "\(from)"])
        let event = consultOfferEvent(call, from: from, to: to, expires: expires)
        toAgent(to, event, deferringFor: requester)
        toSupervisors(.calls, event, deferringFor: requester)
    }

    /// The `consult.offered` event: the call, who asks, until when, and the caller data.
    func consultOfferEvent(_ call: CallID, from: AgentID, to: AgentID, expires: Instant) -> WireEvent {
        var event = WireEvent(.consultOffered)
        event.call = call.rawValue
        event.agent = to.rawValue
        event.from = from.rawValue
        event.expiresMs = expires.millisecondsSinceEpoch
        if let status = engine.callStatus(call) {
            event.queue = status.queues.first?.queue.rawValue
            event.priority = status.priority
            event.segment = status.segment
            event.attributes = status.attributes
        }
        return event
    }

    func consultEnded(_ call: CallID, from: AgentID, to: AgentID, reason: ConsultEnding, deferringFor requester: UInt64?) {
        logger.info("consult transfer ended", metadata: ["call.id": "\(call)", "agent.id": "\(to)", "from": "\(from)", "reason": "\(reason.rawValue)"])
        var event = WireEvent(.consultEnded)
        event.call = call.rawValue
        event.agent = to.rawValue
        event.from = from.rawValue
        event.reason = reason.rawValue
        toAgent(from, event, deferringFor: requester)
        toAgent(to, event, deferringFor: requester)
        toSupervisors(.calls, event, deferringFor: requester)
    }

    func handedOver(_ call: CallID, from: AgentID, to: AgentID, deferringFor requester: UInt64?) {
        logger.info("call handed over", metadata: ["call.id": "\(call)", "agent.id": "\(to)", "from": "\(from)"])
        callAgents[call] = to
        var event = WireEvent(.callHandover)
        event.call = call.rawValue
        event.agent = to.rawValue
        event.from = from.rawValue
        event.contact = settings.contacts[to]
        toAdapter(owning: call, event, deferringFor: requester)
        toAgent(from, event, deferringFor: requester)
        toAgent(to, event, deferringFor: requester)
        toSupervisors(.calls, event, deferringFor: requester)
    }

    func escalated(_ call: CallID, by: AgentID?, from: QueueID, to: QueueID, tier: Int?, deferringFor requester: UInt64?) {
        logger.info("call escalated", metadata: ["call.id": "\(call)", "agent.id": "\(by?.rawValue ?? "-")", "from": "\(from)", "to": "\(to)"])
        let agent = callAgents.removeValue(forKey: call)
        var event = WireEvent(.callEscalated)
        event.call = call.rawValue
        event.agent = by?.rawValue
        event.from = from.rawValue
        event.to = to.rawValue
        event.tier = tier
        toAdapter(owning: call, event, deferringFor: requester)
        if let agent { toAgent(agent, event, deferringFor: requester) }
        toSupervisors(.calls, event, deferringFor: requester)
    }
}
