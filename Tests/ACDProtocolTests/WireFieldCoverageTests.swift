@testable import ACDProtocol
import Testing

/// The hand-written JSON knows every stored property of every wire type: a property added to a
/// type without its key in `JSONField` (and so, next to it, in `encodeJSON`) fails here.
@Suite("Every wire property has its JSON key")
struct WireFieldCoverageTests {
    func keys(of value: Any) -> Set<String> {
        Set(Mirror(reflecting: value).children.compactMap(\.label).map(FoundationLineCodec.snakeCase))
    }

    @Test func everyPropertyHasAKey() {
        var rng = SplitMix(seed: 1)
        #expect(keys(of: WireRequest()) == Set(WireRequest.JSONField.allCases.map(\.rawValue)))
        #expect(keys(of: WireEvent(.offer)) == Set(WireEvent.JSONField.allCases.map(\.rawValue)))
        #expect(keys(of: WireReply(id: nil, type: nil)) == Set(WireReply.JSONField.allCases.map(\.rawValue)))
        #expect(keys(of: ProtocolError(.badJSON, "")) == Set(ProtocolError.JSONField.allCases.map(\.rawValue)))
        #expect(keys(of: WireSamples.agentView(&rng)) == Set(AgentView.JSONField.allCases.map(\.rawValue)))
        #expect(keys(of: WireSamples.queueView(&rng)) == Set(QueueView.JSONField.allCases.map(\.rawValue)))
        #expect(keys(of: QueueStats(offered: 0, answered: 0, answeredInTime: 0, abandoned: 0, serviceLevel: nil, asaMs: nil,
                                    ahtMs: nil, abandonRate: nil)) == Set(QueueStats.JSONField.allCases.map(\.rawValue)))
        #expect(keys(of: WireSamples.segmentStats(&rng)) == Set(SegmentStats.JSONField.allCases.map(\.rawValue)))
        #expect(keys(of: WireSamples.callView(&rng)) == Set(CallView.JSONField.allCases.map(\.rawValue)))
        #expect(keys(of: WireSamples.breakView(&rng)) == Set(BreakView.JSONField.allCases.map(\.rawValue)))
        #expect(WireRequest.fieldNames == Set(WireRequest.JSONField.allCases.map(\.rawValue)))
    }
}
