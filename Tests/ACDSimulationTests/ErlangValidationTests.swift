import ACDCore
import ACDSimulation
import Testing

/// The simulator against queueing theory: one queue, Poisson arrivals, exponential handle times,
/// identical agents, FIFO (longest-idle routing, no wrap-up, agents answer at once). The simulated
/// service level and average speed of answer must agree with Erlang C (Erlang A with exponential
/// patience) within a stated tolerance, and the simulation must be precise enough for that
/// tolerance to mean something: the 95% confidence interval over the replications must be no
/// wider than the tolerance.
///
/// Tolerances: service level within 4 percentage points; ASA within 20% of the prediction, or
/// 1.5 s when that is more. Heavy load needs many calls (waits at 90% occupancy are correlated
/// over hundreds of calls), so the calls per case grow with the load. The seeds are fixed: the
/// outcome is the same on every run.
@Suite struct ErlangValidationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var agents: Int
        var occupancy: Double
        var calls: Int
        var testDescription: String { "\(agents) agents at \(Int(occupancy * 100))% occupancy, \(calls) calls" }
    }

    static let serviceLevelTolerance = 0.04
    static let asaRelativeTolerance = 0.20
    static let asaAbsoluteTolerance = 1.5
    static let replications = 8

    @Test(arguments: [
        Case(agents: 5, occupancy: 0.5, calls: 16_000),
        Case(agents: 5, occupancy: 0.85, calls: 60_000),
        Case(agents: 20, occupancy: 0.7, calls: 30_000),
        Case(agents: 60, occupancy: 0.9, calls: 90_000),
    ])
    func erlangC(_ test: Case) async throws {
        let aht = 180.0
        let callsPerHour = test.occupancy * Double(test.agents) / aht * 3600
        let plan = TestCenters.steadyState(
            agents: test.agents, callsPerHour: callsPerHour, calls: test.calls, replications: Self.replications
        )
        let summary = try await Simulator.replicate(plan, replications: Self.replications, seed: 20_261_128, parallelism: 2)
        let theory = ErlangC(arrivalRate: callsPerHour / 3600, averageHandleTime: aht, agents: test.agents)
        let stream = try #require(summary.streams.first)
        try check(stream, serviceLevel: theory.serviceLevel(threshold: 20), averageSpeedOfAnswer: theory.averageSpeedOfAnswer)
        let occupancy = try #require(stream.occupancy)
        #expect(abs(occupancy.mean - theory.occupancy) <= 0.02)
        #expect(stream.abandoned.mean == 0)
    }

    @Test func erlangAWithExponentialPatience() async throws {
        // 10 agents offered 12 erlangs: overloaded, kept finite by callers who give up after 3
        // minutes on average.
        let plan = TestCenters.steadyState(
            agents: 10, callsPerHour: 240, patience: .exponential(mean: .seconds(180)), calls: 30_000, replications: Self.replications
        )
        let summary = try await Simulator.replicate(plan, replications: Self.replications, seed: 7, parallelism: 2)
        let theory = ErlangA(arrivalRate: 240.0 / 3600, averageHandleTime: 180, averagePatience: 180, agents: 10)
        let stream = try #require(summary.streams.first)
        try check(stream, serviceLevel: theory.serviceLevel(threshold: 20), averageSpeedOfAnswer: theory.averageSpeedOfAnswer)
        let abandonRate = try #require(stream.abandonRate)
        #expect(abs(abandonRate.mean - theory.probabilityOfAbandoning) <= 0.02)
        #expect(try #require(abandonRate.halfWidth) <= 0.02)
    }

    private func check(_ stream: StreamSummary, serviceLevel: Double, averageSpeedOfAnswer: Double) throws {
        let simulatedLevel = try #require(stream.serviceLevel)
        let simulatedSpeed = try #require(stream.averageSpeedOfAnswer)
        let asaTolerance = max(Self.asaAbsoluteTolerance, Self.asaRelativeTolerance * averageSpeedOfAnswer)
        #expect(abs(simulatedLevel.mean - serviceLevel) <= Self.serviceLevelTolerance, "service level \(simulatedLevel) vs \(serviceLevel)")
        #expect(try #require(simulatedLevel.halfWidth) <= Self.serviceLevelTolerance)
        #expect(abs(simulatedSpeed.mean - averageSpeedOfAnswer) <= asaTolerance, "ASA \(simulatedSpeed) vs \(averageSpeedOfAnswer)")
        #expect(try #require(simulatedSpeed.halfWidth) <= asaTolerance)
    }
}
