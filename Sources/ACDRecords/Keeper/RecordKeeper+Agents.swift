import ACDCore

/// Agents' state intervals, and the wrap-up each conversation is followed by.
extension RecordKeeper {
    mutating func agentChanged(_ agent: AgentID, to state: AgentState, in step: inout Step) {
        var track = agents[agent] ?? AgentTrack()
        let next = Self.interval(of: agent, in: state, from: step.instant)
        if let current = track.current {
            if let next, current.activity == next.activity, current.reason == next.reason, current.call == next.call {
                return
            }
            if current.activity == .wrapUp, let talk = track.wrappingUp {
                setWrapUp(step.instant - current.start, of: talk, in: &step)
                track.wrappingUp = nil
            }
            var closed = current
            closed.end = step.instant
            step.batch.intervals.append(closed)
        }
        if let talk = track.endedTalk {
            track.endedTalk = nil
            if next?.activity == .wrapUp {
                track.wrappingUp = talk
            } else {
                setWrapUp(.zero, of: talk, in: &step)
            }
        }
        track.current = next
        if next?.activity == .wrapUp, let talk = track.wrappingUp {
            track.current?.call = talk.call.call
        }
        if next != nil, !step.enteredState.contains(agent) { step.enteredState.append(agent) }
        agents[agent] = track
    }

    /// The interval an agent entering `state` at `start` begins; nil for logged out.
    static func interval(of agent: AgentID, in state: AgentState, from start: Instant) -> AgentInterval? {
        switch state {
        case .loggedOut:
            nil
        case .ready:
            AgentInterval(agent: agent, start: start, activity: .ready)
        case .offered(let call):
            AgentInterval(agent: agent, start: start, activity: .offered, call: call)
        case .busy(let call):
            AgentInterval(agent: agent, start: start, activity: .busy, call: call)
        case .wrapUp:
            AgentInterval(agent: agent, start: start, activity: .wrapUp)
        case .notReady(let reason):
            AgentInterval(agent: agent, start: start, activity: .notReady, reason: reason)
        }
    }
}
