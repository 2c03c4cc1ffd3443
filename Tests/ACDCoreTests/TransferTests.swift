import ACDCore
import Foundation
import Testing

/// Consult transfers (an agent asks another to take its call over, who consents or not) and
/// escalation (the call waits again, in the escalation queue or for the next tier).
@Suite struct TransferTests {
    /// ana takes c1 at 2s; bo is ready. The consult timeout is 20s.
    private func center(configure: (inout QueueConfiguration) -> Void = { _ in }) throws -> CenterHarness {
        var center = try CenterHarness(
            queues: [queue("sales", configure: configure)],
            agents: [agent("ana", tiers: ["sales": 1]), agent("bo", tiers: ["sales": 1])]
        )
        try center.login("ana")
        try center.call("c1", "sales", at: 1)
        try center.at(2, .accept(call: "c1", agent: "ana"))
        try center.login("bo", at: 3)
        return center
    }

    private func ended(_ center: CenterHarness) -> [ConsultEnding] {
        center.all.compactMap { effect in
            if case .consultEnded(_, _, _, let reason) = effect { return reason }
            return nil
        }
    }

    // MARK: Consent

    @Test func consentConnectsTheCallToTheTargetAndTheFirstAgentWrapsUp() throws {
        var center = try center()
        try center.at(10, .consultTransfer(call: "c1", from: "ana", to: "bo"))
        #expect(center.last.contains(.consultOffered(call: "c1", from: "ana", to: "bo", expires: .seconds(30))))
        #expect(center.state("bo") == .offered("c1"))
        #expect(center.state("ana") == .busy("c1"))
        #expect(center.engine.nextDeadline == .seconds(30))

        try center.at(15, .acceptConsult(call: "c1", agent: "bo"))
        #expect(center.last.contains(.callHandedOver(call: "c1", from: "ana", to: "bo", requested: .seconds(10))))
        #expect(center.callState("c1") == .connected("bo"))
        #expect(center.state("bo") == .busy("c1"))
        #expect(center.state("ana") == .wrapUp(until: .seconds(25)))
        #expect(center.engine.agentStatus("ana")?.counters.talkTime == .seconds(13))
        #expect(center.engine.agentStatus("bo")?.counters.callsAnswered == 1)
        #expect(ended(center).isEmpty)

        // The consult's deadline is gone: nothing happens at 30s.
        try center.at(30)
        #expect(center.state("bo") == .busy("c1"))
        try center.at(40, .hangup(call: "c1", by: .caller))
        #expect(center.outcome(of: "c1") == .ended)
        #expect(center.state("bo") == .wrapUp(until: .seconds(50)))
        #expect(center.engine.agentStatus("bo")?.counters.talkTime == .seconds(25))
    }

    @Test func theConsultTimeoutIsTheCentersSetting() throws {
        var center = try CenterHarness(configuration: CenterConfiguration(
            queues: [queue("sales")], agents: [agent("ana", tiers: ["sales": 1]), agent("bo", tiers: ["sales": 1])],
            transfers: TransferPolicy(consultTimeout: .seconds(5))
        ))
        try center.login("ana")
        try center.call("c1", "sales", at: 1)
        try center.at(2, .accept(call: "c1", agent: "ana"))
        try center.login("bo", at: 3)
        try center.at(10, .consultTransfer(call: "c1", from: "ana", to: "bo"))
        #expect(center.last.contains(.consultOffered(call: "c1", from: "ana", to: "bo", expires: .seconds(15))))
    }

    // MARK: No handover

    @Test func refusedConsultLeavesTheCallWithTheFirstAgent() throws {
        var center = try center()
        try center.at(10, .consultTransfer(call: "c1", from: "ana", to: "bo"))
        try center.at(12, .declineConsult(call: "c1", agent: "bo"))
        #expect(center.last.contains(.consultEnded(call: "c1", from: "ana", to: "bo", reason: .declined)))
        #expect(center.callState("c1") == .connected("ana"))
        #expect(center.state("ana") == .busy("c1"))
        #expect(center.state("bo") == .ready)
        #expect(center.engine.nextDeadline == nil)
        // Over: a late consent is refused.
        #expect(throws: EngineError.noConsult(call: "c1", agent: "bo")) { try center.at(13, .acceptConsult(call: "c1", agent: "bo")) }
    }

    @Test func unansweredConsultTimesOutOnce() throws {
        var center = try center()
        try center.at(10, .consultTransfer(call: "c1", from: "ana", to: "bo"))
        try center.at(29)
        #expect(center.state("bo") == .offered("c1"))
        try center.at(30)
        #expect(center.last.contains(.consultEnded(call: "c1", from: "ana", to: "bo", reason: .timedOut)))
        #expect(center.state("bo") == .ready)
        #expect(center.callState("c1") == .connected("ana"))
        try center.at(100)
        #expect(ended(center) == [.timedOut])
    }

    @Test func targetLoggingOutEndsTheConsultUnavailable() throws {
        var center = try center()
        try center.at(10, .consultTransfer(call: "c1", from: "ana", to: "bo"))
        try center.at(12, .logout(agent: "bo"))
        #expect(center.last.contains(.consultEnded(call: "c1", from: "ana", to: "bo", reason: .unavailable)))
        #expect(center.state("bo") == .loggedOut)
        #expect(center.callState("c1") == .connected("ana"))
        #expect(center.engine.nextDeadline == nil)
        try center.at(100)
        #expect(ended(center) == [.unavailable])
    }

    @Test func targetGoingNotReadyEndsTheConsultUnavailable() throws {
        var center = try center()
        try center.at(10, .consultTransfer(call: "c1", from: "ana", to: "bo"))
        try center.at(12, .notReady(agent: "bo", reason: "lunch"))
        #expect(center.last.contains(.consultEnded(call: "c1", from: "ana", to: "bo", reason: .unavailable)))
        #expect(center.state("bo") == .notReady("lunch"))
        #expect(center.state("ana") == .busy("c1"))
    }

    @Test(arguments: [Party.caller, .agent])
    func hangupDuringTheConsultEndsItAndTheTargetIsReady(party: Party) throws {
        var center = try center()
        try center.at(10, .consultTransfer(call: "c1", from: "ana", to: "bo"))
        try center.at(12, .hangup(call: "c1", by: party))
        #expect(center.last.contains(.consultEnded(call: "c1", from: "ana", to: "bo", reason: .callEnded)))
        #expect(center.outcome(of: "c1") == .ended)
        #expect(center.state("bo") == .ready)
        #expect(center.state("ana") == .wrapUp(until: .seconds(22)))
        try center.at(100)
        #expect(ended(center) == [.callEnded])
    }

    @Test func theFreedTargetTakesAWaitingCall() throws {
        var center = try center()
        try center.at(10, .consultTransfer(call: "c1", from: "ana", to: "bo"))
        try center.call("c2", "sales", at: 11)
        #expect(center.offers.isEmpty)
        try center.at(12, .declineConsult(call: "c1", agent: "bo"))
        #expect(center.offered("c2") == ["bo"])
    }

    // MARK: Refused requests

    @Test func badConsultRequestsHaveTheirOwnErrorsAndChangeNothing() throws {
        var center = try center()
        #expect(throws: EngineError.transferToSelf("ana")) { try center.at(5, .consultTransfer(call: "c1", from: "ana", to: "ana")) }
        #expect(throws: EngineError.unknownAgent("zed")) { try center.at(5, .consultTransfer(call: "c1", from: "ana", to: "zed")) }
        #expect(throws: EngineError.notOnCall(call: "c1", agent: "bo")) { try center.at(5, .consultTransfer(call: "c1", from: "bo", to: "ana")) }
        #expect(throws: EngineError.unknownCall("c9")) { try center.at(5, .consultTransfer(call: "c9", from: "ana", to: "bo")) }
        #expect(throws: EngineError.noConsult(call: "c1", agent: "bo")) { try center.at(5, .acceptConsult(call: "c1", agent: "bo")) }
        try center.at(5, .notReady(agent: "bo", reason: "lunch"))
        #expect(throws: EngineError.targetUnavailable("bo")) { try center.at(6, .consultTransfer(call: "c1", from: "ana", to: "bo")) }
        try center.at(7, .ready(agent: "bo"))
        try center.at(8, .consultTransfer(call: "c1", from: "ana", to: "bo"))
        #expect(throws: EngineError.consultInProgress("c1")) { try center.at(9, .consultTransfer(call: "c1", from: "ana", to: "bo")) }
        #expect(throws: EngineError.consultInProgress("c1")) { try center.at(9, .transfer(call: "c1", to: "sales")) }
        #expect(throws: EngineError.consultInProgress("c1")) { try center.at(9, .escalate(call: "c1", by: "ana")) }
        #expect(throws: EngineError.noConsult(call: "c1", agent: "ana")) { try center.at(9, .declineConsult(call: "c1", agent: "ana")) }
        #expect(center.state("bo") == .offered("c1"))
        #expect(center.callState("c1") == .connected("ana"))
        #expect(center.engine.nextDeadline == .seconds(28))
    }

    @Test func aWaitingCallCannotBeConsultTransferred() throws {
        var center = try CenterHarness(queues: [queue("sales")], agents: [agent("ana", tiers: ["sales": 2]), agent("bo", tiers: ["sales": 1])])
        try center.login("bo")
        try center.call("c1", "sales", at: 1)
        try center.login("ana", at: 2)
        #expect(throws: EngineError.callNotConnected("c1")) { try center.at(3, .consultTransfer(call: "c1", from: "bo", to: "ana")) }
    }

    // MARK: Snapshots and reconfiguration

    @Test func aSnapshotTakenMidConsultCarriesIt() throws {
        var center = try center()
        try center.at(10, .consultTransfer(call: "c1", from: "ana", to: "bo"))
        var decoded = try JSONDecoder().decode(RoutingEngine.self, from: JSONEncoder().encode(center.engine))
        #expect(decoded.nextDeadline == .seconds(30))
        _ = decoded.advance(to: .seconds(15))
        let effects = try decoded.handle(.acceptConsult(call: "c1", agent: "bo"))
        #expect(effects.contains(.callHandedOver(call: "c1", from: "ana", to: "bo", requested: .seconds(10))))
        #expect(decoded.agentStatus("bo")?.state == .busy("c1"))

        var timedOut = try JSONDecoder().decode(RoutingEngine.self, from: JSONEncoder().encode(center.engine))
        #expect(timedOut.advance(to: .seconds(30)).contains(.consultEnded(call: "c1", from: "ana", to: "bo", reason: .timedOut)))
    }

    @Test func reconfigurationKeepsAConsultWhoseTargetRemains() throws {
        var center = try center()
        try center.at(10, .consultTransfer(call: "c1", from: "ana", to: "bo"))
        let same = CenterConfiguration(
            queues: [queue("sales") { $0.wrapUp = .seconds(20) }], agents: [agent("ana", tiers: ["sales": 1]), agent("bo", tiers: ["sales": 1])]
        )
        try center.at(12, .reconfigure(same, removedQueueCalls: .leave))
        #expect(ended(center).isEmpty)
        #expect(center.state("bo") == .offered("c1"))
        #expect(center.engine.nextDeadline == .seconds(30))
        try center.at(14, .acceptConsult(call: "c1", agent: "bo"))
        #expect(center.callState("c1") == .connected("bo"))
        #expect(center.state("ana") == .wrapUp(until: .seconds(34)))
    }

    @Test func reconfigurationRemovingTheTargetEndsTheConsultUnavailable() throws {
        var center = try center()
        try center.at(10, .consultTransfer(call: "c1", from: "ana", to: "bo"))
        let withoutBo = CenterConfiguration(queues: [queue("sales")], agents: [agent("ana", tiers: ["sales": 1])])
        try center.at(12, .reconfigure(withoutBo, removedQueueCalls: .leave))
        #expect(center.last.contains(.consultEnded(call: "c1", from: "ana", to: "bo", reason: .unavailable)))
        #expect(center.last.contains(.agentStateChanged(agent: "bo", state: .loggedOut)))
        #expect(center.state("ana") == .busy("c1"))
        #expect(center.engine.nextDeadline == nil)
    }

    // MARK: Escalation

    @Test func escalationSendsTheCallToTheEscalationQueueKeepingItsAge() throws {
        var center = try CenterHarness(
            queues: [queue("sales") { $0.escalationQueue = "supervisors" }, queue("supervisors")],
            agents: [agent("ana", tiers: ["sales": 1]), agent("sue", tiers: ["supervisors": 1])]
        )
        try center.login("ana")
        try center.call("c1", "sales", at: 1)
        try center.at(2, .accept(call: "c1", agent: "ana"))
        try center.login("sue", at: 3)
        try center.at(10, .escalate(call: "c1", by: "ana"))
        #expect(center.last.contains(.callEscalated(call: "c1", by: "ana", from: "sales", to: "supervisors", tier: nil)))
        #expect(center.offered("c1") == ["sue"])
        #expect(center.state("ana") == .wrapUp(until: .seconds(20)))
        #expect(center.engine.callStatus("c1")?.enteredSystem == .seconds(1))
        try center.at(11, .accept(call: "c1", agent: "sue"))
        #expect(center.last.contains(.callConnected(call: "c1", agent: "sue", waited: .seconds(10))))
    }

    @Test func withNoEscalationQueueTheNextTierOpensAtOnce() throws {
        var center = try CenterHarness(
            queues: [queue("sales") { $0.tierWait = .seconds(600) }],
            agents: [agent("ana", tiers: ["sales": 1]), agent("cy", tiers: ["sales": 2]), agent("bo", tiers: ["sales": 1])]
        )
        try center.login("ana", "cy")
        try center.call("c1", "sales", at: 1)
        try center.at(2, .accept(call: "c1", agent: "ana"))
        try center.at(10, .escalate(call: "c1", by: nil))
        #expect(center.last.contains(.callEscalated(call: "c1", by: nil, from: "sales", to: "sales", tier: 2)))
        #expect(center.offered("c1") == ["cy"])
        #expect(center.state("ana") == .wrapUp(until: .seconds(20)))
    }

    @Test func escalationWithNowhereToGoIsRefused() throws {
        var center = try CenterHarness(queues: [queue("sales")], agents: [agent("ana", tiers: ["sales": 1]), agent("bo", tiers: ["sales": 1])])
        try center.login("ana", "bo")
        try center.call("c1", "sales", at: 1)
        try center.at(2, .accept(call: "c1", agent: "ana"))
        #expect(throws: EngineError.noEscalation("sales")) { try center.at(3, .escalate(call: "c1", by: "ana")) }
        #expect(throws: EngineError.notOnCall(call: "c1", agent: "bo")) { try center.at(3, .escalate(call: "c1", by: "bo")) }
        try center.call("c2", "sales", at: 4)
        #expect(throws: EngineError.callNotConnected("c2")) { try center.at(5, .escalate(call: "c2", by: nil)) }
        #expect(center.state("ana") == .busy("c1"))
    }

    @Test func anEscalationQueueMustExistAndNotBeItsOwnQueue() {
        #expect(throws: ConfigurationError.unknownQueue("boss", referrer: "escalation_queue of queue 'sales'")) {
            try CenterConfiguration(queues: [queue("sales") { $0.escalationQueue = "boss" }], agents: []).validate()
        }
        #expect(throws: ConfigurationError.invalidValue(queue: "sales", option: "escalation_queue", reason: "cannot be the queue itself")) {
            try CenterConfiguration(queues: [queue("sales") { $0.escalationQueue = "sales" }], agents: []).validate()
        }
    }
}
