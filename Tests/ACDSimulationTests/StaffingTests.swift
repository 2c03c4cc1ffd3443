@testable import ACDSimulation
import ACDCore
import Testing

/// The staffing forecast: Erlang staffing against exact values, the search, the choice of method,
/// and simulation alone where no formula fits.
@Suite struct StaffingTests {
    @Test(arguments: [
        // erlangs, target, max occupancy, agents (exact Erlang C, computed with mpmath)
        (10.0, 0.8, 1.0, 14), (10.0, 0.8, 0.7, 15), (50.0, 0.8, 1.0, 56), (5.0, 0.8, 1.0, 8),
    ])
    func erlangCStaffing(load: Double, target: Double, maxOccupancy: Double, agents: Int) throws {
        let found = try #require(ErlangStaffing.erlangC(
            arrivalRate: load / 180, averageHandleTime: 180, threshold: 20,
            target: ServiceTarget(serviceLevel: target, maxOccupancy: maxOccupancy)
        ))
        #expect(found.agents == agents)
        #expect(found.model.agents == agents)
        let fewer = ErlangC(arrivalRate: load / 180, averageHandleTime: 180, agents: agents - 1)
        #expect(fewer.serviceLevel(threshold: 20) < target || fewer.occupancy > maxOccupancy)
    }

    @Test func callersWhoGiveUpNeedFewerAgentsByErlangA() throws {
        let target = ServiceTarget(serviceLevel: 0.8)
        let c = try #require(ErlangStaffing.erlangC(arrivalRate: 20.0 / 180, averageHandleTime: 180, threshold: 20, target: target))
        let a = try #require(ErlangStaffing.erlangA(
            arrivalRate: 20.0 / 180, averageHandleTime: 180, averagePatience: 60, threshold: 20, target: target
        ))
        #expect(a.agents <= c.agents)
        #expect(a.model.serviceLevel(threshold: 20) >= 0.8)
        let fewer = ErlangA(arrivalRate: 20.0 / 180, averageHandleTime: 180, averagePatience: 60, agents: a.agents - 1)
        #expect(fewer.serviceLevel(threshold: 20) < 0.8)
    }

    @Test func theSearchFindsTheSmallestPassingNumberFromAnyGuess() {
        for threshold in [1, 2, 7, 50, 333] {
            for guess in [1, 3, threshold, 100, 1000] {
                var search = StaffingSearch(lowest: 1, guess: guess, highest: 10_000)
                var tests = 0
                while let candidate = search.candidate {
                    search.record(meets: candidate >= threshold)
                    tests += 1
                }
                #expect(search.result == threshold, "threshold \(threshold), guess \(guess)")
                #expect(tests <= 25)
            }
        }
        var hopeless = StaffingSearch(lowest: 1, guess: 5, highest: 40)
        while hopeless.candidate != nil { hopeless.record(meets: false) }
        #expect(hopeless.result == nil)
    }

    private func singleQueueRequest(
        callsPerHour: [Double], patience: TimeDistribution? = nil, handleTime: TimeDistribution = .exponential(mean: .seconds(180)),
        check: SimulationCheck? = SimulationCheck(replications: 3, measured: .seconds(3 * 3600), warmUp: .seconds(1800), parallelism: 2)
    ) -> ForecastRequest {
        ForecastRequest(
            center: TestCenters.singleQueue(agents: 1),
            traffic: TrafficModel(streams: [TrafficStream(queue: "q", callsPerHour: callsPerHour, handleTime: handleTime, patience: patience)]),
            target: ServiceTarget(serviceLevel: 0.8, maxOccupancy: 0.9),
            check: check
        )
    }

    @Test func aSingleQueueIsStaffedByErlangCAndCheckedBySimulation() async throws {
        let forecast = try await StaffingForecaster.forecast(singleQueueRequest(callsPerHour: [100, 200, 0, 100]))
        #expect(forecast.method == .erlangC)
        #expect(forecast.inexactBecause.isEmpty)
        #expect(forecast.notes.isEmpty)
        #expect(forecast.intervals.map(\.agents) == [8, 14, 0, 8])
        #expect(forecast.intervals.map(\.start) == [.zero, .seconds(1800), .seconds(3600), .seconds(5400)])
        #expect(forecast.agentHours == 15)
        let busy = forecast.intervals[1]
        #expect(abs(busy.load - 10) < 1e-9)
        #expect(try #require(busy.model).serviceLevel >= 0.8)
        let simulated = try #require(busy.simulated?.first?.serviceLevel)
        #expect(abs(simulated.mean - (busy.model?.serviceLevel ?? 0)) < 0.08)
        #expect(busy.simulationMeetsTarget != nil)
        // A quiet interval needs no one and is not simulated; a repeated one is the same.
        #expect(forecast.intervals[2].simulated == nil)
        #expect(forecast.intervals[3].simulated == forecast.intervals[0].simulated)
    }

    @Test func impatientCallersAreStaffedByErlangA() async throws {
        let forecast = try await StaffingForecaster.forecast(
            singleQueueRequest(callsPerHour: [300], patience: .exponential(mean: .seconds(90)), check: nil)
        )
        #expect(forecast.method == .erlangA)
        #expect(try #require(forecast.intervals[0].model).abandonRate > 0)
        #expect(forecast.intervals[0].simulated == nil)
    }

    @Test func handleTimesThatAreNotExponentialAreNoted() async throws {
        let forecast = try await StaffingForecaster.forecast(
            singleQueueRequest(callsPerHour: [120], handleTime: .fixed(.seconds(180)), check: nil)
        )
        #expect(forecast.method == .erlangC)
        #expect(forecast.notes.count == 1)
    }

    @Test func tiersAndSkillsAreStaffedBySimulationAlone() async throws {
        // Two queues: sellers take sales, generalists take support and, after 30 s, sales too.
        // Erlang C for the pooled calls is the start; the team (in the configured mix, one
        // generalist for one seller) must reach 80% in each queue.
        let center = CenterConfiguration(
            queues: [
                QueueConfiguration(id: "sales", requiredSkills: [SkillRequirement("sales")], wrapUp: .seconds(20)),
                QueueConfiguration(id: "support", requiredSkills: [SkillRequirement("support")], wrapUp: .seconds(20)),
            ],
            agents: [
                AgentConfiguration(id: "generalist", skills: ["sales": 5, "support": 5], tiers: ["sales": 2]),
                AgentConfiguration(id: "seller", skills: ["sales": 5]),
            ]
        )
        let request = ForecastRequest(
            center: center,
            traffic: TrafficModel(streams: [
                TrafficStream(queue: "sales", callsPerHour: [60], handleTime: .exponential(mean: .seconds(160))),
                TrafficStream(queue: "support", callsPerHour: [30], handleTime: .exponential(mean: .seconds(160))),
            ]),
            target: ServiceTarget(serviceLevel: 0.8),
            check: SimulationCheck(replications: 3, measured: .seconds(4 * 3600), warmUp: .seconds(1800), parallelism: 2)
        )
        #expect(request.inexactBecause.contains("several queues share the agents (skills)"))
        #expect(request.inexactBecause.contains("agents in tiers that join after a wait"))
        let forecast = try await StaffingForecaster.forecast(request)
        #expect(forecast.method == .simulation)
        let interval = forecast.intervals[0]
        #expect(interval.model == nil)
        #expect(interval.simulationMeetsTarget == true)
        #expect(interval.simulated?.allSatisfy { ($0.serviceLevel?.mean ?? 0) >= 0.8 } == true)
        // One agent fewer falls short: the number found is the smallest.
        let fewer = try await Simulator.replicate(
            request.checkPlan(agents: interval.agents - 1, interval: 0), replications: 3, seed: 1, parallelism: 2
        )
        #expect(!StaffingForecaster.meets(fewer, request.target))
        // Pooled Erlang C asks for 5 (4 erlangs); skills and tiers ask for more.
        #expect(interval.agents >= 5)
    }

    @Test func impossibleRequestsAreRefused() async throws {
        var request = singleQueueRequest(callsPerHour: [100])
        request.target.serviceLevel = 1
        await #expect(throws: SimulationError.self) { try await StaffingForecaster.forecast(request) }
        request = singleQueueRequest(callsPerHour: [100])
        request.traffic.acceptDelay = .seconds(2)
        request.check = nil
        await #expect(throws: SimulationError.self) { try await StaffingForecaster.forecast(request) }
        request = singleQueueRequest(callsPerHour: [100])
        request.center.agents = [AgentConfiguration(id: "x", tiers: [:])]
        request.center.queues.append(QueueConfiguration(id: "other"))
        request.center.agents[0].tiers = ["other": 1]
        await #expect(throws: SimulationError.invalidPlan("no agent serves queue 'q', so no staffing can reach the target")) {
            try await StaffingForecaster.forecast(request)
        }
    }
}
