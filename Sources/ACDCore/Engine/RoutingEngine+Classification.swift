/// Wrap-up classification: the call type, motive and sub-motive an agent gives the call it wraps
/// up, checked against the catalogue of the queue it took the call for (after a transfer, each
/// agent classifies its own conversation under its own queue). A queue that requires a
/// classification refuses to end wrap-up without one (`wrapUpDone`, or `ready` during wrap-up);
/// a wrap-up that ends by its timeout ends anyway, the conversation left unclassified.
extension RoutingEngine {
    mutating func wrapUpDone(agent id: AgentID, classification: CallClassification?, effects: inout [Effect]) throws(EngineError) {
        let agent = try agentNumber(id)
        switch agents[Int(agent)].state {
        case .loggedOut:
            throw .agentNotLoggedIn(id)
        case .ready, .notReady, .offered, .busy:
            throw .notInWrapUp(id)
        case .wrapUp:
            if let classified = try checkedClassification(agent, classification) {
                effects.append(classified)
            }
            endWrapUp(agent: agent, effects: &effects)
        }
    }

    /// Checks the classification the agent in wrap-up ends it with (nil: none); returns the
    /// effect that records it, nil when there is none to record.
    func checkedClassification(_ agent: Int32, _ classification: CallClassification?) throws(EngineError) -> Effect? {
        let id = agents[Int(agent)].id
        guard let origin = agents[Int(agent)].wrapUpOf, let call = origin.call, let catalogue = origin.catalogue else {
            if classification != nil { throw .classificationUnavailable(id) }
            return nil
        }
        let queue = queues[Int(catalogue)].configuration
        guard let classification else {
            if queue.classification.required { throw .classificationRequired(agent: id, queue: queue.id) }
            return nil
        }
        try queue.classification.check(classification, agent: id, queue: queue.id)
        return .callClassified(call: call, agent: id, queue: queue.id, classification: classification)
    }

    /// The queue whose catalogue classifies the connected call: the one the agent took it for,
    /// else the call's queue.
    func catalogueQueue(of call: Int32) -> Int32 {
        calls[Int(call)].decision.flatMap { queueNumbers[$0.queue] } ?? calls[Int(call)].home
    }
}
