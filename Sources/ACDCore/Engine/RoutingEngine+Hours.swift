/// Business hours: the shell says when a queue opens and closes (`setOpen`, computed from the
/// calendar it alone can read); a closed queue gives arriving calls its closed treatment, and on
/// closing its waiting calls get the closing treatment. Agents are not affected: they may work
/// outside hours, and calls already in line are routed as usual.
extension RoutingEngine {
    /// Where a closed queue's calls go, once its treatment is followed.
    enum ClosedRoute {
        /// To this queue, which is open (or is the arrival queue, open).
        case queue(Int32)
        /// Out of the center, with this outcome.
        case leave(CallOutcome)
        /// Kept as a callback in this closed queue, if a number to call back is known.
        case callback(Int32)
    }

    mutating func setOpen(queue id: QueueID, state: OpeningState, effects: inout [Effect]) throws(EngineError) {
        let queue = try queueNumber(id)
        let wasOpen = isOpen(queue)
        queues[Int(queue)].opening = state
        guard wasOpen != state.isOpen else { return }
        effects.append(.openingChanged(queue: id, state: state))
        guard !state.isOpen else {
            releaseParkedCallbacks(of: queue, effects: &effects)
            return
        }
        parkCallbacks(of: queue)
        guard queues[Int(queue)].configuration.hours?.atClosing == .leave else { return }
        // The only walk over a queue's calls here, once per closing; outbound calls stay.
        for key in queues[Int(queue)].waiting[0].elements where calls[Int(key.call)].home == queue && calls[Int(key.call)].dial == nil {
            unindexCall(key.call)
            switch closedRoute(from: queue) {
            case .leave(let outcome):
                finish(key.call, outcome: outcome, effects: &effects)
            case .callback:
                // A caller still on the line gave no number to call back.
                finish(key.call, outcome: .closed(voicemail: nil), effects: &effects)
            case .queue(let target):
                if let limit = queues[Int(target)].configuration.maxLength, queues[Int(target)].waitingCount >= limit {
                    finish(key.call, outcome: .closed(voicemail: nil), effects: &effects)
                    continue
                }
                rehome(key.call, to: target)
                effects.append(.callRedirected(call: calls[Int(key.call)].id, from: id, to: queues[Int(target)].configuration.id))
                effects.append(queuedEffect(key.call))
                routeCall(key.call, trigger: .queuesChanged, effects: &effects)
            }
        }
    }

    /// The queue a call arriving at `queue` goes to: `queue` itself while it is open, or where
    /// its closed treatment sends it (announced with `callRedirected`), and whether it is parked
    /// there as a callback until the queue opens. Nil when the call left because of the
    /// treatment (refused or sent to voicemail; counted as offered in `queue`).
    mutating func admit(_ call: NewCall, arrivingAt queue: Int32, effects: inout [Effect]) -> (queue: Int32, parked: Bool)? {
        var route = closedRoute(from: queue)
        if case .callback = route, call.callbackNumber?.isEmpty ?? true {
            route = .leave(.closed(voicemail: nil))
        }
        switch route {
        case .queue(let target), .callback(let target):
            if target != queue {
                effects.append(.callRedirected(call: call.id, from: queues[Int(queue)].configuration.id, to: queues[Int(target)].configuration.id))
            }
            if case .callback = route { return (target, true) }
            return (target, false)
        case .leave(let outcome):
            queues[Int(queue)].figures.offered += 1
            effects.append(.callFinished(call: call.id, outcome: outcome))
            return nil
        }
    }

    /// Follows closed queues' treatments from `queue`: the first open queue, or the outcome of a
    /// call refused or sent to voicemail. Queues that send their calls to each other while all
    /// closed refuse them.
    func closedRoute(from queue: Int32) -> ClosedRoute {
        var current = queue
        var visited: Set<Int32> = []
        while !isOpen(current) {
            guard visited.insert(current).inserted else { return .leave(.closed(voicemail: nil)) }
            switch queues[Int(current)].configuration.hours?.whenClosed ?? .refuse {
            case .refuse:
                return .leave(.closed(voicemail: nil))
            case .voicemail(let destination):
                return .leave(.closed(voicemail: destination))
            case .sendTo(let target):
                guard let next = queueNumbers[target] else { return .leave(.closed(voicemail: nil)) }
                current = next
            case .callback:
                return .callback(current)
            }
        }
        return .queue(current)
    }

    func isOpen(_ queue: Int32) -> Bool {
        queues[Int(queue)].opening?.isOpen ?? true
    }
}
