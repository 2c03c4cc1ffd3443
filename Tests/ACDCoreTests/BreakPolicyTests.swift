import ACDCore
import Foundation
import Testing

/// Breaks under the center's policy: reasons and daily quotas, no break while calls wait, team
/// limits (refused or queued), supervisors' force, the day's reset, and the quota announced
/// during a break.
@Suite struct BreakPolicyTests {
    static let coffee = BreakReason(.onBreak, dailyCount: 2, dailyTime: .seconds(60), staggered: true)
    static let lunch = BreakReason(.lunch, dailyCount: 1, staggered: true)
    static let training = BreakReason(.training)

    func center(
        deferring: Bool = false, limit: BreakPolicy.Limit? = .agents(1), overLimit: BreakPolicy.OverLimit = .refuse,
        reasons: [BreakReason] = [coffee, lunch, training]
    ) throws -> CenterHarness {
        try CenterHarness(
            queues: [queue("q")],
            agents: [
                agent("ana", tiers: ["q": 1], team: "north"), agent("bo", tiers: ["q": 1], team: "north"),
                agent("cy", tiers: ["q": 1], team: "north"), agent("di", tiers: ["q": 1], team: "south"),
            ],
            breaks: BreakPolicy(reasons: reasons, deferWhileCallsWait: deferring, maxOnBreak: limit, overLimit: overLimit)
        )
    }

    /// An agent's use of one reason today, as `AgentStatus.breaks` tells it.
    struct Usage: Equatable {
        var count: Int
        var used: Duration
        var countLeft: Int?
        var timeLeft: Duration?
    }

    func usage(_ center: CenterHarness, _ agent: AgentID, _ reason: NotReadyReason) -> Usage? {
        center.engine.agentStatus(agent)?.breaks.first { $0.reason == reason }.map {
            Usage(count: $0.count, used: $0.used, countLeft: $0.countLeft, timeLeft: $0.timeLeft)
        }
    }

    /// Everything observable, to tell that a refused request changed nothing.
    func fingerprint(_ engine: RoutingEngine) -> String {
        var lines: [String] = ["\(engine.now)"]
        for id in engine.agentIDs { lines.append("\(String(describing: engine.agentStatus(id)))") }
        for id in engine.liveCallIDs { lines.append("\(String(describing: engine.callStatus(id)))") }
        for name in engine.teamNames { lines.append("\(String(describing: engine.teamStatus(name)))") }
        return lines.joined(separator: "\n")
    }

    func expectRefused(_ center: inout CenterHarness, _ command: Command, _ error: EngineError) {
        let before = fingerprint(center.engine)
        #expect(throws: error) { try center.engine.handle(command) }
        #expect(fingerprint(center.engine) == before)
    }

    // MARK: Reasons and quotas

    @Test func anUnknownReasonIsRefusedOnlyWhenReasonsAreConfigured() throws {
        var center = try center()
        try center.login("ana")
        expectRefused(&center, .notReady(agent: "ana", reason: "nap"), .unknownReason(agent: "ana", reason: "nap"))
        expectRefused(&center, .login(agent: "bo", notReady: "nap"), .unknownReason(agent: "bo", reason: "nap"))
        // `login` stays the reason of an agent that logs in not ready.
        try center.at(1, .login(agent: "bo", notReady: .login))
        #expect(center.state("bo") == .notReady(.login))

        var open = try self.center(reasons: [])
        try open.login("ana")
        try open.at(1, .notReady(agent: "ana", reason: "nap"))
        #expect(open.state("ana") == .notReady("nap"))
        #expect(open.engine.agentStatus("ana")?.breaks == [])
    }

    @Test func theCountQuotaRefusesTheBreakAfterTheLast() throws {
        var center = try center()
        try center.login("ana")
        try center.at(10, .notReady(agent: "ana", reason: .lunch))
        #expect(center.state("ana") == .notReady(.lunch))
        try center.at(20, .ready(agent: "ana"))
        #expect(usage(center, "ana", .lunch) == Usage(count: 1, used: .seconds(10), countLeft: 0, timeLeft: nil))
        expectRefused(&center, .notReady(agent: "ana", reason: .lunch), .breakQuotaExhausted(agent: "ana", reason: .lunch))
        // Another reason is still there.
        try center.at(21, .notReady(agent: "ana", reason: .training))
        #expect(center.state("ana") == .notReady(.training))
    }

    @Test func theTimeQuotaIsExhaustedOnceItsTimeIsUsed() throws {
        var center = try center()
        try center.login("ana")
        try center.at(0, .notReady(agent: "ana", reason: .onBreak))
        try center.at(59, .ready(agent: "ana"))
        #expect(usage(center, "ana", .onBreak)?.timeLeft == .seconds(1))
        // A second left: allowed. It runs out while the agent is on it.
        try center.at(100, .notReady(agent: "ana", reason: .onBreak))
        try center.at(100.5)
        #expect(center.last.isEmpty)
        try center.at(101)
        #expect(center.last == [.breakQuotaReached(agent: "ana", reason: .onBreak)])
        try center.at(102, .ready(agent: "ana"))
        #expect(usage(center, "ana", .onBreak) == Usage(count: 2, used: .seconds(61), countLeft: 0, timeLeft: .zero))
        expectRefused(&center, .notReady(agent: "ana", reason: .onBreak), .breakQuotaExhausted(agent: "ana", reason: .onBreak))
    }

    @Test func aRequestAtTheInstantTheTimeQuotaRunsOutIsRefused() throws {
        var center = try center(reasons: [BreakReason(.onBreak, dailyTime: .seconds(60))])
        try center.login("ana")
        try center.at(0, .notReady(agent: "ana", reason: .onBreak))
        try center.at(30, .ready(agent: "ana"))
        #expect(throws: EngineError.unknownReason(agent: "ana", reason: .training)) {
            try center.engine.handle(.notReady(agent: "ana", reason: .training))
        }
        try center.at(40, .notReady(agent: "ana", reason: .onBreak))
        try center.at(70, .ready(agent: "ana"))
        expectRefused(&center, .notReady(agent: "ana", reason: .onBreak), .breakQuotaExhausted(agent: "ana", reason: .onBreak))
    }

    @Test func aBreakPastItsTimeQuotaIsAnnouncedOnceAndGoesOn() throws {
        var center = try center()
        try center.login("ana")
        try center.at(5, .notReady(agent: "ana", reason: .onBreak))
        try center.at(64.5)
        #expect(center.last.isEmpty)
        try center.at(65)
        #expect(center.last == [.breakQuotaReached(agent: "ana", reason: .onBreak)])
        try center.at(500)
        #expect(center.last.isEmpty)
        #expect(center.state("ana") == .notReady(.onBreak))
        #expect(usage(center, "ana", .onBreak)?.used == .seconds(495))
        #expect(usage(center, "ana", .onBreak)?.timeLeft == .zero)
    }

    @Test func aPendingBreakWhoseQuotaIsCutIsDroppedWithItsCause() throws {
        var center = try center(overLimit: .queue)
        try center.login("ana", "bo")
        try center.at(1, .notReady(agent: "ana", reason: .onBreak))
        try center.at(2, .notReady(agent: "bo", reason: .onBreak))
        #expect(center.last == [.breakDeferred(agent: "bo", reason: .onBreak, cause: .teamLimit)])
        // A new configuration leaves no count of this reason: bo's break can never start.
        var configuration = CenterConfiguration(
            queues: [queue("q")],
            agents: ["ana", "bo", "cy", "di"].map { agent($0, tiers: ["q": 1], team: $0 == "di" ? "south" : "north") },
            breaks: BreakPolicy(reasons: [BreakReason(.onBreak, dailyCount: 0, staggered: true)], maxOnBreak: .agents(1), overLimit: .queue)
        )
        configuration.handleTimeSmoothing = 0.1
        center.last = try center.engine.handle(.reconfigure(configuration, removedQueueCalls: .leave))
        #expect(center.last == [.breakCancelled(agent: "bo", reason: .onBreak, refusal: .quotaExhausted)])
        #expect(center.engine.agentStatus("bo")?.pendingReason == nil)
        #expect(center.state("bo") == .ready)
    }

    @Test func aNewDayResetsUsageAndCountsABreakThatGoesOnFromMidnight() throws {
        var center = try center(limit: nil)
        try center.login("ana", "bo")
        try center.at(0, .notReady(agent: "ana", reason: .lunch))
        try center.at(30, .ready(agent: "ana"))
        try center.at(40, .notReady(agent: "bo", reason: .onBreak))
        try center.at(50, .beginDay)
        #expect(usage(center, "ana", .lunch) == Usage(count: 0, used: .zero, countLeft: 1, timeLeft: nil))
        #expect(usage(center, "bo", .onBreak) == Usage(count: 0, used: .zero, countLeft: 2, timeLeft: .seconds(60)))
        // bo's quota starts over: it runs out a minute after midnight, not after the break began.
        try center.at(109.5)
        #expect(center.last.isEmpty)
        try center.at(110)
        #expect(center.last == [.breakQuotaReached(agent: "bo", reason: .onBreak)])
        try center.at(111, .notReady(agent: "ana", reason: .lunch))
        #expect(center.state("ana") == .notReady(.lunch))
    }

    // MARK: Team limits

    @Test func twoAgentsAskingForTheLastSlotAtTheSameInstantTheSecondIsRefused() throws {
        var center = try center()
        try center.login("ana", "bo", "di")
        try center.at(5, .notReady(agent: "ana", reason: .onBreak))
        expectRefused(
            &center, .notReady(agent: "bo", reason: .lunch),
            .breakLimitReached(agent: "bo", reason: .lunch, team: "north", limit: 1)
        )
        #expect(EngineError.breakLimitReached(agent: "bo", reason: .lunch, team: "north", limit: 1).code == "break_limit_reached")
        // Not staggered, or another team: no limit.
        try center.at(5, .notReady(agent: "bo", reason: .training))
        try center.at(5, .notReady(agent: "di", reason: .onBreak))
        #expect(center.state("bo") == .notReady(.training))
        #expect(center.state("di") == .notReady(.onBreak))
        let north = center.engine.teamStatus("north")
        #expect(north?.loggedIn == 2 && north?.onStaggeredBreak == 1 && north?.limit == 1 && north?.waiting == [])
        // The agent holding the slot may switch to another staggered reason.
        try center.at(6, .notReady(agent: "ana", reason: .lunch))
        #expect(center.state("ana") == .notReady(.lunch))
    }

    @Test func queuedRequestsTakeFreedSlotsFirstComeFirstServedSkippingAgentsOnACall() throws {
        var center = try center(overLimit: .queue)
        try center.login("ana", "bo", "cy")
        try center.at(1, .notReady(agent: "ana", reason: .onBreak))
        try center.at(2, .notReady(agent: "cy", reason: .onBreak))
        try center.at(2, .notReady(agent: "bo", reason: .lunch))
        #expect(center.last == [.breakDeferred(agent: "bo", reason: .lunch, cause: .teamLimit)])
        #expect(center.engine.teamStatus("north")?.waiting == ["cy", "bo"])
        #expect(center.engine.agentStatus("cy")?.pendingCause == .teamLimit)
        // Queued agents stay ready: cy takes a call and is on it when the slot frees.
        try center.call("c1", "q", at: 3)
        #expect(center.offered("c1") == ["bo"])
        try center.at(3, .reject(call: "c1", agent: "bo"))
        #expect(center.offered("c1") == ["cy"])
        try center.at(4, .accept(call: "c1", agent: "cy"))
        #expect(center.engine.agentStatus("cy")?.pendingCause == .onCall)
        try center.at(10, .ready(agent: "ana"))
        #expect(center.last.contains(.breakStarted(agent: "bo", reason: .lunch)))
        #expect(center.state("bo") == .notReady(.lunch))
        #expect(center.engine.agentStatus("bo")?.pendingReason == nil)
        // cy's call ends; the team is full again, so cy waits, ready, for bo's slot.
        try center.at(20, .hangup(call: "c1", by: .caller))
        try center.at(21, .wrapUpDone(agent: "cy"))
        #expect(center.state("cy") == .ready)
        #expect(center.last.contains(.breakDeferred(agent: "cy", reason: .onBreak, cause: .teamLimit)) == false)
        try center.at(30, .ready(agent: "bo"))
        #expect(center.last.contains(.breakStarted(agent: "cy", reason: .onBreak)))
    }

    @Test func readyCancelsAQueuedBreak() throws {
        var center = try center(overLimit: .queue)
        try center.login("ana", "bo")
        try center.at(1, .notReady(agent: "ana", reason: .onBreak))
        try center.at(2, .notReady(agent: "bo", reason: .onBreak))
        try center.at(3, .ready(agent: "bo"))
        #expect(center.engine.agentStatus("bo")?.pendingReason == nil)
        try center.at(4, .ready(agent: "ana"))
        #expect(center.state("bo") == .ready)
    }

    @Test func aPercentLimitFollowsTheTeamsLoggedInAgentsAndIsAtLeastOne() throws {
        var center = try center(limit: .percent(50))
        try center.login("ana")
        #expect(center.engine.teamStatus("north")?.limit == 1)
        try center.login("bo", "cy", at: 1)
        try center.at(2, .notReady(agent: "ana", reason: .onBreak))
        expectRefused(&center, .notReady(agent: "bo", reason: .onBreak), .breakLimitReached(agent: "bo", reason: .onBreak, team: "north", limit: 1))
        // 50% of 4 agents: 2 on break. (The team has three configured; di is another team.)
        var bigger = try CenterHarness(
            queues: [queue("q")], agents: ["a", "b", "c", "d"].map { agent($0, tiers: ["q": 1], team: "t") },
            breaks: BreakPolicy(reasons: [Self.coffee], maxOnBreak: .percent(50))
        )
        try bigger.login("a", "b", "c", "d")
        try bigger.at(1, .notReady(agent: "a", reason: .onBreak))
        try bigger.at(1, .notReady(agent: "b", reason: .onBreak))
        #expect(throws: EngineError.breakLimitReached(agent: "c", reason: .onBreak, team: "t", limit: 2)) {
            try bigger.engine.handle(.notReady(agent: "c", reason: .onBreak))
        }
    }

    // MARK: No break while calls wait

    @Test func aBreakAskedWhileACallRingsWaitsAndStartsOnceNoCallWaitsForTheAgent() throws {
        var center = try center(deferring: true)
        try center.login("ana")
        try center.call("c1", "q", at: 1)
        #expect(center.offered("c1") == ["ana"])
        try center.at(2, .notReady(agent: "ana", reason: .onBreak))
        #expect(center.last == [.breakDeferred(agent: "ana", reason: .onBreak, cause: .callsWaiting)])
        #expect(center.state("ana") == .offered("c1"))
        // She rejects; the call waits for her again (she rests), so the break still waits.
        try center.at(3, .reject(call: "c1", agent: "ana"))
        #expect(center.engine.agentStatus("ana")?.pendingReason == .onBreak)
        // bo logs in and takes the call: nothing waits for ana any more.
        try center.at(4, .login(agent: "bo"))
        #expect(center.offered("c1") == ["bo"])
        #expect(center.last.contains(.breakStarted(agent: "ana", reason: .onBreak)))
        #expect(center.state("ana") == .notReady(.onBreak))
    }

    @Test func aBreakAskedDuringACallWaitsForTheCallsThatQueuedMeanwhile() throws {
        var center = try center(deferring: true)
        try center.login("ana")
        try center.call("c1", "q", at: 1)
        try center.at(2, .accept(call: "c1", agent: "ana"))
        try center.at(3, .notReady(agent: "ana", reason: .onBreak))
        #expect(center.last == [.breakDeferred(agent: "ana", reason: .onBreak, cause: .onCall)])
        try center.call("c2", "q", at: 4)
        try center.at(5, .hangup(call: "c1", by: .caller))
        // Wrap-up ends with c2 waiting: ana takes it, her break waits on.
        try center.at(15)
        #expect(center.offered("c2") == ["ana"])
        #expect(center.last.contains(.breakDeferred(agent: "ana", reason: .onBreak, cause: .callsWaiting)))
        try center.at(16, .accept(call: "c2", agent: "ana"))
        try center.at(20, .hangup(call: "c2", by: .caller))
        try center.at(30)
        #expect(center.last.contains(.breakStarted(agent: "ana", reason: .onBreak)))
        #expect(center.state("ana") == .notReady(.onBreak))
    }

    @Test func withoutDeferralARingingOfferIsWithdrawnForTheBreak() throws {
        var center = try center(deferring: false)
        try center.login("ana")
        try center.call("c1", "q", at: 1)
        try center.at(2, .notReady(agent: "ana", reason: .onBreak))
        #expect(center.last.contains(.offerWithdrawn(call: "c1", agent: "ana", reason: .agentUnavailable)))
        #expect(center.state("ana") == .notReady(.onBreak))
    }

    // MARK: Force and calls in progress

    @Test func aSupervisorOverridesLimitsAndQuotasButNeverTakesAnAgentOffACall() throws {
        var center = try center(deferring: true)
        try center.login("ana", "bo", "cy")
        try center.at(1, .notReady(agent: "ana", reason: .lunch))
        try center.at(2, .forceNotReady(agent: "bo", reason: .onBreak))
        #expect(center.state("bo") == .notReady(.onBreak))
        #expect(center.engine.teamStatus("north")?.onStaggeredBreak == 2)
        try center.at(3, .ready(agent: "ana"))
        try center.at(4, .forceNotReady(agent: "ana", reason: .lunch))
        #expect(usage(center, "ana", .lunch)?.count == 2)
        // cy is on a call: the forced break waits for the call and wrap-up, then starts
        // although the team is over its limit and calls wait.
        try center.call("c1", "q", at: 5)
        try center.at(6, .accept(call: "c1", agent: "cy"))
        try center.at(7, .forceNotReady(agent: "cy", reason: "meeting"))
        #expect(center.state("cy") == .busy("c1"))
        try center.call("c2", "q", at: 8)
        try center.at(9, .hangup(call: "c1", by: .caller))
        try center.at(19)
        #expect(center.state("cy") == .notReady("meeting"))
        #expect(center.last.contains(.breakStarted(agent: "cy", reason: "meeting")))
        // A logged-out agent is logged in not ready.
        try center.at(20, .forceNotReady(agent: "di", reason: "nap"))
        #expect(center.state("di") == .notReady("nap"))
    }

    @Test func aBusyAgentAskingForABreakStaysOnTheCall() throws {
        var center = try center()
        try center.login("ana")
        try center.call("c1", "q", at: 1)
        try center.at(2, .accept(call: "c1", agent: "ana"))
        try center.at(3, .notReady(agent: "ana", reason: .lunch))
        #expect(center.state("ana") == .busy("c1"))
        #expect(center.engine.agentStatus("ana")?.pendingCause == .onCall)
        try center.at(4, .hangup(call: "c1", by: .caller))
        #expect(center.state("ana") == .wrapUp(until: .seconds(14)))
        try center.at(14)
        #expect(center.last.contains(.breakStarted(agent: "ana", reason: .lunch)))
    }

    @Test func aBreakAskedOnACallIsDroppedWhenTheTeamFilledMeanwhileAndThePolicyRefuses() throws {
        var center = try center()
        try center.login("ana", "bo")
        try center.call("c1", "q", at: 1)
        try center.at(2, .accept(call: "c1", agent: "ana"))
        try center.at(3, .notReady(agent: "ana", reason: .lunch))
        try center.at(4, .notReady(agent: "bo", reason: .onBreak))
        try center.at(5, .hangup(call: "c1", by: .caller))
        try center.at(15)
        #expect(center.last.contains(.breakCancelled(agent: "ana", reason: .lunch, refusal: .teamLimit)))
        #expect(center.state("ana") == .ready)
    }

    @Test func aBreakAskedAtLoginFollowsThePolicy() throws {
        var center = try center(deferring: true, overLimit: .queue)
        try center.login("ana")
        try center.at(1, .notReady(agent: "ana", reason: .onBreak))
        // The team is full: bo logs in ready, queued for the slot.
        try center.at(2, .login(agent: "bo", notReady: .lunch))
        #expect(center.state("bo") == .ready)
        #expect(center.engine.agentStatus("bo")?.pendingCause == .teamLimit)
        try center.at(3, .ready(agent: "ana"))
        #expect(center.state("bo") == .notReady(.lunch))
        #expect(usage(center, "bo", .lunch)?.count == 1)
    }

    // MARK: Reconfiguration and snapshots

    @Test func reconfigurationKeepsUsageTheBreakGoingOnAndTheLine() throws {
        var center = try center(overLimit: .queue)
        try center.login("ana", "bo", "cy")
        try center.at(0, .notReady(agent: "ana", reason: .onBreak))
        try center.at(1, .notReady(agent: "cy", reason: .onBreak))
        try center.at(2, .notReady(agent: "bo", reason: .onBreak))
        let configuration = CenterConfiguration(
            queues: [queue("q") { $0.wrapUp = .seconds(5) }],
            agents: ["ana", "bo", "cy", "di"].map { agent($0, tiers: ["q": 1], team: $0 == "di" ? "south" : "north") },
            breaks: BreakPolicy(reasons: [Self.coffee, Self.lunch, Self.training], maxOnBreak: .agents(1), overLimit: .queue)
        )
        center.last = try center.engine.handle(.reconfigure(configuration, removedQueueCalls: .leave))
        #expect(center.last.isEmpty)
        #expect(usage(center, "ana", .onBreak)?.count == 1)
        #expect(center.engine.teamStatus("north")?.waiting == ["cy", "bo"])
        // The quota deadline is the same as before: a minute after the break began.
        try center.at(60)
        #expect(center.last == [.breakQuotaReached(agent: "ana", reason: .onBreak)])
        try center.at(61, .ready(agent: "ana"))
        #expect(center.last.contains(.breakStarted(agent: "cy", reason: .onBreak)))
        #expect(usage(center, "ana", .onBreak)?.used == .seconds(61))
    }

    @Test func aSnapshotAndAConfigurationWrittenBeforeBreakPoliciesStillDecode() throws {
        var center = try CenterHarness(queues: [queue("q")], agents: [agent("ana", tiers: ["q": 1])])
        try center.login("ana")
        try center.call("c1", "q", at: 1)
        try center.at(2, .accept(call: "c1", agent: "ana"))
        try center.at(3, .notReady(agent: "ana", reason: .lunch))
        var engine = try JSONSerialization.jsonObject(with: JSONEncoder().encode(center.engine)) as! [String: Any]
        engine["breaks"] = nil
        var agents = engine["agents"] as! [[String: Any]]
        for index in agents.indices {
            for key in ["team", "pendingBreak", "breakSince", "quotaDeadline"] { agents[index][key] = nil }
            var counters = agents[index]["counters"] as! [String: Any]
            counters["breaks"] = nil
            agents[index]["counters"] = counters
        }
        engine["agents"] = agents
        var old = try JSONDecoder().decode(RoutingEngine.self, from: JSONSerialization.data(withJSONObject: engine))
        #expect(old.agentStatus("ana")?.pendingReason == .lunch)
        #expect(old.agentStatus("ana")?.pendingCause == .onCall)
        _ = try old.handle(.hangup(call: "c1", by: .caller))
        #expect(old.advance(to: .seconds(13)).contains(.agentStateChanged(agent: "ana", state: .notReady(.lunch))))

        let configuration = #"{"queues":[],"agents":[{"id":"ana","name":"Ana","skills":[],"tiers":[]}],"handleTimeSmoothing":0.1}"#
        let decoded = try JSONDecoder().decode(CenterConfiguration.self, from: Data(configuration.utf8))
        #expect(decoded.breaks == BreakPolicy())
        #expect(decoded.agents.first?.team == nil)
    }

    @Test func thePolicyIsValidated() {
        func check(_ policy: BreakPolicy, team: String? = nil) -> ConfigurationError? {
            do {
                try CenterConfiguration(queues: [queue("q")], agents: [agent("ana", tiers: ["q": 1], team: team)], breaks: policy).validate()
                return nil
            } catch {
                return error
            }
        }
        #expect(check(BreakPolicy(reasons: [Self.lunch, Self.lunch])) == .duplicateBreakReason(.lunch))
        #expect(check(BreakPolicy(reasons: [BreakReason(.lunch, dailyCount: -1)]))
            == .invalidBreakValue(reason: .lunch, option: "daily_count", problem: "must not be negative"))
        #expect(check(BreakPolicy(reasons: [BreakReason(.lunch, dailyTime: .seconds(-1))]))?.message
            == "breaks: reason 'lunch': daily_time must not be negative")
        #expect(check(BreakPolicy(maxOnBreak: .agents(0)))?.message == "breaks: max_on_break must be at least 1 agent")
        #expect(check(BreakPolicy(maxOnBreak: .percent(101))) == .invalidBreakValue(reason: nil, option: "max_on_break", problem: "must be 1-100%"))
        #expect(check(BreakPolicy(), team: "") == .invalidTeam("ana"))
        #expect(check(BreakPolicy(reasons: [Self.coffee], maxOnBreak: .percent(20), overLimit: .queue)) == nil)
    }
}
