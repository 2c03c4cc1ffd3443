import ACDCore

/// Callbacks and outbound calls in a call's record: since when the center dials it, and each
/// attempt to reach the customer and how it ended. A reached attempt connects the call: from then
/// on it is recorded like any connected call.
extension RecordKeeper {
    /// The call waits to be dialed. The first time, an inbound call becomes a callback (an
    /// outbound call's record opens as one); after an attempt that did not reach the customer,
    /// `due` is when its next attempt may be made (nil: now).
    mutating func dialQueued(_ id: CallID, target: DialTarget, due: Instant?, in step: inout Step) {
        let instant = step.instant
        updateCall(id, in: &step) { call in
            guard var dial = call.dial else {
                call.dial = DialDraft(kind: target.kind, since: instant)
                return
            }
            if let last = dial.attempts.indices.last, dial.attempts[last].ended == instant, dial.attempts[last].result != .reached {
                dial.attempts[last].retryAt = due ?? instant
            }
            call.dial = dial
        }
    }

    /// The agent accepted the call and dials it: the agent's offer ends accepted and an attempt
    /// begins.
    mutating func dialRequested(_ id: CallID, agent: AgentID, in step: inout Step) {
        let instant = step.instant
        updateCall(id, in: &step) { call in
            let offer = call.endOffer(agent: agent, at: instant, result: .accepted)
            call.dial?.attempts.append(.init(agent: agent, queue: offer?.queue ?? call.currentQueue, started: instant))
        }
    }

    /// The agent's attempt did not reach the customer.
    mutating func dialFailed(_ id: CallID, agent: AgentID, result: DialResult, in step: inout Step) {
        let instant = step.instant
        updateCall(id, in: &step) { call in
            _ = call.dial?.endAttempt(agent: agent, at: instant, result: DialAttemptResult(result))
        }
    }
}
