import ACDCore
import ACDProtocol
import Logging

extension RoutingExecutor {
    func agentView(_ status: AgentStatus) -> AgentView {
        var state = "logged_out"
        var reason: String?
        var call: String?
        var until: Int64?
        switch status.state {
        case .loggedOut: state = "logged_out"
        case .ready: state = "ready"
        case .offered(let offered):
            state = "offered"
            call = offered.rawValue
        case .busy(let busy):
            state = "busy"
            call = busy.rawValue
        case .wrapUp(let end):
            state = "wrap_up"
            until = end.millisecondsSinceEpoch
        case .notReady(let why):
            state = "not_ready"
            reason = why.rawValue
        }
        return AgentView(
            id: status.id.rawValue, name: status.name, state: state, reason: reason, call: call,
            sinceMs: status.since.millisecondsSinceEpoch, untilMs: until,
            restingUntilMs: status.restingUntil?.millisecondsSinceEpoch, pendingReason: status.pendingReason?.rawValue,
            callsAnswered: status.counters.callsAnswered, talkTimeMs: status.counters.talkTimeMilliseconds,
            missedOffers: status.counters.missedOffers, queues: status.queues.map(\.queue.rawValue),
            pending: status.pendingCause?.rawValue, team: status.team,
            breaks: status.breaks.isEmpty ? nil : status.breaks.map { usage in
                BreakView(
                    reason: usage.reason.rawValue, count: usage.count, usedMs: usage.used.milliseconds,
                    countLeft: usage.countLeft, timeLeftMs: usage.timeLeft?.milliseconds
                )
            },
            dailyTarget: status.dailyTarget
        )
    }

    func queueView(_ id: QueueID) -> QueueView? {
        guard let status = engine.queueStatus(id) else { return nil }
        var view = QueueView(
            id: id.rawValue, waiting: status.waiting, oldestEnteredMs: status.oldestWaitingSince?.millisecondsSinceEpoch,
            loggedIn: status.loggedIn, ready: status.ready, notReady: status.notReady,
            averageHandleMs: status.averageHandleTime.milliseconds, ewtMs: status.estimatedWaitForNewCall?.milliseconds
        )
        view.open = status.opening?.isOpen
        view.untilMs = status.opening?.until?.millisecondsSinceEpoch
        view.outboundWaiting = status.outboundWaiting > 0 ? status.outboundWaiting : nil
        view.parkedCallbacks = status.parkedCallbacks > 0 ? status.parkedCallbacks : nil
        return view
    }

    func stats(_ figures: QueueFigures, segments: [SegmentFigures]) -> QueueStats {
        var stats = QueueStats(
            offered: figures.offered, answered: figures.answered, answeredInTime: figures.answeredInTime,
            abandoned: figures.abandoned, serviceLevel: figures.serviceLevel,
            asaMs: figures.averageSpeedOfAnswer?.milliseconds, ahtMs: figures.averageHandleTime?.milliseconds,
            abandonRate: figures.abandonRate,
            segments: segments.isEmpty ? nil : segments.map { segment in
                SegmentStats(
                    segment: segment.segment, offered: segment.offered, answered: segment.answered,
                    answeredInTarget: segment.answeredInTarget, breaches: segment.breaches, escalations: segment.escalations,
                    serviceLevel: segment.serviceLevel
                )
            }
        )
        stats.callbacks = figures.callbacks
        stats.callbacksReached = figures.callbacksReached
        stats.outbound = figures.outbound
        stats.outboundReached = figures.outboundReached
        stats.dialFailures = figures.dialFailures
        return stats
    }

    func callView(_ id: CallID) -> CallView? {
        guard let status = engine.callStatus(id) else { return nil }
        let (state, agents): (String, [String]) = switch status.state {
        case .waiting: ("waiting", [])
        case .offered(let ringing): ("offered", ringing.map(\.rawValue))
        case .connected(let agent): ("connected", [agent.rawValue])
        case .dialing(let agent): ("dialing", [agent.rawValue])
        case .scheduled: ("scheduled", [])
        }
        let place = engine.position(of: id)
        var view = CallView(
            id: id.rawValue, state: state, queue: status.queues.first?.queue.rawValue ?? "",
            queues: status.queues.map(\.queue.rawValue), priority: status.priority, segment: status.segment,
            enteredMs: status.enteredSystem.millisecondsSinceEpoch, agents: agents,
            position: place?.position, ewtMs: place?.estimatedWait?.milliseconds, consultAgent: status.consultTarget?.rawValue
        )
        if let dial = status.dial {
            view.kind = dial.kind.rawValue
            view.number = dial.number
            view.attempts = status.failedDialAttempts
            if case .scheduled(let until) = status.state { view.dueMs = until?.millisecondsSinceEpoch }
        }
        return view
    }
}
