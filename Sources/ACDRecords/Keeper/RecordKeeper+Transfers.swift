import ACDCore

/// Consult transfers and escalations in a call's record.
extension RecordKeeper {
    /// The conversation with `from` ends (ending `consult_transfer`) and one with `to` starts, for
    /// the same queue; the history says who handed the call to whom, asked when.
    mutating func handedOver(_ id: CallID, from: AgentID, to: AgentID, requested: Instant, in step: inout Step) {
        guard let key = live[id], let call = calls[key] else { return }
        let queue = call.connection?.queue ?? call.currentQueue
        endTalk(id, ending: .consultTransfer, in: &step)
        let instant = step.instant
        updateCall(id, in: &step) { call in
            call.history.append(QueueEvent(
                at: instant, kind: .consultTransferred, queue: call.currentQueue, agent: from, toAgent: to, requested: requested
            ))
            call.connection = .init(agent: to, queue: queue, answered: instant)
        }
    }

    /// The conversation ends (ending `escalation`) and the call waits in `to`; the history says
    /// who escalated it (nil: a supervisor).
    mutating func escalated(_ id: CallID, by agent: AgentID?, from: QueueID, to: QueueID, in step: inout Step) {
        endTalk(id, ending: .escalation, in: &step)
        let instant = step.instant
        updateCall(id, in: &step) { call in
            call.history.append(QueueEvent(at: instant, kind: .escalated, queue: to, from: from, agent: agent))
            call.currentQueue = to
        }
    }
}
