import ACDCore
import Testing

/// Impossible commands return a typed error and change nothing.
@Suite struct BadInputTests {
    func center() throws -> CenterHarness {
        var center = try CenterHarness(
            queues: [queue("q") { $0.maxLength = 1 }, queue("other") { $0.maxLength = 1 }],
            agents: [agent("ana", tiers: ["q": 1, "other": 1]), agent("bo", tiers: ["q": 1])]
        )
        try center.login("ana")
        try center.call("c1", "q", at: 1)
        return center
    }

    /// Everything observable about the engine.
    func fingerprint(_ engine: RoutingEngine) -> String {
        var lines: [String] = ["\(engine.now)"]
        for id in engine.agentIDs { lines.append("\(String(describing: engine.agentStatus(id)))") }
        for id in engine.liveCallIDs { lines.append("\(String(describing: engine.callStatus(id)))") }
        for id in engine.queueIDs { lines.append("\(String(describing: engine.queueStatus(id)))") }
        return lines.joined(separator: "\n")
    }

    static let cases: [(Command, EngineError)] = [
        (.enqueue(NewCall(id: "c1", queue: "q")), .duplicateCall("c1")),
        (.enqueue(NewCall(id: "c9", queue: "nowhere")), .unknownQueue("nowhere")),
        (.enqueue(NewCall(id: "c9", queue: "q", priority: 10)), .invalidPriority(10)),
        (.enqueue(NewCall(id: "c9", queue: "q", priority: -1)), .invalidPriority(-1)),
        (.accept(call: "c1", agent: "bo"), .notOffered(call: "c1", agent: "bo")),
        (.accept(call: "c1", agent: "nobody"), .unknownAgent("nobody")),
        (.accept(call: "nothing", agent: "ana"), .unknownCall("nothing")),
        (.reject(call: "c1", agent: "bo"), .notOffered(call: "c1", agent: "bo")),
        (.noAnswer(call: "c1", agent: "bo"), .notOffered(call: "c1", agent: "bo")),
        (.hangup(call: "c1", by: .caller), .callNotConnected("c1")),
        (.transfer(call: "c1", to: "other"), .callNotConnected("c1")),
        (.transfer(call: "c1", to: "nowhere"), .unknownQueue("nowhere")),
        (.abandon(call: "nothing"), .unknownCall("nothing")),
        (.login(agent: "ana"), .agentAlreadyLoggedIn("ana")),
        (.login(agent: "nobody"), .unknownAgent("nobody")),
        (.logout(agent: "bo"), .agentNotLoggedIn("bo")),
        (.ready(agent: "bo"), .agentNotLoggedIn("bo")),
        (.notReady(agent: "bo", reason: .onBreak), .agentNotLoggedIn("bo")),
        (.wrapUpDone(agent: "ana"), .notInWrapUp("ana")),
        (.wrapUpDone(agent: "bo"), .agentNotLoggedIn("bo")),
    ]

    @Test(arguments: 0..<cases.count)
    func impossibleCommandIsRefusedAndChangesNothing(index: Int) throws {
        let (command, error) = Self.cases[index]
        var center = try center()
        let before = fingerprint(center.engine)
        #expect(throws: error) { try center.engine.handle(command) }
        #expect(fingerprint(center.engine) == before)
        #expect(!error.code.isEmpty && !error.message.isEmpty)
    }

    @Test func connectedCallCannotBeAbandonedNorTransferredIntoAFullQueue() throws {
        var center = try center()
        try center.at(2, .accept(call: "c1", agent: "ana"))
        try center.call("o1", "other", at: 3)
        let before = fingerprint(center.engine)
        #expect(throws: EngineError.callAlreadyConnected("c1")) { try center.engine.handle(.abandon(call: "c1")) }
        #expect(throws: EngineError.queueFull("other")) { try center.engine.handle(.transfer(call: "c1", to: "other")) }
        #expect(throws: EngineError.agentOnCall("ana")) { try center.engine.handle(.logout(agent: "ana")) }
        #expect(fingerprint(center.engine) == before)
    }

    @Test func answerOfAnOfferThatAlreadyRangOutIsRefused() throws {
        var center = try center()
        try center.at(21)
        #expect(center.callState("c1") == .waiting)
        #expect(throws: EngineError.notOffered(call: "c1", agent: "ana")) {
            try center.engine.handle(.accept(call: "c1", agent: "ana"))
        }
    }

    @Test func finishedCallIsUnknownAndItsIDMayBeUsedAgain() throws {
        var center = try center()
        try center.at(2, .abandon(call: "c1"))
        #expect(throws: EngineError.unknownCall("c1")) { try center.engine.handle(.abandon(call: "c1")) }
        try center.call("c1", "q", at: 3)
        #expect(center.offered("c1") == ["ana"])
    }

    @Test func timeNeverGoesBack() throws {
        var center = try center()
        _ = center.engine.advance(to: .seconds(100))
        _ = center.engine.advance(to: .seconds(50))
        #expect(center.engine.now == .seconds(100))
    }

    @Test func redundantStateRequestsChangeNothing() throws {
        var center = try center()
        try center.login("bo", at: 2)
        #expect(try center.engine.handle(.ready(agent: "bo")).isEmpty)
        try center.at(3, .notReady(agent: "bo", reason: .lunch))
        #expect(try center.engine.handle(.notReady(agent: "bo", reason: .lunch)).isEmpty)
        #expect(try center.engine.handle(.notReady(agent: "bo", reason: .onBreak)) == [.agentStateChanged(agent: "bo", state: .notReady(.onBreak))])
    }
}

@Suite struct ConfigurationValidationTests {
    static let cases: [(CenterConfiguration, ConfigurationError)] = [
        (CenterConfiguration(queues: [queue("q"), queue("q")], agents: []), .duplicateQueue("q")),
        (CenterConfiguration(queues: [queue("q")], agents: [agent("a"), agent("a")]), .duplicateAgent("a")),
        (CenterConfiguration(queues: [queue("q")], agents: [agent("a", tiers: ["x": 1])]), .unknownQueue("x", referrer: "agent 'a'")),
        (CenterConfiguration(queues: [queue("q")], agents: [agent("a", ["s": 11])]), .proficiencyOutOfRange(agent: "a", skill: "s", value: 11)),
        (CenterConfiguration(queues: [queue("q")], agents: [agent("a", tiers: ["q": 0])]), .tierOutOfRange(agent: "a", queue: "q", value: 0)),
        (CenterConfiguration(queues: [queue("q") { $0.requiredSkills = [.init("s", minimumProficiency: 0)] }], agents: []),
         .minimumProficiencyOutOfRange(queue: "q", skill: "s", value: 0)),
        (CenterConfiguration(queues: [queue("q") { $0.requiredSkills = [.init("s", minimumProficiency: 5)] }], agents: [agent("a", ["s": 4], tiers: ["q": 2])]),
         .agentLacksSkills(agent: "a", queue: "q")),
        (CenterConfiguration(queues: [queue("q") { $0.offerTimeout = .zero }], agents: []),
         .invalidValue(queue: "q", option: "offer_timeout", reason: "must be positive")),
        (CenterConfiguration(queues: [queue("q") { $0.weight = 0 }], agents: []),
         .invalidValue(queue: "q", option: "weight", reason: "must be 1-1000")),
        (CenterConfiguration(queues: [queue("q") { $0.overflow = [.init(after: .seconds(5), action: .moveTo("q"))] }], agents: []),
         .invalidValue(queue: "q", option: "overflow", reason: "cannot move a call to its own queue")),
        (CenterConfiguration(queues: [queue("q") { $0.overflow = [.init(after: .seconds(5), action: .widen(["z"]))] }], agents: []),
         .unknownQueue("z", referrer: "overflow of queue 'q'")),
        (CenterConfiguration(queues: [queue("q") { $0.overflow = [.init(after: .seconds(5), action: .widen(["r", "r"]))] }, queue("r")], agents: []),
         .invalidValue(queue: "q", option: "overflow", reason: "names a queue twice in one widen")),
        (CenterConfiguration(queues: [queue("q") { $0.maxCallDuration = .init(soft: .seconds(10), hard: .seconds(5)) }], agents: []),
         .invalidValue(queue: "q", option: "max_call_duration_hard", reason: "must not be below the soft limit")),
        (CenterConfiguration(queues: [], agents: [], handleTimeSmoothing: 0), .invalidSmoothing(0)),
    ]

    @Test(arguments: 0..<cases.count)
    func invalidConfigurationIsRefusedWithItsReason(index: Int) {
        let (configuration, error) = Self.cases[index]
        #expect(throws: error) { try RoutingEngine(configuration: configuration, start: .seconds(0)) }
        #expect(!error.message.isEmpty)
    }
}
