/// What supervisors do to calls that wait or ring: change their priority, move them.
extension RoutingEngine {
    mutating func reprioritize(call id: CallID, priority: Int, effects: inout [Effect]) throws(EngineError) {
        let call = try callNumber(id)
        guard (0...9).contains(priority) else { throw .invalidPriority(priority) }
        switch calls[Int(call)].phase {
        case .connected:
            throw .callAlreadyConnected(id)
        case .dialing:
            throw .dialInProgress(id)
        case .waiting:
            unindexCall(call)
            calls[Int(call)].priority = priority
            indexCall(call)
        case .offered, .scheduled:
            // Indexed again with its new priority if the offer ends without an answer, or when
            // the scheduled call goes in line.
            calls[Int(call)].priority = priority
        }
        effects.append(.callReprioritized(call: id, priority: priority))
    }

    mutating func move(call id: CallID, to target: QueueID, effects: inout [Effect]) throws(EngineError) {
        let call = try callNumber(id)
        let queue = try queueNumber(target)
        if case .connected = calls[Int(call)].phase { throw .callAlreadyConnected(id) }
        if case .dialing = calls[Int(call)].phase { throw .dialInProgress(id) }
        if let limit = queues[Int(queue)].configuration.maxLength, queues[Int(queue)].waitingCount >= limit {
            throw .queueFull(target)
        }
        let from = queues[Int(calls[Int(call)].home)].configuration.id
        var released: [Int32] = []
        switch calls[Int(call)].phase {
        case .connected, .dialing:
            return
        case .waiting:
            unindexCall(call)
        case .scheduled(let deadline):
            // A supervisor's move puts a scheduled call in line in the new queue at once.
            deadlines.cancel(deadline)
            unpark(call)
            calls[Int(call)].dial?.due = nil
            calls[Int(call)].phase = .waiting
        case .offered(let ringing):
            for ring in ringing {
                deadlines.cancel(ring.expiry)
                effects.append(.offerWithdrawn(call: id, agent: self.id(ofAgent: ring.agent), reason: .callMoved))
            }
            calls[Int(call)].phase = .waiting
            released = ringing.map(\.agent)
        }
        rehome(call, to: queue)
        effects.append(.callMoved(call: id, from: from, to: target))
        if let task = calls[Int(call)].dial, task.target.kind == .callback, !isOpen(queue) {
            // A callback moved to a closed queue waits for its opening there.
            unindexCall(call)
            park(call)
            effects.append(.dialQueued(call: id, queue: target, target: task.target, due: nil))
        } else {
            effects.append(queuedEffect(call))
            routeCall(call, trigger: .queuesChanged, effects: &effects)
        }
        for agent in released {
            becomeReady(agent, effects: &effects)
        }
    }
}
