import ACDCore
import ACDProtocol
import Logging

extension RoutingExecutor {
    /// Turns the engine's effects into events for the adapters, agents and supervisors concerned,
    /// and log lines. `answered` is a call whose enqueue reply already says where it went (no
    /// `call.queued` to its adapter, no `call.leave` when it was refused). Events for the session
    /// `deferringFor` wait until its reply is queued.
    func publish(_ effects: [Effect], answeredBy answered: CallID? = nil, deferringFor requester: UInt64? = nil) {
        for effect in effects {
            switch effect {
            case .callQueued(let call, let queue, let position, let wait):
                logger.info("call queued", metadata: ["call.id": "\(call)", "queue": "\(queue)", "position": "\(position)"])
                var event = WireEvent(.callQueued)
                event.call = call.rawValue
                event.queue = queue.rawValue
                event.position = position
                event.ewtMs = wait?.milliseconds
                if call != answered { toAdapter(owning: call, event, deferringFor: requester) }
                toSupervisors(.calls, event, deferringFor: requester)
            case .offer(let offer):
                logger.info("call offered", metadata: [
                    "call.id": "\(offer.call)", "agent.id": "\(offer.agent)", "queue": "\(offer.decision.queue)",
                    "rule": "\(offer.decision.rule)",
                ])
                var event = WireEvent(.callOffer)
                event.call = offer.call.rawValue
                event.agent = offer.agent.rawValue
                event.contact = settings.contacts[offer.agent]
                event.queue = offer.decision.queue.rawValue
                event.tier = offer.decision.tier
                event.expiresMs = offer.expires.millisecondsSinceEpoch
                event.rule = offer.decision.rule
                event.kind = offer.dial?.kind.rawValue
                // A call the center dials rings no phone yet: its adapter hears `call.dial` once
                // the agent accepts.
                if offer.dial == nil { toAdapter(owning: offer.call, event, deferringFor: requester) }
                toSupervisors(.calls, event, deferringFor: requester)
                toAgent(offer.agent, agentOfferEvent(offer.call, expires: offer.expires, decision: offer.decision), deferringFor: requester)
            case .offerWithdrawn(let call, let agent, let reason):
                logger.info("offer withdrawn", metadata: ["call.id": "\(call)", "agent.id": "\(agent)", "reason": "\(reason.rawValue)"])
                var event = WireEvent(.callWithdraw)
                event.call = call.rawValue
                event.agent = agent.rawValue
                event.reason = reason.rawValue
                toAdapter(owning: call, event, deferringFor: requester)
                toSupervisors(.calls, event, deferringFor: requester)
                var agentEvent = WireEvent(.offerWithdrawn)
                agentEvent.call = call.rawValue
                agentEvent.reason = reason.rawValue
                toAgent(agent, agentEvent, deferringFor: requester)
            case .callConnected(let call, let agent, let waited):
                logger.info("call connected", metadata: ["call.id": "\(call)", "agent.id": "\(agent)", "waited_ms": "\(waited.milliseconds)"])
                callAgents[call] = agent
                var event = WireEvent(.callConnected)
                event.call = call.rawValue
                event.agent = agent.rawValue
                event.waitedMs = waited.milliseconds
                toAdapter(owning: call, event, deferringFor: requester)
                toAgent(agent, event, deferringFor: requester)
                toSupervisors(.calls, event, deferringFor: requester)
            case .tierOpened(let call, let queue, let tier):
                logger.debug("tier opened", metadata: ["call.id": "\(call)", "queue": "\(queue)", "tier": "\(tier)"])
                var event = WireEvent(.callTierOpened)
                event.call = call.rawValue
                event.queue = queue.rawValue
                event.tier = tier
                toSupervisors(.calls, event, deferringFor: requester)
            case .callOverflowed(let call, let from, let to):
                logger.info("call overflowed", metadata: ["call.id": "\(call)", "from": "\(from)", "to": "\(to)"])
                var event = WireEvent(.callOverflow)
                event.call = call.rawValue
                event.from = from.rawValue
                event.to = to.rawValue
                toAdapter(owning: call, event, deferringFor: requester)
                toSupervisors(.calls, event, deferringFor: requester)
            case .callWidened(let call, let queues):
                logger.info("call widened", metadata: ["call.id": "\(call)", "queues": "\(queues.map(\.rawValue))"])
                var event = WireEvent(.callWidened)
                event.call = call.rawValue
                event.queues = queues.map(\.rawValue)
                toAdapter(owning: call, event, deferringFor: requester)
                toSupervisors(.calls, event, deferringFor: requester)
            case .callTransferred(let call, let agent, let from, let to):
                logger.info("call transferred", metadata: ["call.id": "\(call)", "agent.id": "\(agent)", "from": "\(from)", "to": "\(to)"])
                callAgents[call] = nil
                var event = WireEvent(.callTransferred)
                event.call = call.rawValue
                event.agent = agent.rawValue
                event.from = from.rawValue
                event.to = to.rawValue
                toAdapter(owning: call, event, deferringFor: requester)
                toAgent(agent, event, deferringFor: requester)
                toSupervisors(.calls, event, deferringFor: requester)
            case .consultOffered(let call, let from, let to, let expires):
                consultOffered(call, from: from, to: to, expires: expires, deferringFor: requester)
            case .consultEnded(let call, let from, let to, let reason):
                consultEnded(call, from: from, to: to, reason: reason, deferringFor: requester)
            case .callHandedOver(let call, let from, let to, _):
                handedOver(call, from: from, to: to, deferringFor: requester)
            case .callEscalated(let call, let by, let from, let to, let tier):
                escalated(call, by: by, from: from, to: to, tier: tier, deferringFor: requester)
            case .dialQueued(let call, let queue, let target, let due):
                dialQueued(call, queue: queue, target: target, due: due, deferringFor: requester)
            case .dialRequested(let call, let agent, let target, let attempt):
                dialRequested(call, agent: agent, target: target, attempt: attempt, deferringFor: requester)
            case .dialFailed(let call, let agent, let result, let attempt):
                dialFailed(call, agent: agent, result: result, attempt: attempt, deferringFor: requester)
            case .callReprioritized(let call, let priority):
                logger.info("call reprioritized", metadata: ["call.id": "\(call)", "priority": "\(priority)"])
                var event = WireEvent(.callReprioritized)
                event.call = call.rawValue
                event.priority = priority
                toSupervisors(.calls, event, deferringFor: requester)
            case .callMoved(let call, let from, let to):
                logger.info("call moved", metadata: ["call.id": "\(call)", "from": "\(from)", "to": "\(to)"])
                var event = WireEvent(.callMoved)
                event.call = call.rawValue
                event.from = from.rawValue
                event.to = to.rawValue
                toAdapter(owning: call, event, deferringFor: requester)
                toSupervisors(.calls, event, deferringFor: requester)
            case .callFinished(let call, let outcome):
                finished(call, outcome, answered: answered, deferringFor: requester)
            case .callDurationExceeded(let call, let agent, let hard):
                logger.warning("maximum call time passed", metadata: ["call.id": "\(call)", "agent.id": "\(agent)", "hard": "\(hard)"])
                var event = WireEvent(.callMaxDuration)
                event.call = call.rawValue
                event.agent = agent.rawValue
                event.hard = hard
                toAdapter(owning: call, event, deferringFor: requester)
                notice(
                    agent, hard ? "max_call_duration_hard" : "max_call_duration",
                    hard ? "the call passed the hard maximum call time" : "the call passed the maximum call time",
                    topic: .calls, deferringFor: requester
                ) { $0.call = call.rawValue }
            case .agentStateChanged(let agent, let state):
                stateChanged(agent, state, deferringFor: requester)
            case .agentMissedOffers(let agent, let consecutive):
                logger.warning("agent missed offers: made not ready", metadata: ["agent.id": "\(agent)", "consecutive": "\(consecutive)"])
                notice(agent, "missed_offers", "\(agent) missed \(consecutive) offers in a row and was made not ready", deferringFor: requester) {
                    $0.consecutive = consecutive
                }
            case .lastAgentLeaving(let agent, let queues):
                let names = queues.map(\.rawValue).joined(separator: ", ")
                logger.warning("the last agent of queues with waiting calls leaves", metadata: ["agent.id": "\(agent)", "queues": "\(names)"])
                notice(agent, "last_agent_leaving", "\(agent) is the last agent taking the waiting calls of \(names)", deferringFor: requester) {
                    $0.queues = queues.map(\.rawValue)
                }
            case .dailyTargetReached(let agent, let target):
                logger.info("daily target reached", metadata: ["agent.id": "\(agent)", "target": "\(target)"])
                notice(agent, "daily_target_reached", "\(agent) answered \(target) calls today: the daily target is reached", deferringFor: requester) {
                    $0.target = target
                }
            case .breakDeferred(let agent, let reason, let cause):
                logger.info("break pending", metadata: ["agent.id": "\(agent)", "reason": "\(reason)", "pending": "\(cause.rawValue)"])
                let why = switch cause {
                case .onCall: "it starts after the call and wrap-up"
                case .callsWaiting: "calls are waiting; it starts when none waits for you"
                case .teamLimit: "your team is at its limit of agents on break; it starts when a slot frees"
                }
                breakNotice(agent, "break_deferred", reason: reason, pending: cause, "'\(reason)' is pending: \(why)", deferringFor: requester)
            case .breakStarted(let agent, let reason):
                logger.info("pending break started", metadata: ["agent.id": "\(agent)", "reason": "\(reason)"])
                breakNotice(agent, "break_started", reason: reason, "the pending '\(reason)' started", deferringFor: requester)
            case .breakCancelled(let agent, let reason, let refusal):
                logger.info("pending break dropped", metadata: ["agent.id": "\(agent)", "reason": "\(reason)", "code": "\(refusal.rawValue)"])
                let why = switch refusal {
                case .unknownReason: "it is no longer a configured reason"
                case .quotaExhausted: "today's quota is used up"
                case .teamLimit: "the team is at its limit of agents on break"
                }
                breakNotice(
                    agent, "break_cancelled", reason: reason, code: refusal.rawValue, "the pending '\(reason)' was dropped: \(why)",
                    deferringFor: requester
                )
            case .breakQuotaReached(let agent, let reason):
                logger.warning("break past its daily quota", metadata: ["agent.id": "\(agent)", "reason": "\(reason)"])
                breakNotice(agent, "break_quota_reached", reason: reason, "\(agent) used today's time for '\(reason)'", deferringFor: requester)
            case .callClassified(let call, let agent, let queue, let classification):
                logger.info("call classified", metadata: [
                    "call.id": "\(call)", "agent.id": "\(agent)", "queue": "\(queue)", "call_type": "\(classification.callType)",
                ])
            case .callSurveyed(let call, let agent, let queue, let score):
                logger.info("call scored", metadata: ["call.id": "\(call)", "agent.id": "\(agent)", "queue": "\(queue)", "score": "\(score)"])
            case .openingChanged(let queue, let state):
                logger.notice(state.isOpen ? "queue opened" : "queue closed", metadata: [
                    "queue": "\(queue)", "until_ms": "\(state.until.map { "\($0.millisecondsSinceEpoch)" } ?? "-")",
                ])
                var event = WireEvent(state.isOpen ? .queueOpened : .queueClosed)
                event.queue = queue.rawValue
                event.untilMs = state.until?.millisecondsSinceEpoch
                toSupervisors(.queues, event, deferringFor: requester)
            case .callRedirected(let call, let from, let to):
                logger.info("call sent to another queue: its queue is closed", metadata: ["call.id": "\(call)", "from": "\(from)", "to": "\(to)"])
                var event = WireEvent(.callRedirected)
                event.call = call.rawValue
                event.from = from.rawValue
                event.to = to.rawValue
                event.reason = "closed"
                if call != answered { toAdapter(owning: call, event, deferringFor: requester) }
                toSupervisors(.calls, event, deferringFor: requester)
            case .serviceLevelEscalated(let call, let queue, let segment, let priority):
                logger.warning("call escalated before its service-level target", metadata: [
                    "call.id": "\(call)", "queue": "\(queue)", "segment": "\(segment)", "priority": "\(priority)",
                ])
                var event = WireEvent(.callServiceLevelEscalated)
                event.call = call.rawValue
                event.queue = queue.rawValue
                event.segment = segment
                event.priority = priority
                event.reason = "sla"
                toSupervisors(.calls, event, deferringFor: requester)
            case .serviceLevelBreached(let call, let queue, let segment):
                logger.warning("call passed its service-level target", metadata: ["call.id": "\(call)", "queue": "\(queue)", "segment": "\(segment)"])
                var event = WireEvent(.callServiceLevelBreached)
                event.call = call.rawValue
                event.queue = queue.rawValue
                event.segment = segment
                toSupervisors(.calls, event, deferringFor: requester)
            }
        }
    }

    /// A notice about the agent's break, to the agent and to supervisors watching agents.
    private func breakNotice(
        _ agent: AgentID, _ kind: String, reason: NotReadyReason, pending: BreakDeferral? = nil, code: String? = nil,
        _ message: String, deferringFor requester: UInt64?
    ) {
        notice(agent, kind, message, deferringFor: requester) { notice in
            notice.breakReason = reason.rawValue
            notice.pending = pending?.rawValue
            notice.code = code
        }
    }

    /// A `notice` of kind `reason` to the agent's clients and to supervisors watching `topic`;
    /// `details` fills the fields particular to the kind.
    private func notice(
        _ agent: AgentID, _ reason: String, _ message: String, topic: SubscriptionTopic = .agents,
        deferringFor requester: UInt64?, details: (inout WireEvent) -> Void = { _ in }
    ) {
        var notice = WireEvent(.notice)
        notice.agent = agent.rawValue
        notice.reason = reason
        notice.message = message
        details(&notice)
        toAgent(agent, notice, deferringFor: requester)
        toSupervisors(topic, notice, deferringFor: requester)
    }

    private func finished(_ call: CallID, _ outcome: CallOutcome, answered: CallID?, deferringFor requester: UInt64?) {
        var event: WireEvent
        switch outcome {
        case .ended, .abandoned:
            event = WireEvent(.callEnded)
            event.outcome = outcome == .ended ? "ended" : "abandoned"
        case .timedOut, .leftNoAgents, .rejectedFull, .overflowedOut, .queueRemoved, .closed, .unreached, .cancelled:
            event = WireEvent(.callLeave)
            event.reason = switch outcome {
            case .timedOut: "timeout"
            case .leftNoAgents: "no_agents"
            case .rejectedFull: "full"
            case .queueRemoved: "queue_removed"
            case .overflowedOut(let destination): "diverted:\(destination)"
            case .closed: "closed"
            case .unreached: "unreached"
            case .cancelled: "cancelled"
            case .ended, .abandoned: "ended"
            }
            if case .unreached(let attempts) = outcome {
                event.attempt = attempts
            }
            if case .overflowedOut(let destination) = outcome {
                event.reason = "diverted"
                event.destination = destination
            }
            if case .closed(let voicemail) = outcome {
                event.destination = voicemail
            }
        }
        event.call = call.rawValue
        logger.info("call finished", metadata: ["call.id": "\(call)", "outcome": "\(event.outcome ?? event.reason ?? "")"])
        // A call refused on arrival learns it from the enqueue's error; one sent to voicemail on
        // arrival, or gone at once otherwise (a segment's max wait already passed at entry), is
        // taken (ok) and told here.
        let refusedInReply = call == answered && (outcome == .rejectedFull || outcome == .leftNoAgents || outcome == .closed(voicemail: nil))
        if !refusedInReply {
            toAdapter(owning: call, event, deferringFor: requester)
        }
        if let agent = callAgents.removeValue(forKey: call) {
            toAgent(agent, event, deferringFor: requester)
        }
        toSupervisors(.calls, event, deferringFor: requester)
        callOwners[call] = nil
        remember(call, finishedAs: event.outcome ?? event.reason ?? "")
    }

    /// Keeps how `call` ended among the most recent ones (a ring of `recentlyFinishedLimit`).
    private func remember(_ call: CallID, finishedAs outcome: String) {
        if recentlyFinishedOrder.count < recentlyFinishedLimit {
            recentlyFinishedOrder.append(call)
        } else {
            recentlyFinished[recentlyFinishedOrder[recentlyFinishedStart]] = nil
            recentlyFinishedOrder[recentlyFinishedStart] = call
            recentlyFinishedStart = (recentlyFinishedStart + 1) % recentlyFinishedLimit
        }
        recentlyFinished[call] = outcome
    }

    private func stateChanged(_ agent: AgentID, _ state: AgentState, deferringFor requester: UInt64?) {
        var event = WireEvent(.stateChanged)
        event.agent = agent.rawValue
        event.sinceMs = engine.now.millisecondsSinceEpoch
        switch state {
        case .loggedOut: event.state = "logged_out"
        case .ready: event.state = "ready"
        case .offered(let call):
            event.state = "offered"
            event.call = call.rawValue
        case .busy(let call):
            event.state = "busy"
            event.call = call.rawValue
        case .wrapUp(let until):
            event.state = "wrap_up"
            event.untilMs = until.millisecondsSinceEpoch
        case .notReady(let reason):
            event.state = "not_ready"
            event.reason = reason.rawValue
        }
        logger.info("agent state changed", metadata: ["agent.id": "\(agent)", "state": "\(event.state ?? "")", "reason": "\(event.reason ?? "")"])
        toAgent(agent, event, deferringFor: requester)
        toSupervisors(.agents, event, deferringFor: requester)
        if case .wrapUp(let until) = state {
            var wrapUp = WireEvent(.wrapUpStarted)
            wrapUp.agent = agent.rawValue
            wrapUp.untilMs = until.millisecondsSinceEpoch
            if let (queue, catalogue) = engine.wrapUpCatalogue(of: agent) {
                // What the agent classifies the call with, so a thin client can offer the choices.
                wrapUp.queue = queue.rawValue
                wrapUp.classificationRequired = catalogue.required
                wrapUp.callTypes = catalogue.callTypes
                wrapUp.motives = catalogue.motives.map(\.id)
                wrapUp.subMotives = catalogue.motives.flatMap { motive in motive.subMotives.map { "\(motive.id)/\($0)" } }
            }
            toAgent(agent, wrapUp, deferringFor: requester)
        }
    }

    // MARK: Recipients

    func toAdapter(owning call: CallID, _ event: WireEvent, deferringFor requester: UInt64? = nil) {
        guard let identity = callOwners[call], let numbers = adapterSessions[identity] else { return }
        for number in numbers.sorted() { deliver(event, to: number, deferringFor: requester) }
    }

    /// The `offer` event an agent's client gets: the call, its caller data, and until when it rings.
    func agentOfferEvent(_ call: CallID, expires: Instant, decision: RoutingDecision) -> WireEvent {
        var event = WireEvent(.offer)
        event.call = call.rawValue
        event.queue = decision.queue.rawValue
        event.expiresMs = expires.millisecondsSinceEpoch
        event.waitedMs = decision.waited.milliseconds
        event.priority = decision.priority
        if let status = engine.callStatus(call) {
            event.segment = status.segment
            event.attributes = status.attributes
            event.kind = status.dial?.kind.rawValue
            event.number = status.dial?.number
        }
        return event
    }

    func toAgent(_ agent: AgentID, _ event: WireEvent, deferringFor requester: UInt64?) {
        guard let numbers = agentSessions[agent] else { return }
        for number in numbers.sorted() { deliver(event, to: number, deferringFor: requester) }
    }

    func toSupervisors(_ topic: SubscriptionTopic, _ event: WireEvent, deferringFor requester: UInt64?) {
        for number in subscribers.sorted() where sessions[number]?.wants(topic) == true {
            deliver(event, to: number, deferringFor: requester)
        }
    }

    func deliver(_ event: WireEvent, to number: UInt64, deferringFor requester: UInt64?) {
        if number == requester {
            pendingEvents[number, default: []].append(event)
        } else {
            send(event, to: number)
        }
    }
}
