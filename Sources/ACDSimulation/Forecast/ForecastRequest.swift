public import ACDCore

/// What a staffing forecast is asked: the center (its queues, and the team whose mix the agents
/// follow, see `Team`), the calls per interval, the target, and how to simulate.
public struct ForecastRequest: Equatable, Sendable {
    /// The queues, and the team whose mix the staffing follows.
    public var center: CenterConfiguration
    /// The streams' rates per interval give the intervals to staff.
    public var traffic: TrafficModel
    /// The service level and occupancy to reach.
    public var target: ServiceTarget
    /// Nil: no simulation. The Erlang figures are then unchecked, and a center no formula fits
    /// cannot be forecast.
    public var check: SimulationCheck?

    /// A request, checked by simulation with `SimulationCheck`'s defaults unless told otherwise.
    public init(center: CenterConfiguration, traffic: TrafficModel, target: ServiceTarget, check: SimulationCheck? = SimulationCheck()) {
        self.center = center
        self.traffic = traffic
        self.target = target
        self.check = check
    }

    /// The number of intervals: the longest list of rates.
    public var intervalCount: Int {
        traffic.streams.map(\.callsPerHour.count).max() ?? 0
    }

    /// Why no Erlang formula describes this center exactly; empty when one does (one queue, one
    /// stream, identical agents answering at once in one tier, no rule that removes calls, and
    /// patience either infinite or exponential).
    public var inexactBecause: [String] {
        var reasons: [String] = []
        if center.queues.count > 1 { reasons.append("several queues share the agents (skills)") }
        let queues = traffic.streams.map(\.queue)
        if Set(queues).count < queues.count { reasons.append("several call streams in one queue (priorities)") }
        let tiered = center.queues.contains { queue in
            queue.tierWait > .zero && center.agents.contains { ($0.tiers[queue.id] ?? 1) > 1 }
        }
        if tiered { reasons.append("agents in tiers that join after a wait") }
        if center.queues.contains(where: { !$0.overflow.isEmpty || $0.maxLength != nil || $0.maxWaitWithNoAgent != nil }) {
            reasons.append("max-wait, overflow or queue-length rules")
        }
        if Set(center.agents.map(\.wrapUp)).count > 1 { reasons.append("agents with different wrap-up times") }
        if let queue = center.queues.first, center.queues.count == 1,
           servedQueues().contains(where: { !$0.contains(queue.id) }) {
            reasons.append("agents who do not serve the queue")
        }
        if traffic.acceptDelay > .zero { reasons.append("agents take time to answer an offer") }
        if traffic.streams.contains(where: { $0.patience.map { !$0.isExponential } ?? false }) {
            reasons.append("patience that is not exponential")
        }
        return reasons
    }

    /// How the forecast is made.
    public var method: ForecastMethod {
        guard inexactBecause.isEmpty else { return .simulation }
        return traffic.streams.first?.patience == nil ? .erlangC : .erlangA
    }

    /// Checks the request; the first problem is thrown.
    public func validate() throws(SimulationError) {
        guard target.serviceLevel > 0, target.serviceLevel < 1 else {
            throw .invalidPlan("the service-level target must be above 0% and below 100%")
        }
        guard target.maxOccupancy > 0, target.maxOccupancy <= 1 else {
            throw .invalidPlan("the maximum occupancy must be above 0% and at most 100%")
        }
        do {
            _ = try RoutingEngine(configuration: center, start: Instant(millisecondsSinceEpoch: 0))
        } catch {
            throw .configuration(error)
        }
        try checkPlan(agents: 1, interval: 0).validate()
        if let check {
            guard check.replications >= 2 else { throw .invalidPlan("a simulation check needs at least 2 replications") }
            guard check.measured > .zero else { throw .invalidPlan("a simulation check must measure a positive duration") }
        } else if method == .simulation {
            throw .invalidPlan("no formula fits this center (\(inexactBecause.joined(separator: "; "))): it needs the simulation")
        }
        let served = servedQueues().reduce(into: Set<QueueID>()) { $0.formUnion($1) }
        for stream in traffic.streams where !served.contains(stream.queue) {
            throw .invalidPlan("no agent serves queue '\(stream.queue)', so no staffing can reach the target")
        }
    }

    /// The queues each configured agent serves, as the engine derives them; empty sets for a
    /// configuration the engine refuses (`validate` reports it).
    private func servedQueues() -> [Set<QueueID>] {
        guard let engine = try? RoutingEngine(configuration: center, start: Instant(millisecondsSinceEpoch: 0)) else {
            return center.agents.map { _ in [] }
        }
        return center.agents.map { Set(engine.agentStatus($0.id)?.queues.map(\.queue) ?? []) }
    }

    /// The steady-state simulation of interval `interval` with `agents` agents.
    func checkPlan(agents: Int, interval: Int) -> SimulationPlan {
        let check = check ?? SimulationCheck()
        var steady = traffic
        steady.streams = traffic.streams.map { stream in
            var constant = stream
            constant.callsPerHour = [stream.callsPerHour(inInterval: interval)]
            return constant
        }
        let duration = check.warmUp + check.measured
        return SimulationPlan(
            center: center, traffic: steady, staffing: [agents], duration: duration, warmUp: check.warmUp, seriesInterval: duration
        )
    }
}
