import ACDCore
import Foundation
import Testing

/// Satisfaction survey scores: 1-5, once, for an answered call that ended within the window.
@Suite struct SurveyTests {
    /// ana answers c1 (1 s), hangs up at 3 s; c2 waits; the survey window is 60 s.
    func center() throws -> CenterHarness {
        var center = try CenterHarness(configuration: CenterConfiguration(
            queues: [queue("q"), queue("vip")], agents: [agent("ana", tiers: ["q": 1, "vip": 1])],
            surveys: SurveyPolicy(window: .seconds(60))
        ))
        try center.login("ana")
        try center.call("c1", "q", at: 1)
        try center.at(2, .accept(call: "c1", agent: "ana"))
        try center.at(3, .hangup(call: "c1", by: .caller))
        try center.call("c2", "vip", at: 4)
        return center
    }

    @Test func anEndedCallIsScoredOnceForItsAgentAndQueue() throws {
        var center = try center()
        try center.at(10, .survey(call: "c1", score: 4))
        #expect(center.last == [.callSurveyed(call: "c1", agent: "ana", queue: "q", score: 4)])
        #expect(throws: EngineError.alreadyScored("c1")) { try center.at(11, .survey(call: "c1", score: 5)) }
    }

    @Test(arguments: [0, 6, -1, 100])
    func aScoreOutsideOneToFiveIsRefused(score: Int) throws {
        var center = try center()
        #expect(throws: EngineError.invalidScore(score)) { try center.at(10, .survey(call: "c1", score: score)) }
        // Nothing changed: the call may still be scored.
        try center.at(11, .survey(call: "c1", score: 1))
    }

    @Test func aLiveUnknownOrUnansweredCallCannotBeScored() throws {
        var center = try center()
        #expect(throws: EngineError.callNotEnded("c2")) { try center.at(10, .survey(call: "c2", score: 3)) }
        #expect(throws: EngineError.callNotSurveyable("c9")) { try center.at(10, .survey(call: "c9", score: 3)) }
        try center.at(11, .abandon(call: "c2"))
        #expect(throws: EngineError.callNotSurveyable("c2")) { try center.at(12, .survey(call: "c2", score: 3)) }
    }

    @Test func aCallIsForgottenOnceItsWindowCloses() throws {
        var center = try center()
        var later = center
        try center.at(63, .survey(call: "c1", score: 2))
        #expect(throws: EngineError.callNotSurveyable("c1")) { try later.at(63.001, .survey(call: "c1", score: 2)) }
    }

    @Test func theEngineRemembersOnlyTheCallsOfTheWindow() throws {
        var center = try CenterHarness(configuration: CenterConfiguration(
            queues: [queue("q")], agents: [agent("ana", tiers: ["q": 1])], surveys: SurveyPolicy(window: .seconds(60))
        ))
        try center.login("ana")
        for (number, start) in [1.0, 30, 100].enumerated() {
            try center.call(CallID("c\(number)"), "q", at: start)
            try center.at(start + 1, .accept(call: CallID("c\(number)"), agent: "ana"))
            try center.at(start + 2, .hangup(call: CallID("c\(number)"), by: .caller))
            try center.at(start + 3, .wrapUpDone(agent: "ana"))
        }
        // c0 (ended at 3 s) and c1 (32 s) are past the window at 102 s.
        #expect(center.engine.rememberedForSurvey == 1)
    }

    @Test func aTransferredCallIsScoredForTheLastAgentAndItsQueue() throws {
        var center = try CenterHarness(configuration: CenterConfiguration(
            queues: [queue("q"), queue("vip")], agents: [agent("ana", tiers: ["q": 1]), agent("bo", tiers: ["vip": 1])]
        ))
        try center.login("ana", "bo")
        try center.call("c1", "q", at: 1)
        try center.at(2, .accept(call: "c1", agent: "ana"))
        try center.at(3, .transfer(call: "c1", to: "vip"))
        #expect(throws: EngineError.callNotEnded("c1")) { try center.at(4, .survey(call: "c1", score: 3)) }
        try center.at(4, .accept(call: "c1", agent: "bo"))
        try center.at(5, .hangup(call: "c1", by: .caller))
        try center.at(6, .survey(call: "c1", score: 5))
        #expect(center.last == [.callSurveyed(call: "c1", agent: "bo", queue: "vip", score: 5)])
    }

    @Test func aReusedCallIDIsScoredForItsLatestCall() throws {
        var center = try center()
        try center.at(5, .wrapUpDone(agent: "ana"))
        try center.at(6, .accept(call: "c2", agent: "ana"))
        try center.at(7, .hangup(call: "c2", by: .agent))
        try center.at(8, .wrapUpDone(agent: "ana"))
        try center.call("c1", "vip", at: 9)
        #expect(throws: EngineError.callNotEnded("c1")) { try center.at(10, .survey(call: "c1", score: 3)) }
        try center.at(10, .accept(call: "c1", agent: "ana"))
        try center.at(11, .hangup(call: "c1", by: .caller))
        try center.at(12, .survey(call: "c1", score: 3))
        #expect(center.last == [.callSurveyed(call: "c1", agent: "ana", queue: "vip", score: 3)])
    }

    @Test func theMemoryOfEndedCallsSurvivesASnapshotAndAReconfiguration() throws {
        var center = try center()
        let data = try JSONEncoder().encode(center.engine)
        center.engine = try JSONDecoder().decode(RoutingEngine.self, from: data)
        let configuration = CenterConfiguration(queues: [queue("q")], agents: [agent("ana", tiers: ["q": 1])], surveys: SurveyPolicy(window: .seconds(20)))
        try center.at(5, .reconfigure(configuration, removedQueueCalls: .leave))
        // The new window applies: until 3 s + 20 s.
        var later = center
        #expect(throws: EngineError.callNotSurveyable("c1")) { try later.at(24, .survey(call: "c1", score: 4)) }
        try center.at(23, .survey(call: "c1", score: 4))
        #expect(center.last.last == .callSurveyed(call: "c1", agent: "ana", queue: "q", score: 4))
    }
}
