import ACDCore

/// A call's record: its arrival, its moves, its conversations and how it left.
extension RecordKeeper {
    /// Applies `change` to the live call `id`, opening its record when the step's command is its
    /// arrival (an enqueue, or an outbound call pushed). Effects about a call the keeper never saw
    /// arrive (it started while the call was live) are ignored.
    mutating func updateCall(_ id: CallID, in step: inout Step, _ change: (inout CallInProgress) -> Void) {
        guard let key = liveKey(id, in: &step) else { return }
        change(&calls[key]!)
        step.touch(key)
    }

    private mutating func liveKey(_ id: CallID, in step: inout Step) -> CallKey? {
        if let key = live[id] { return key }
        if case .enqueue(let new) = step.command, new.id == id {
            let key = arrivalKey(id, at: step.instant)
            calls[key] = CallInProgress(key: key, new: new, threshold: threshold(of: new.queue))
            calls[key]!.segmentTarget = new.segment.flatMap { segmentTargets?[$0] }
            return key
        }
        if case .pushOutbound(let outbound) = step.command, outbound.id == id {
            let key = arrivalKey(id, at: step.instant)
            calls[key] = CallInProgress(key: key, outbound: outbound, threshold: threshold(of: outbound.queue))
            return key
        }
        return nil
    }

    /// The key of a call arriving now, made live.
    private mutating func arrivalKey(_ id: CallID, at instant: Instant) -> CallKey {
        if latestArrival != instant {
            latestArrival = instant
            arrivalsAtLatest = [:]
        }
        let key = CallKey(call: id, arrived: instant, ordinal: arrivalsAtLatest[id, default: 0])
        arrivalsAtLatest[id, default: 0] += 1
        live[id] = key
        return key
    }

    private func threshold(of queue: QueueID) -> Duration {
        serviceLevelThresholds[queue] ?? QueueConfiguration(id: queue).serviceLevelThreshold
    }

    mutating func moved(_ id: CallID, to queue: QueueID, from: QueueID, kind: QueueEventKind, in step: inout Step) {
        let instant = step.instant
        updateCall(id, in: &step) { call in
            call.history.append(QueueEvent(at: instant, kind: kind, queue: queue, from: from))
            call.currentQueue = queue
        }
    }

    mutating func finish(_ id: CallID, outcome: CallOutcome, in step: inout Step) {
        var hangup: Party?
        if case .hangup(let call, let party) = step.command, call == id { hangup = party }
        endTalk(id, ending: hangup.map { $0 == .caller ? .caller : .agent } ?? .unreported, in: &step)
        let instant = step.instant
        updateCall(id, in: &step) { call in
            call.finished = instant
            call.outcome = outcome
            if call.answered != nil { call.hungUpBy = hangup }
        }
        live[id] = nil
    }

    /// Ends the call's conversation, if one is going on. The agent's wrap-up that follows is
    /// counted for it; if the agent is no longer on the call, there is none.
    mutating func endTalk(_ id: CallID, ending: TalkEnding, in step: inout Step) {
        guard let key = live[id], let connection = calls[key]?.connection else { return }
        calls[key]!.connection = nil
        calls[key]!.talks.append(.init(
            agent: connection.agent, queue: connection.queue, answered: connection.answered, ended: step.instant, ending: ending
        ))
        let talk = TalkReference(call: key, index: calls[key]!.talks.count - 1)
        if let current = agents[connection.agent]?.current, current.activity == .busy, current.call == id {
            agents[connection.agent]!.endedTalk = talk
        } else {
            setWrapUp(.zero, of: talk, in: &step)
        }
        step.touch(key)
    }

    mutating func setWrapUp(_ wrapUp: Duration, of talk: TalkReference, in step: inout Step) {
        guard calls[talk.call] != nil else { return }
        calls[talk.call]!.talks[talk.index].wrapUp = wrapUp
        step.touch(talk.call)
    }
}
