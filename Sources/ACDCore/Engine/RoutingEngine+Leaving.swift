/// The last agent of a queue leaving: an agent that asks to log out or to go not ready while no
/// other agent staffs one of its queues that has waiting calls is announced (the center's
/// supervisors can react) or refused, as the center says.
extension RoutingEngine {
    /// The queues with waiting calls that only this agent staffs (logged in, not on a not-ready
    /// reason); empty when it is not staffing any.
    func queuesOnlyStaffed(by agent: Int32) -> [QueueID] {
        guard agents[Int(agent)].state.isStaffed else { return [] }
        return agents[Int(agent)].memberships.compactMap { membership in
            let queue = queues[Int(membership.queue)]
            let staffed = queue.loggedIn - queue.notReadyByTier.reduce(0, +)
            return queue.waitingCount > 0 && staffed == 1 ? queue.configuration.id : nil
        }
    }

    /// Before an agent's own logout or not-ready: refuses it, or announces it, when the agent is
    /// the last one staffing a queue with waiting calls.
    func checkLeaving(_ agent: Int32, effects: inout [Effect]) throws(EngineError) {
        let left = queuesOnlyStaffed(by: agent)
        guard !left.isEmpty else { return }
        switch lastAgentLeaving {
        case .refuse:
            throw .lastAgentOfQueue(agent: agents[Int(agent)].id, queues: left)
        case .warn:
            effects.append(.lastAgentLeaving(agent: agents[Int(agent)].id, queues: left))
        }
    }
}
