import ACDCore

/// Workforce management's question: how many agents each interval needs to reach a service level
/// within a maximum occupancy.
///
/// For one queue of identical agents the Erlang formulas answer (C without abandonment, A with
/// exponential patience) and a steady-state simulation of each interval checks them. Where tiers,
/// skills, priorities or the queue's rules make the formulas inexact, simulation alone answers:
/// the smallest team (in the configured mix, see `Team`) whose simulated service level reaches
/// the target in every stream.
public enum StaffingForecaster {
    /// The staffing of every interval of `request`'s traffic; intervals with the same rates are
    /// computed once.
    public static func forecast(_ request: ForecastRequest) async throws(SimulationError) -> StaffingForecast {
        try request.validate()
        let method = request.method
        var notes: [String] = []
        if method != .simulation, let stream = request.traffic.streams.first {
            let talk = Double(stream.handleTime.mean.milliseconds) / 1000
            if !stream.handleTime.isExponential || averageHandleTime(of: stream, in: request.center) > talk {
                notes.append(
                    "handle times (talk plus wrap-up) are not exponential: the formula is an approximation; the simulation shows by how much"
                )
            }
        }
        var known: [[Double]: IntervalForecast] = [:]
        var intervals: [IntervalForecast] = []
        for index in 0..<request.intervalCount {
            let rates = request.traffic.streams.map { $0.callsPerHour(inInterval: index) }
            var forecast: IntervalForecast
            if let same = known[rates] {
                forecast = same
            } else {
                forecast = try await staff(interval: index, rates: rates, method: method, request: request)
                known[rates] = forecast
            }
            forecast.index = index
            forecast.start = request.traffic.interval * index
            intervals.append(forecast)
        }
        return StaffingForecast(
            method: method, inexactBecause: request.inexactBecause, notes: notes, intervals: intervals, interval: request.traffic.interval
        )
    }

    /// The mean handle time of a stream's calls, wrap-up included: the agents' own wrap-up when
    /// they all have the same, else the queue's.
    private static func averageHandleTime(of stream: TrafficStream, in center: CenterConfiguration) -> Double {
        let queueWrapUp = center.queues.first { $0.id == stream.queue }?.wrapUp ?? .zero
        let own = Set(center.agents.map(\.wrapUp))
        let wrapUp = own.count == 1 ? (own.first ?? nil) ?? queueWrapUp : queueWrapUp
        return Double((stream.handleTime.mean + wrapUp).milliseconds) / 1000
    }

    private static func staff(
        interval: Int, rates: [Double], method: ForecastMethod, request: ForecastRequest
    ) async throws(SimulationError) -> IntervalForecast {
        let streams = request.traffic.streams
        let handleTimes = streams.map { averageHandleTime(of: $0, in: request.center) }
        let load = zip(rates, handleTimes).reduce(0) { $0 + $1.0 / 3600 * $1.1 }
        var forecast = IntervalForecast(index: interval, start: .zero, callsPerHour: rates, load: load, agents: 0)
        guard rates.contains(where: { $0 > 0 }) else { return forecast }
        let threshold = Double(
            (request.center.queues.first { $0.id == streams[0].queue }?.serviceLevelThreshold ?? .zero).milliseconds
        ) / 1000
        let unreachable = SimulationError.invalidPlan("no staffing reaches the target in interval \(interval + 1)")

        switch method {
        case .erlangC:
            guard let (agents, model) = ErlangStaffing.erlangC(
                arrivalRate: rates[0] / 3600, averageHandleTime: handleTimes[0], threshold: threshold, target: request.target
            ) else { throw unreachable }
            forecast.agents = agents
            forecast.model = ModelFigures(model, threshold: threshold)
        case .erlangA:
            let patience = Double((streams[0].patience?.mean ?? .zero).milliseconds) / 1000
            guard let (agents, model) = ErlangStaffing.erlangA(
                arrivalRate: rates[0] / 3600, averageHandleTime: handleTimes[0], averagePatience: patience, threshold: threshold,
                target: request.target
            ) else { throw unreachable }
            forecast.agents = agents
            forecast.model = ModelFigures(model, threshold: threshold)
        case .simulation:
            // Erlang C for all the calls pooled is where the search starts.
            let pooledRate = rates.reduce(0, +) / 3600
            let pooled = ErlangStaffing.erlangC(
                arrivalRate: pooledRate, averageHandleTime: load / pooledRate, threshold: threshold, target: request.target
            )
            let guess = pooled?.agents ?? Int(load) + 1
            var search = StaffingSearch(lowest: 1, guess: guess, highest: 20 * guess + 100)
            var summaries: [Int: SimulationSummary] = [:]
            while let agents = search.candidate {
                let summary = try await simulate(agents: agents, interval: interval, request: request)
                summaries[agents] = summary
                search.record(meets: meets(summary, request.target))
            }
            guard let agents = search.result else { throw unreachable }
            forecast.agents = agents
            return record(summaries[agents], in: forecast, target: request.target)
        }
        guard request.check != nil else { return forecast }
        return record(try await simulate(agents: forecast.agents, interval: interval, request: request), in: forecast, target: request.target)
    }

    private static func simulate(agents: Int, interval: Int, request: ForecastRequest) async throws(SimulationError) -> SimulationSummary {
        let check = request.check ?? SimulationCheck()
        return try await Simulator.replicate(
            request.checkPlan(agents: agents, interval: interval), replications: check.replications, seed: check.seed,
            parallelism: check.parallelism
        )
    }

    private static func record(_ summary: SimulationSummary?, in forecast: IntervalForecast, target: ServiceTarget) -> IntervalForecast {
        var forecast = forecast
        forecast.simulated = summary?.streams
        forecast.simulatedOccupancy = summary?.occupancy
        forecast.simulationMeetsTarget = summary.map { meets($0, target) }
        return forecast
    }

    /// Whether a simulation reached the target: every stream's mean service level (a stream with
    /// no call meets it), and the center's mean occupancy.
    static func meets(_ summary: SimulationSummary, _ target: ServiceTarget) -> Bool {
        summary.streams.allSatisfy { ($0.serviceLevel?.mean ?? 1) >= target.serviceLevel }
            && (summary.occupancy?.mean ?? 0) <= target.maxOccupancy
    }
}
