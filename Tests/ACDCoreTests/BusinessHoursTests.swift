import ACDCore
import Foundation
import Testing

/// Business hours in the engine: the shell says when a queue opens and closes (`setOpen`); a
/// closed queue refuses arriving calls, sends them to voicemail or to another queue, and on closing
/// keeps serving its waiting calls or gives them the same treatment. Agents are not affected.
@Suite struct BusinessHoursTests {
    func hours(_ whenClosed: ClosedTreatment, _ atClosing: ClosingTreatment = .serve) -> BusinessHours {
        BusinessHours(timeZone: "Europe/Madrid", week: [.monday: [DailySpan(opens: 480, closes: 1020)]], whenClosed: whenClosed, atClosing: atClosing)
    }

    func center(_ whenClosed: ClosedTreatment, _ atClosing: ClosingTreatment = .serve) throws -> CenterHarness {
        try CenterHarness(
            queues: [queue("q") { $0.hours = hours(whenClosed, atClosing) }, queue("night")],
            agents: [agent("ana", tiers: ["q": 1]), agent("bo", tiers: ["night": 1])]
        )
    }

    static let closedUntil = OpeningState(isOpen: false, until: .seconds(3600))
    static let openUntil = OpeningState(isOpen: true, until: .seconds(7200))

    @Test func aClosedQueueRefusesArrivingCalls() throws {
        var center = try center(.refuse)
        try center.login("ana")
        try center.at(1, .setOpen(queue: "q", state: Self.closedUntil))
        #expect(center.last == [.openingChanged(queue: "q", state: Self.closedUntil)])
        try center.call("c1", "q", at: 2)
        #expect(center.last == [.callFinished(call: "c1", outcome: .closed(voicemail: nil))])
        #expect(center.engine.queueStatus("q")?.figures.offered == 1)
        #expect(center.engine.queueStatus("q")?.opening == Self.closedUntil)
        // Open again: calls are served, and the agent was never touched.
        try center.at(3600, .setOpen(queue: "q", state: Self.openUntil))
        #expect(center.last == [.openingChanged(queue: "q", state: Self.openUntil)])
        try center.call("c2", "q", at: 3601)
        #expect(center.offered("c2") == ["ana"])
    }

    @Test func aClosedQueueSendsArrivingCallsToVoicemail() throws {
        var center = try center(.voicemail("sip:buzon@pbx"))
        try center.at(1, .setOpen(queue: "q", state: Self.closedUntil))
        try center.call("c1", "q", at: 2)
        #expect(center.last == [.callFinished(call: "c1", outcome: .closed(voicemail: "sip:buzon@pbx"))])
    }

    @Test func aClosedQueueSendsArrivingCallsToAnotherQueue() throws {
        var center = try center(.sendTo("night"))
        try center.login("bo")
        try center.at(1, .setOpen(queue: "q", state: Self.closedUntil))
        try center.call("c1", "q", at: 2)
        #expect(center.last.first == .callRedirected(call: "c1", from: "q", to: "night"))
        #expect(center.offered("c1") == ["bo"])
        #expect(center.engine.callStatus("c1")?.queues.first?.queue == "night")
    }

    @Test func queuesClosedInACircleRefuse() throws {
        var center = try CenterHarness(
            queues: [queue("a") { $0.hours = hours(.sendTo("b")) }, queue("b") { $0.hours = hours(.sendTo("a")) }],
            agents: [agent("ana", tiers: ["a": 1])]
        )
        try center.at(1, .setOpen(queue: "a", state: Self.closedUntil))
        try center.at(1, .setOpen(queue: "b", state: Self.closedUntil))
        try center.call("c1", "a", at: 2)
        #expect(center.outcome(of: "c1") == .closed(voicemail: nil))
        // b opens: a's calls go there.
        try center.at(3, .setOpen(queue: "b", state: Self.openUntil))
        try center.call("c2", "a", at: 4)
        #expect(center.engine.callStatus("c2")?.queues.first?.queue == "b")
    }

    @Test func aCallExactlyAtTheOpeningIsServedAndExactlyAtTheClosingIsNot() throws {
        // The shell tells the engine at the boundary instant itself, before the call it comes with.
        var center = try center(.refuse)
        try center.login("ana")
        try center.at(0, .setOpen(queue: "q", state: OpeningState(isOpen: false, until: .seconds(10))))
        try center.at(10, .setOpen(queue: "q", state: OpeningState(isOpen: true, until: .seconds(20))))
        try center.call("c1", "q", at: 10)
        #expect(center.offered("c1") == ["ana"])
        try center.at(20, .setOpen(queue: "q", state: OpeningState(isOpen: false, until: .seconds(30))))
        try center.call("c2", "q", at: 20)
        #expect(center.outcome(of: "c2") == .closed(voicemail: nil))
    }

    @Test func atClosingWaitingCallsAreServedByDefault() throws {
        var center = try center(.refuse)
        try center.call("c1", "q", at: 1)
        try center.at(2, .setOpen(queue: "q", state: Self.closedUntil))
        #expect(center.callState("c1") == .waiting)
        // An agent logging in after hours still takes it.
        try center.login("ana", at: 3)
        #expect(center.offered("c1") == ["ana"])
    }

    @Test func atClosingWaitingCallsLeaveWithTheClosedTreatment() throws {
        var center = try center(.voicemail("sip:buzon@pbx"), .leave)
        try center.login("ana")
        try center.call("c1", "q", at: 1)  // rings for ana
        try center.call("c2", "q", at: 2)
        try center.call("c3", "q", at: 3)
        try center.at(4, .setOpen(queue: "q", state: Self.closedUntil))
        #expect(center.last == [
            .openingChanged(queue: "q", state: Self.closedUntil),
            .callFinished(call: "c2", outcome: .closed(voicemail: "sip:buzon@pbx")),
            .callFinished(call: "c3", outcome: .closed(voicemail: "sip:buzon@pbx")),
        ])
        // The call that rang is being served: it stays.
        #expect(center.callState("c1") == .offered(["ana"]))
        #expect(center.engine.queueStatus("q")?.waiting == 0)
    }

    @Test func atClosingWaitingCallsMoveToTheQueueNamed() throws {
        var center = try center(.sendTo("night"), .leave)
        try center.call("c1", "q", at: 1)
        try center.at(2, .setOpen(queue: "q", state: Self.closedUntil))
        #expect(center.last.contains(.callRedirected(call: "c1", from: "q", to: "night")))
        #expect(center.engine.callStatus("c1")?.queues.map(\.queue) == ["night"])
        try center.login("bo", at: 3)
        #expect(center.offered("c1") == ["bo"])
    }

    @Test func sayingTheSameStateAgainChangesOnlyTheNextChange() throws {
        var center = try center(.refuse)
        try center.at(1, .setOpen(queue: "q", state: Self.closedUntil))
        let later = OpeningState(isOpen: false, until: .seconds(9000))
        try center.at(2, .setOpen(queue: "q", state: later))
        #expect(center.last.isEmpty)
        #expect(center.engine.queueStatus("q")?.opening == later)
        #expect(throws: EngineError.unknownQueue("nowhere")) {
            try center.at(3, .setOpen(queue: "nowhere", state: Self.openUntil))
        }
    }

    @Test func reconfigurationKeepsTheStateWhileTheQueueKeepsHours() throws {
        var center = try center(.refuse)
        try center.at(1, .setOpen(queue: "q", state: Self.closedUntil))
        var configuration = CenterConfiguration(
            queues: [queue("q") { $0.hours = hours(.voicemail("sip:x")) }, queue("night")],
            agents: [agent("ana", tiers: ["q": 1]), agent("bo", tiers: ["night": 1])]
        )
        try center.at(2, .reconfigure(configuration, removedQueueCalls: .leave))
        #expect(center.engine.queueStatus("q")?.opening == Self.closedUntil)
        configuration.queues[0].hours = nil
        try center.at(3, .reconfigure(configuration, removedQueueCalls: .leave))
        #expect(center.engine.queueStatus("q")?.opening == nil)
        try center.call("c1", "q", at: 4)
        #expect(center.callState("c1") == .waiting)
    }

    @Test func aSnapshotKeepsTheOpening() throws {
        var center = try center(.refuse)
        try center.at(1, .setOpen(queue: "q", state: Self.closedUntil))
        let data = try JSONEncoder().encode(center.engine)
        let decoded = try JSONDecoder().decode(RoutingEngine.self, from: data)
        #expect(decoded.queueStatus("q")?.opening == Self.closedUntil)
    }

    @Test func hoursNamingAnUnknownQueueOrItselfAreRefused() {
        #expect(throws: ConfigurationError.invalidValue(queue: "q", option: "hours.when_closed", reason: "names queue 'x', which is not defined")) {
            try CenterConfiguration(queues: [queue("q") { $0.hours = hours(.sendTo("x")) }], agents: []).validate()
        }
        #expect(throws: ConfigurationError.invalidValue(queue: "q", option: "hours.when_closed", reason: "cannot send calls to the queue itself")) {
            try CenterConfiguration(queues: [queue("q") { $0.hours = hours(.sendTo("q")) }], agents: []).validate()
        }
    }
}
