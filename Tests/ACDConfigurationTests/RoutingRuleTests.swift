import ACDConfiguration
import ACDCore
import Testing

/// The routing table: the first rule a call matches gives its queue and priority.
@Suite struct RoutingRuleTests {
    let configuration: DaemonConfiguration

    init() throws {
        configuration = try parse("""
            queues: [{id: tax}, {id: legal}, {id: vip}, {id: general}]
            routing:
              - {match: {segment: vip}, queue: vip, priority: 8}
              - {match: {ivr: "2", language: es}, queue: tax, priority: 1}
              - {match: {ivr: "2"}, queue: tax}
              - {match: {dnis: ["+34900100400", "+34900100401"]}, queue: legal, priority: 2}
              - {match: {}, queue: general}
            """)
    }

    /// "queue priority" of the rule the call matches.
    func route(_ attributes: [String: String], segment: String? = nil) -> String? {
        configuration.route(attributes: attributes, segment: segment).map { "\($0.queue) \($0.priority)" }
    }

    @Test func rulesAreReadInOrder() {
        #expect(configuration.routing == [
            RoutingRule(match: ["segment": ["vip"]], queue: "vip", priority: 8),
            RoutingRule(match: ["ivr": ["2"], "language": ["es"]], queue: "tax", priority: 1),
            RoutingRule(match: ["ivr": ["2"]], queue: "tax"),
            RoutingRule(match: ["dnis": ["+34900100400", "+34900100401"]], queue: "legal", priority: 2),
            RoutingRule(queue: "general"),
        ])
    }

    @Test func firstMatchWins() {
        // Both the second and the third rule match; the second comes first.
        #expect(route(["ivr": "2", "language": "es"]) == "tax 1")
        #expect(route(["ivr": "2", "language": "en"]) == "tax 0")
        // The segment rule comes before everything else.
        #expect(route(["ivr": "2", "language": "es"], segment: "vip") == "vip 8")
    }

    @Test func everyConditionMustHold() {
        #expect(route(["language": "es"]) == "general 0")
    }

    @Test func anyValueOfAListMatches() {
        #expect(route(["dnis": "+34900100401"]) == "legal 2")
        #expect(route(["dnis": "+34900100402"]) == "general 0")
    }

    @Test func emptyMatchIsACatchAll() {
        #expect(route([:]) == "general 0")
        #expect(route(["anything": "at all"], segment: "gold") == "general 0")
    }

    @Test func segmentComesFromTheCallOrItsAttributes() {
        #expect(route([:], segment: "vip") == "vip 8")
        #expect(route(["segment": "vip"]) == "vip 8")
        // The call's own segment wins over an attribute of the same name.
        #expect(route(["segment": "vip"], segment: "standard") == "general 0")
    }

    @Test func noMatchingRuleGivesNil() throws {
        let strict = try parse("queues: [{id: q}]\nrouting:\n  - {match: {ivr: \"1\"}, queue: q}\n")
        #expect(strict.route(attributes: ["ivr": "2"], segment: nil) == nil)
        #expect(strict.route(attributes: [:], segment: nil) == nil)
        #expect(try parse(minimal()).route(attributes: ["ivr": "1"], segment: nil) == nil)
    }

    @Test func ruleWithoutMatchKeyIsACatchAll() throws {
        let configuration = try parse("queues: [{id: q}]\nrouting:\n  - queue: q\n    priority: 4\n")
        #expect(configuration.routing == [RoutingRule(queue: "q", priority: 4)])
    }

    @Test func numbersInMatchAreMatchedAsWritten() throws {
        let configuration = try parse("queues: [{id: q}]\nrouting:\n  - {match: {ivr: 01}, queue: q}\n")
        #expect(configuration.route(attributes: ["ivr": "01"], segment: nil)?.queue == "q")
        #expect(configuration.route(attributes: ["ivr": "1"], segment: nil) == nil)
    }

    @Test func matchesDirectly() {
        let rule = RoutingRule(match: ["segment": ["vip", "gold"], "language": ["es"]], queue: "q")
        #expect(rule.matches(attributes: ["language": "es"], segment: "gold"))
        #expect(!rule.matches(attributes: ["language": "en"], segment: "gold"))
        #expect(!rule.matches(attributes: ["language": "es"], segment: nil))
        #expect(RoutingRule(queue: "q").matches(attributes: [:], segment: nil))
    }
}
