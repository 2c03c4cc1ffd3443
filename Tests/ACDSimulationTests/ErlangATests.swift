import ACDSimulation
import Testing

/// Erlang A against an independent computation: the same model solved in Python with dense
/// linear algebra (the stationary distribution of the truncated birth-death chain by least
/// squares, the waiting caller's chain by the matrix exponential and the fundamental matrix).
@Suite struct ErlangATests {
    struct Reference: Sendable {
        var callsPerHour: Double
        var patience: Double
        var agents: Int
        var threshold: Double
        var immediate, answered, abandoned, serviceLevel, speed: Double
    }

    @Test(arguments: [
        Reference(callsPerHour: 180, patience: 120, agents: 10, threshold: 20,
                  immediate: 0.6207384503, answered: 0.9029085686, abandoned: 0.0970914314, serviceLevel: 0.7393541473, speed: 9.9933354145),
        Reference(callsPerHour: 240, patience: 180, agents: 10, threshold: 20,
                  immediate: 0.2423921617, answered: 0.7863676470, abandoned: 0.2136323530, serviceLevel: 0.3626193253, speed: 37.7793770302),
        Reference(callsPerHour: 1100, patience: 300, agents: 50, threshold: 20,
                  immediate: 0.1578460107, answered: 0.8959088567, abandoned: 0.1040911433, serviceLevel: 0.3595196332, speed: 31.7033163054),
        Reference(callsPerHour: 90, patience: 600, agents: 5, threshold: 30,
                  immediate: 0.4302199592, answered: 0.9098443605, abandoned: 0.0901556395, serviceLevel: 0.5373354784, speed: 51.3125838660),
    ])
    func againstAnIndependentSolution(_ reference: Reference) {
        let model = ErlangA(
            arrivalRate: reference.callsPerHour / 3600, averageHandleTime: 180, averagePatience: reference.patience, agents: reference.agents
        )
        #expect(abs(model.probabilityOfImmediateAnswer - reference.immediate) < 1e-8)
        #expect(abs(model.probabilityOfAnswer - reference.answered) < 1e-8)
        #expect(abs(model.probabilityOfAbandoning - reference.abandoned) < 1e-8)
        #expect(abs(model.serviceLevel(threshold: reference.threshold) - reference.serviceLevel) < 1e-8)
        #expect(abs(model.averageSpeedOfAnswer - reference.speed) < 1e-6)
    }

    @Test func withInfinitePatienceItIsErlangC() {
        let c = ErlangC(arrivalRate: 45.0 / 180, averageHandleTime: 180, agents: 50)
        let a = ErlangA(arrivalRate: 45.0 / 180, averageHandleTime: 180, averagePatience: 1e9, agents: 50)
        #expect(abs(a.probabilityOfWaiting - c.probabilityOfWaiting) < 1e-6)
        #expect(abs(a.serviceLevel(threshold: 20) - c.serviceLevel(threshold: 20)) < 1e-6)
        #expect(abs(a.averageSpeedOfAnswer - c.averageSpeedOfAnswer) < 1e-3)
        #expect(a.probabilityOfAbandoning < 1e-6)
    }

    @Test func overloadedBeyondCapacityTheSurplusAbandons() {
        // 2,000 erlangs on 1,000 agents with patient callers: half the calls must give up, and
        // the answered load fills the agents.
        let model = ErlangA(arrivalRate: 2000.0 / 180, averageHandleTime: 180, averagePatience: 3600, agents: 1000)
        #expect(abs(model.probabilityOfAbandoning - 0.5) < 1e-3)
        #expect(abs(model.occupancy - 1) < 1e-3)
        #expect(model.serviceLevel(threshold: 20) < 0.01)
        #expect(abs(model.probabilityOfAnswer + model.probabilityOfAbandoning - 1) < 1e-12)
    }

    @Test func aZeroThresholdCountsOnlyImmediateAnswers() {
        let model = ErlangA(arrivalRate: 9.0 / 180, averageHandleTime: 180, averagePatience: 120, agents: 10)
        #expect(model.serviceLevel(threshold: 0) == model.probabilityOfImmediateAnswer)
    }
}
