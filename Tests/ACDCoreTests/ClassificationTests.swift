import ACDCore
import Testing

/// Wrap-up classification: checked against the catalogue of the queue the agent took the call for,
/// required or not, and what a wrap-up that runs out does with a required one.
@Suite struct ClassificationTests {
    static let billing = ClassificationCatalogue(
        required: true, motives: [.init("invoice", subMotives: ["copy", "error"]), .init("payment")], maxNotesLength: 10
    )
    static let support = ClassificationCatalogue(callTypes: ["solved", "escalated"], motives: [.init("outage")])

    /// ana serves billing, bo serves support; ana has c1 of billing in wrap-up (30 s) from 3 s.
    func center() throws -> CenterHarness {
        var center = try CenterHarness(
            queues: [
                queue("billing") { $0.wrapUp = .seconds(30); $0.classification = Self.billing },
                queue("support") { $0.wrapUp = .seconds(30); $0.classification = Self.support },
            ],
            agents: [agent("ana", tiers: ["billing": 1]), agent("bo", tiers: ["support": 1])]
        )
        try center.login("ana", "bo")
        try center.call("c1", "billing", at: 1)
        try center.at(2, .accept(call: "c1", agent: "ana"))
        try center.at(3, .hangup(call: "c1", by: .caller))
        return center
    }

    @Test func aCompleteClassificationEndsWrapUpAndIsAnnounced() throws {
        var center = try center()
        let classification = CallClassification(callType: "perfect", motive: "invoice", subMotive: "copy", notes: "sent again")
        try center.at(5, .wrapUpDone(agent: "ana", classification: classification))
        #expect(center.last.first == .callClassified(call: "c1", agent: "ana", queue: "billing", classification: classification))
        #expect(center.state("ana") == .ready)
    }

    @Test(arguments: [
        (nil, EngineError.classificationRequired(agent: "ana", queue: "billing")),
        (CallClassification(callType: "solved", motive: "payment"), .unknownCallType(agent: "ana", callType: "solved", queue: "billing")),
        (CallClassification(callType: "perfect", motive: "outage"), .unknownMotive(agent: "ana", motive: "outage", queue: "billing")),
        (CallClassification(callType: "perfect", motive: "invoice", subMotive: "late"),
         .unknownSubMotive(agent: "ana", motive: "invoice", subMotive: "late", queue: "billing")),
        (CallClassification(callType: "perfect"), .classificationIncomplete(agent: "ana", missing: "a motive", queue: "billing")),
        (CallClassification(callType: "perfect", motive: "invoice"),
         .classificationIncomplete(agent: "ana", missing: "a sub-motive of 'invoice'", queue: "billing")),
        (CallClassification(callType: "perfect", subMotive: "copy"),
         .classificationIncomplete(agent: "ana", missing: "the motive of sub-motive 'copy'", queue: "billing")),
        (CallClassification(callType: "perfect", motive: "payment", notes: "eleven char"), .notesTooLong(agent: "ana", length: 11, limit: 10)),
    ] as [(CallClassification?, EngineError)])
    func aWrongOrMissingClassificationIsRefusedAndChangesNothing(classification: CallClassification?, error: EngineError) throws {
        var center = try center()
        let before = center.engine.agentStatus("ana")
        #expect(throws: error) { try center.at(5, .wrapUpDone(agent: "ana", classification: classification)) }
        #expect(center.engine.agentStatus("ana") == before)
        #expect(center.last.isEmpty)
    }

    @Test func readyDuringWrapUpNeedsTheRequiredClassificationToo() throws {
        var center = try center()
        #expect(throws: EngineError.classificationRequired(agent: "ana", queue: "billing")) { try center.at(5, .ready(agent: "ana")) }
        #expect(center.state("ana") == .wrapUp(until: .seconds(33)))
    }

    @Test func aWrapUpThatRunsOutEndsUnclassified() throws {
        var center = try center()
        try center.at(33)
        #expect(center.state("ana") == .ready)
        #expect(!center.all.contains { if case .callClassified = $0 { true } else { false } })
        // Nothing is left to classify.
        #expect(throws: EngineError.notInWrapUp("ana")) {
            try center.at(34, .wrapUpDone(agent: "ana", classification: CallClassification(callType: "perfect", motive: "payment")))
        }
    }

    @Test func anOptionalClassificationMayBeLeftOutButIsStillChecked() throws {
        var center = try CenterHarness(queues: [queue("q")], agents: [agent("ana", tiers: ["q": 1])])
        try center.login("ana")
        try center.call("c1", "q", at: 1)
        try center.at(2, .accept(call: "c1", agent: "ana"))
        try center.at(3, .hangup(call: "c1", by: .agent))
        #expect(throws: EngineError.unknownCallType(agent: "ana", callType: "great", queue: "q")) {
            try center.at(4, .wrapUpDone(agent: "ana", classification: CallClassification(callType: "great")))
        }
        // The default catalogue: perfect, imperfect, improper; no motives.
        try center.at(5, .wrapUpDone(agent: "ana", classification: CallClassification(callType: "improper")))
        #expect(center.last.first == .callClassified(call: "c1", agent: "ana", queue: "q", classification: CallClassification(callType: "improper")))
        try center.call("c2", "q", at: 6)
        try center.at(7, .accept(call: "c2", agent: "ana"))
        try center.at(8, .hangup(call: "c2", by: .agent))
        try center.at(9, .wrapUpDone(agent: "ana"))
        #expect(center.state("ana") == .ready)
    }

    @Test func afterATransferEachAgentClassifiesByItsOwnQueue() throws {
        var center = try center()
        try center.at(5, .wrapUpDone(agent: "ana", classification: CallClassification(callType: "perfect", motive: "payment")))
        try center.call("c2", "billing", at: 6)
        try center.at(7, .accept(call: "c2", agent: "ana"))
        try center.at(8, .transfer(call: "c2", to: "support"))
        try center.at(9, .accept(call: "c2", agent: "bo"))
        // ana took c2 for billing: billing's catalogue, required.
        #expect(throws: EngineError.unknownCallType(agent: "ana", callType: "escalated", queue: "billing")) {
            try center.at(10, .wrapUpDone(agent: "ana", classification: CallClassification(callType: "escalated", motive: "outage")))
        }
        let transferred = CallClassification(callType: "imperfect", motive: "payment")
        try center.at(10, .wrapUpDone(agent: "ana", classification: transferred))
        #expect(center.last.first == .callClassified(call: "c2", agent: "ana", queue: "billing", classification: transferred))
        // bo took it for support: support's catalogue, where billing's call types are unknown.
        try center.at(11, .hangup(call: "c2", by: .caller))
        #expect(throws: EngineError.unknownCallType(agent: "bo", callType: "perfect", queue: "support")) {
            try center.at(12, .wrapUpDone(agent: "bo", classification: CallClassification(callType: "perfect", motive: "outage")))
        }
        let solved = CallClassification(callType: "solved", motive: "outage")
        try center.at(12, .wrapUpDone(agent: "bo", classification: solved))
        #expect(center.last.first == .callClassified(call: "c2", agent: "bo", queue: "support", classification: solved))
    }

    @Test func aCallWidenedToAnotherQueueIsClassifiedByTheQueueItWasTakenFor() throws {
        var center = try CenterHarness(
            queues: [
                queue("billing") { $0.classification = Self.billing; $0.overflow = [OverflowStep(after: .seconds(5), action: .widen(["support"]))] },
                queue("support") { $0.classification = Self.support },
            ],
            agents: [agent("bo", tiers: ["support": 1])]
        )
        try center.login("bo")
        try center.call("c1", "billing", at: 1)
        try center.at(6)
        #expect(center.offered("c1") == ["bo"])
        try center.at(7, .accept(call: "c1", agent: "bo"))
        try center.at(8, .hangup(call: "c1", by: .caller))
        let classification = CallClassification(callType: "solved", motive: "outage")
        try center.at(9, .wrapUpDone(agent: "bo", classification: classification))
        #expect(center.last.first == .callClassified(call: "c1", agent: "bo", queue: "support", classification: classification))
    }

    @Test func aWrapUpWhoseQueueWasRemovedCannotBeClassified() throws {
        var center = try center()
        let configuration = CenterConfiguration(
            queues: [queue("support") { $0.classification = Self.support }], agents: [agent("ana", tiers: ["support": 1])]
        )
        try center.at(4, .reconfigure(configuration, removedQueueCalls: .leave))
        #expect(throws: EngineError.classificationUnavailable("ana")) {
            try center.at(5, .wrapUpDone(agent: "ana", classification: CallClassification(callType: "solved", motive: "outage")))
        }
        try center.at(5, .wrapUpDone(agent: "ana"))
        #expect(center.state("ana") == .ready)
    }

    @Test func aWrapUpCarriedOverAReconfigurationKeepsItsCatalogue() throws {
        var center = try center()
        var configuration = CenterConfiguration(
            queues: [queue("billing") { $0.classification = Self.billing }], agents: [agent("ana", tiers: ["billing": 1])]
        )
        configuration.queues[0].classification.required = false
        try center.at(4, .reconfigure(configuration, removedQueueCalls: .leave))
        let classification = CallClassification(callType: "perfect", motive: "payment")
        try center.at(5, .wrapUpDone(agent: "ana", classification: classification))
        #expect(center.last.first == .callClassified(call: "c1", agent: "ana", queue: "billing", classification: classification))
    }
}
