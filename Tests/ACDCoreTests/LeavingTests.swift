import ACDCore
import Testing

/// The last agent staffing a queue with waiting calls asks to leave: announced, or refused.
@Suite struct LeavingTests {
    func center(_ policy: LeavingPolicy) throws -> CenterHarness {
        var center = try CenterHarness(configuration: CenterConfiguration(
            queues: [queue("q") { $0.wrapUp = .seconds(30) }], agents: [agent("ana", tiers: ["q": 1]), agent("bo", tiers: ["q": 1])],
            lastAgentLeaving: policy
        ))
        // ana takes c1 and wraps up; c2 waits for her, the only agent logged in.
        try center.login("ana")
        try center.call("c1", "q", at: 1)
        try center.at(2, .accept(call: "c1", agent: "ana"))
        try center.at(3, .hangup(call: "c1", by: .caller))
        try center.call("c2", "q", at: 4)
        return center
    }

    @Test func underWarnTheLastAgentLeavesAndIsAnnounced() throws {
        var center = try center(.warn)
        try center.at(5, .logout(agent: "ana"))
        #expect(center.last.first == .lastAgentLeaving(agent: "ana", queues: ["q"]))
        #expect(center.state("ana") == .loggedOut)
    }

    @Test func underRefuseTheLastAgentStaysAndNothingChanges() throws {
        var center = try center(.refuse)
        let before = center.engine.agentStatus("ana")
        #expect(throws: EngineError.lastAgentOfQueue(agent: "ana", queues: ["q"])) { try center.at(5, .logout(agent: "ana")) }
        #expect(throws: EngineError.lastAgentOfQueue(agent: "ana", queues: ["q"])) { try center.at(5, .notReady(agent: "ana", reason: .lunch)) }
        #expect(center.engine.agentStatus("ana") == before)
        // A supervisor's word goes: force not ready (after the wrap-up) and force logout.
        try center.at(6, .forceLogout(agent: "ana"))
        #expect(center.state("ana") == .loggedOut)
    }

    @Test func anotherStaffedAgentOrNoWaitingCallLetsTheAgentGo() throws {
        var center = try center(.refuse)
        try center.login("bo", at: 5)
        // bo takes c2 at once: nothing waits any more, and ana may go.
        #expect(center.offered("c2") == ["bo"])
        try center.at(6, .logout(agent: "ana"))
        #expect(center.state("ana") == .loggedOut)
    }

    @Test func aBusyColleagueStillStaffsTheQueue() throws {
        var center = try center(.refuse)
        try center.login("bo", at: 5)
        try center.at(6, .accept(call: "c2", agent: "bo"))
        try center.call("c3", "q", at: 7)
        // c3 waits; bo is busy but staffs q, so ana is not the last one.
        try center.at(8, .notReady(agent: "ana", reason: .lunch))
        #expect(center.engine.agentStatus("ana")?.pendingReason == .lunch)
    }
}
