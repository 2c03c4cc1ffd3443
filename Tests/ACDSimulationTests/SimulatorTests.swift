@testable import ACDSimulation
import ACDCore
import Testing

/// The simulator's own behaviour: reproducibility, the simulated clients, staffing, and figures
/// that agree with the engine's.
@Suite struct SimulatorTests {
    private func plan(
        agents: Int = 4, callsPerHour: Double = 60, handleTime: TimeDistribution = .exponential(mean: .seconds(180)),
        patience: TimeDistribution? = nil, wrapUp: Duration = .zero, acceptDelay: Duration = .zero,
        staffing: [Int] = [], duration: Duration = .seconds(8 * 3600), interval: Duration = .seconds(1800)
    ) -> SimulationPlan {
        SimulationPlan(
            center: TestCenters.singleQueue(agents: agents, wrapUp: wrapUp),
            traffic: TrafficModel(
                streams: [TrafficStream(queue: "q", callsPerHour: [callsPerHour], handleTime: handleTime, patience: patience)],
                interval: interval, acceptDelay: acceptDelay
            ),
            staffing: staffing,
            duration: duration
        )
    }

    @Test func theSameSeedGivesTheSameResultAndAnotherSeedAnotherOne() async throws {
        let plan = plan(callsPerHour: 70, patience: .logNormal(mean: .seconds(90), standardDeviation: .seconds(60)))
        let first = try Simulator.run(plan, seed: 42)
        #expect(try Simulator.run(plan, seed: 42) == first)
        #expect(try Simulator.run(plan, seed: 43) != first)
        // Replications do not depend on how many run at once.
        let alone = try await Simulator.replicate(plan, replications: 3, seed: 9, parallelism: 1)
        let together = try await Simulator.replicate(plan, replications: 3, seed: 9, parallelism: 3)
        #expect(alone == together)
        #expect(alone.replications[0] != alone.replications[1])
    }

    @Test func theFiguresAgreeWithTheEnginesOwn() throws {
        // Without warm-up every call counts in both; the engine counts an answer and an abandon
        // the way the simulator does.
        var run = try SimulationRun(
            plan: plan(agents: 3, callsPerHour: 80, patience: .exponential(mean: .seconds(60)), wrapUp: .seconds(15)), seed: 5
        )
        let result = try run.run()
        let engine = try #require(run.engine.queueStatus("q")?.figures)
        let figures = result.streams[0]
        #expect(figures.answered > 100)
        #expect(figures.abandoned > 10)
        #expect(figures.answered == engine.answered)
        #expect(figures.answeredInTime == engine.answeredInTime)
        #expect(figures.abandoned == engine.abandoned)
        #expect(figures.answeredWaitMilliseconds == engine.answeredWaitMilliseconds)
        #expect(figures.handled == engine.handled)
        #expect(figures.handleMilliseconds == engine.handleMilliseconds)
        #expect(figures.offered == engine.offered)
    }

    @Test func aFixedHandleTimeAndWrapUpGiveAnExactHandleTimeAndTheSeriesAddUp() throws {
        let result = try Simulator.run(plan(handleTime: .fixed(.seconds(100)), wrapUp: .seconds(20)), seed: 3)
        let figures = result.streams[0]
        #expect(figures.averageHandleTime == 120)
        #expect(figures.handled > 0)
        #expect(result.series[0].count == 32)
        #expect(result.series[0].reduce(0) { $0 + $1.offered } == figures.offered)
        #expect(result.series[0].reduce(0) { $0 + $1.answered } == figures.answered)
        // 8 hours of one call per minute on 4 agents at 2 minutes each: half their time.
        let occupancy = try #require(result.occupancy)
        #expect(abs(occupancy - 0.5) < 0.05)
    }

    @Test func callersAbandonAtTheirPatience() throws {
        // One agent cannot keep up with a call a minute of 3 minutes each; callers wait 30 s.
        let result = try Simulator.run(plan(agents: 1, patience: .fixed(.seconds(30))), seed: 11)
        let figures = result.streams[0]
        #expect(figures.abandoned > figures.answered)
        #expect(figures.longestWaitMilliseconds <= 30_000)
    }

    @Test func theAcceptDelayIsWaitedAndWorked() throws {
        // Plenty of agents: every call rings exactly 3 s before the agent picks up.
        let result = try Simulator.run(plan(agents: 20, acceptDelay: .seconds(3)), seed: 2)
        let figures = result.streams[0]
        #expect(figures.answered > 0)
        #expect(figures.averageSpeedOfAnswer == 3)
        #expect(figures.longestWaitMilliseconds == 3000)
    }

    @Test func ringAllWithADelayEndsInOneAnswerPerCall() throws {
        var center = TestCenters.singleQueue(agents: 4)
        center.queues[0].strategy = .ringAll
        let plan = SimulationPlan(
            center: center,
            traffic: TrafficModel(
                streams: [TrafficStream(queue: "q", callsPerHour: [60], handleTime: .exponential(mean: .seconds(120)))],
                acceptDelay: .seconds(2)
            ),
            duration: .seconds(4 * 3600)
        )
        let figures = try Simulator.run(plan, seed: 8).streams[0]
        #expect(figures.answered > 200)
        #expect(figures.answered <= figures.offered)
    }

    @Test func shiftsStartAndEndWithTheStaffing() throws {
        // No one in the first half hour, two agents in the second, none after: calls of the first
        // half hour wait, agents leaving mid-call finish it first.
        let result = try Simulator.run(
            plan(agents: 2, callsPerHour: 120, handleTime: .fixed(.seconds(600)), staffing: [0, 2, 0], duration: .seconds(5400)),
            seed: 4
        )
        #expect(result.series[0][1].mostWaiting > 0)
        let figures = result.streams[0]
        // Each agent answers three 10-minute calls in its half hour, perhaps a fourth at its end.
        #expect((6...8).contains(figures.answered))
        #expect(figures.handled == figures.answered)
        #expect(figures.longestWaitMilliseconds > 3_600_000)
    }

    @Test func anAgentBackOnShiftBeforeItsCallEndsStaysOn() throws {
        // Shifts of 2, 1, 2 agents over 10-minute intervals, busy from the first minutes with
        // 25-minute calls: the second agent is asked to leave during its call and is on shift
        // again before the call ends.
        var run = try SimulationRun(
            plan: plan(
                agents: 2, callsPerHour: 120, handleTime: .fixed(.seconds(1500)), staffing: [2, 1, 2],
                duration: .seconds(3600), interval: .seconds(600)
            ),
            seed: 6
        )
        let result = try run.run()
        #expect(result.streams[0].answered >= 4)
        #expect(run.engine.agentStatus("a1")?.state != .loggedOut)
    }

    @Test func aCenterFromAConfigurationWithTiersOverflowAndSkillsRuns() async throws {
        let center = CenterConfiguration(
            queues: [
                QueueConfiguration(id: "sales", requiredSkills: [SkillRequirement("sales")], tierWait: .seconds(20),
                                   overflow: [OverflowStep(after: .seconds(120), action: .leave)]),
                QueueConfiguration(id: "support", requiredSkills: [SkillRequirement("support")], strategy: .fewestCalls,
                                   overflow: [OverflowStep(after: .seconds(60), action: .widen(["sales"]))]),
            ],
            agents: [
                AgentConfiguration(id: "ana", skills: ["sales": 5]),
                AgentConfiguration(id: "bo", skills: ["sales": 3, "support": 5], tiers: ["sales": 2]),
                AgentConfiguration(id: "cy", skills: ["support": 7]),
            ]
        )
        let plan = SimulationPlan(
            center: center,
            traffic: TrafficModel(streams: [
                TrafficStream(queue: "sales", callsPerHour: [40], handleTime: .logNormal(mean: .seconds(200), standardDeviation: .seconds(150))),
                TrafficStream(queue: "sales", priority: 8, callsPerHour: [5], handleTime: .exponential(mean: .seconds(200))),
                TrafficStream(queue: "support", callsPerHour: [20], handleTime: .fixed(.seconds(240)),
                              patience: .exponential(mean: .seconds(300))),
            ]),
            staffing: [5],
            duration: .seconds(6 * 3600)
        )
        let summary = try await Simulator.replicate(plan, replications: 3, seed: 1, parallelism: 2)
        #expect(summary.streams.map(\.name) == ["sales", "sales@8", "support"])
        #expect(summary.streams.allSatisfy { $0.answered.mean > 0 })
        // Sales calls waiting two minutes leave; support callers give up.
        #expect(summary.streams[0].leftByRules.mean > 0)
        #expect(summary.streams[2].abandoned.mean > 0)
    }

    @Test func higherPriorityCallsAreAnsweredFirst() async throws {
        // Two agents offered 2.5 erlangs: ordinary callers wait and give up, VIPs go ahead of them
        // and only wait for the next agent to finish (90 s on average when both are busy).
        let plan = SimulationPlan(
            center: TestCenters.singleQueue(agents: 2),
            traffic: TrafficModel(streams: [
                TrafficStream(queue: "q", callsPerHour: [40], handleTime: .exponential(mean: .seconds(180)),
                              patience: .exponential(mean: .seconds(300))),
                TrafficStream(queue: "q", priority: 8, callsPerHour: [10], handleTime: .exponential(mean: .seconds(180)),
                              patience: .exponential(mean: .seconds(300))),
            ]),
            duration: .seconds(8 * 3600)
        )
        let summary = try await Simulator.replicate(plan, replications: 4, seed: 3, parallelism: 2)
        let ordinary = try #require(summary.streams[0].averageSpeedOfAnswer)
        let vip = try #require(summary.streams[1].averageSpeedOfAnswer)
        #expect(vip.mean < 0.8 * ordinary.mean)
        let ordinaryAbandons = try #require(summary.streams[0].abandonRate)
        let vipAbandons = try #require(summary.streams[1].abandonRate)
        #expect(vipAbandons.mean < 0.75 * ordinaryAbandons.mean)
    }

    @Test func aBadPlanIsRefusedWithItsReason() throws {
        var bad = plan()
        bad.traffic.streams[0].queue = "nowhere"
        #expect(throws: SimulationError.invalidPlan("no queue 'nowhere' is configured")) { try Simulator.run(bad, seed: 1) }
        bad = plan(acceptDelay: .seconds(20))
        #expect(throws: SimulationError.self) { try Simulator.run(bad, seed: 1) }
        bad = plan()
        bad.traffic.streams[0].callsPerHour = [-1]
        #expect(throws: SimulationError.self) { try Simulator.run(bad, seed: 1) }
        bad = plan(handleTime: .exponential(mean: .zero))
        #expect(throws: SimulationError.invalidPlan("stream 'q', handle time: an exponential mean must be positive")) {
            try Simulator.run(bad, seed: 1)
        }
        bad = plan()
        bad.center.queues[0].offerTimeout = .zero
        #expect(throws: SimulationError.self) { try Simulator.run(bad, seed: 1) }
    }

    @Test func theTeamRepeatsTheConfiguredAgentsInOrder() {
        let configured = [AgentConfiguration(id: "ana", name: "Ana"), AgentConfiguration(id: "bo", name: "Bo")]
        #expect(Team.agents(from: configured, count: 5).map(\.id) == ["ana", "bo", "ana#2", "bo#2", "ana#3"])
        #expect(Team.agents(from: configured, count: 1).map(\.id) == ["ana"])
        #expect(Team.agents(from: [], count: 3).isEmpty)
    }
}
