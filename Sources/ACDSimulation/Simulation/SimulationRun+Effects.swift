import ACDCore

/// How the simulated clients and the measurements follow the engine's effects.
extension SimulationRun {
    /// Follows one batch of effects. They all happened at the engine's `now`: the run advances
    /// the engine to its next deadline exactly, never past one.
    mutating func apply(_ effects: [Effect]) {
        let now = engine.now.millisecondsSinceEpoch
        for effect in effects {
            switch effect {
            case .callQueued(let id, _, _, _):
                guard let call = callNumbers[id], !calls[call].isWaiting, !calls[call].isConnected else { continue }
                calls[call].isWaiting = true
                changeWaiting(stream: calls[call].stream, by: 1, at: now)
            case .offer(let offer):
                guard let call = callNumbers[offer.call], let agent = agentNumbers[offer.agent] else { continue }
                agents[agent].ringing = call
                agents[agent].workQueue = streamQueues[calls[call].stream]
                if acceptDelay == 0 {
                    followUps.append(.accept(call: offer.call, agent: offer.agent))
                } else {
                    events.schedule(.answer(call: call, agent: agent), at: now + acceptDelay)
                }
            case .offerWithdrawn(_, let agent, _):
                if let agent = agentNumbers[agent] {
                    agents[agent].ringing = nil
                }
            case .callConnected(let id, let agent, let waited):
                guard let call = callNumbers[id] else { continue }
                if let agent = agentNumbers[agent] {
                    agents[agent].ringing = nil
                    agents[agent].handling = (call, now)
                }
                connected(call, waited: waited.milliseconds, at: now)
            case .callFinished(let id, let outcome):
                guard let call = callNumbers[id] else { continue }
                callNumbers[id] = nil
                finished(call, outcome: outcome, at: now)
            case .agentStateChanged(let id, let state):
                guard let agent = agentNumbers[id] else { continue }
                agentChanged(agent, to: state, at: now)
            case .tierOpened, .callOverflowed, .callWidened, .callTransferred, .callReprioritized, .callMoved,
                 .callDurationExceeded, .agentMissedOffers, .breakDeferred, .breakStarted, .breakCancelled, .breakQuotaReached,
                 .dailyTargetReached, .lastAgentLeaving, .callClassified, .callSurveyed, .openingChanged, .callRedirected, .serviceLevelEscalated, .serviceLevelBreached,
                 .consultOffered, .consultEnded, .callHandedOver, .callEscalated, .dialQueued, .dialRequested, .dialFailed:
                continue
            }
        }
    }

    private mutating func connected(_ call: Int, waited: Int64, at now: Int64) {
        calls[call].isConnected = true
        let stream = calls[call].stream
        stopWaiting(call, at: now)
        let inTime = waited <= thresholds[stream]
        let bucket = bucket(calls[call].arrival)
        streams[stream].series[bucket].answered += 1
        if inTime { streams[stream].series[bucket].answeredInTime += 1 }
        if calls[call].isMeasured {
            streams[stream].figures.answered += 1
            if inTime { streams[stream].figures.answeredInTime += 1 }
            streams[stream].figures.answeredWaitMilliseconds += waited
            noteWait(waited, stream: stream)
        }
        events.schedule(.hangup(call: call), at: now + calls[call].talk)
    }

    private mutating func finished(_ call: Int, outcome: CallOutcome, at now: Int64) {
        calls[call].isFinished = true
        let stream = calls[call].stream
        stopWaiting(call, at: now)
        if case .abandoned = outcome {
            streams[stream].series[bucket(calls[call].arrival)].abandoned += 1
        }
        guard calls[call].isMeasured else { return }
        switch outcome {
        case .ended:
            return
        case .abandoned:
            streams[stream].figures.abandoned += 1
        case .timedOut:
            streams[stream].figures.timedOut += 1
        case .leftNoAgents:
            streams[stream].figures.leftNoAgents += 1
        case .rejectedFull:
            streams[stream].figures.rejectedFull += 1
        case .overflowedOut:
            streams[stream].figures.overflowedOut += 1
        case .queueRemoved, .closed, .unreached, .cancelled:
            // A simulation never reconfigures its center, closes its queues nor dials.
            return
        }
        noteWait(now - calls[call].arrival, stream: stream)
    }

    private mutating func stopWaiting(_ call: Int, at now: Int64) {
        guard calls[call].isWaiting else { return }
        calls[call].isWaiting = false
        changeWaiting(stream: calls[call].stream, by: -1, at: now)
    }

    mutating func noteWait(_ wait: Int64, stream: Int) {
        streams[stream].figures.longestWaitMilliseconds = max(streams[stream].figures.longestWaitMilliseconds, wait)
    }

    /// The agent's time up to now counts for what it was doing; then it starts on what it does now.
    /// A simulated agent whose shift ended during a call logs out once its wrap-up is over, or
    /// comes back if it is on shift again by then.
    private mutating func agentChanged(_ agent: Int, to state: AgentState, at now: Int64) {
        account(agent, upTo: now)
        if agents[agent].isWrappingUp {
            agents[agent].isWrappingUp = false
            if let handling = agents[agent].handling, calls[handling.call].isMeasured {
                let stream = calls[handling.call].stream
                streams[stream].figures.handled += 1
                streams[stream].figures.handleMilliseconds += now - handling.start
            }
            agents[agent].handling = nil
        }
        switch state {
        case .loggedOut, .notReady:
            agents[agent].activity = .away
        case .ready:
            agents[agent].activity = .idle
        case .offered, .busy:
            agents[agent].activity = .working(queue: agents[agent].workQueue)
        case .wrapUp:
            agents[agent].activity = .working(queue: agents[agent].workQueue)
            agents[agent].isWrappingUp = true
        }
        if state == .notReady(Self.shiftEnd) {
            followUps.append(agent < onShift ? .ready(agent: agents[agent].id) : .logout(agent: agents[agent].id))
        }
    }
}
