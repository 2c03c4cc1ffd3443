import ACDProtocol
import PropertyBased
import Testing

/// `LineCodec.encode` writes, byte for byte, what Foundation's `JSONEncoder` wrote (the oracle,
/// `FoundationLineCodec`), for random values of every type a line carries; and what it writes
/// reads back as the same value.
@Suite("Encoding matches Foundation's JSONEncoder")
struct EncodingPropertyTests {
    let codec = LineCodec()
    let oracle = FoundationLineCodec()

    @Test("events: the same bytes")
    func events() async {
        await propertyCheck(count: 3_000, input: WireSamples.generator { WireSamples.event(&$0) }) { event throws in
            let line = codec.encode(event)
            #expect(line == oracle.encode(event), "\(event)")
            #expect(try codec.decodeServerLine(line.dropLast()) == .event(event))
        }
    }

    @Test("replies, with agents, queues, figures and calls: the same bytes")
    func replies() async {
        await propertyCheck(count: 2_000, input: WireSamples.generator { WireSamples.reply(&$0) }) { reply throws in
            let line = codec.encode(reply)
            #expect(line == oracle.encode(reply), "\(reply)")
            #expect(try codec.decodeServerLine(line.dropLast()) == .reply(reply))
        }
    }

    @Test("requests: the same bytes")
    func requests() async {
        await propertyCheck(count: 3_000, input: WireSamples.generator { WireSamples.request(&$0) }) { request in
            #expect(codec.encode(request) == oracle.encode(request), "\(request)")
        }
    }

    @Test("doubles: the same text as Foundation, and they read back equal")
    func doubles() async {
        await propertyCheck(count: 3_000, input: WireSamples.generator { WireSamples.double(&$0) }) { value throws in
            let stats = QueueStats(offered: 1, answered: 1, answeredInTime: 1, abandoned: 0, serviceLevel: value,
                                   asaMs: nil, ahtMs: nil, abandonRate: value)
            var queue = QueueView(id: "q", waiting: 0, oldestEnteredMs: nil, loggedIn: 0, ready: 0, notReady: 0,
                                  averageHandleMs: 0, ewtMs: nil)
            queue.stats = stats
            var reply = WireReply(id: .number(1), type: "stats")
            reply.queues = [queue]
            let line = codec.encode(reply)
            #expect(line == oracle.encode(reply), "\(value)")
            #expect(try codec.decodeServerLine(line.dropLast()) == .reply(reply), "\(value)")
        }
    }

    @Test("a figure with no JSON form gives the same internal_error line as before", arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteFigures(value: Double) {
        var queue = QueueView(id: "q", waiting: 0, oldestEnteredMs: nil, loggedIn: 0, ready: 0, notReady: 0,
                              averageHandleMs: 0, ewtMs: nil)
        queue.stats = QueueStats(offered: 0, answered: 0, answeredInTime: 0, abandoned: 0, serviceLevel: value,
                                 asaMs: nil, ahtMs: nil, abandonRate: nil)
        var reply = WireReply(id: .number(1), type: "stats")
        reply.queues = [queue]
        #expect(codec.encode(reply) == oracle.encode(reply))
        #expect(String(decoding: codec.encode(reply), as: UTF8.self)
            == #"{"ok":false,"error":{"code":"internal_error","message":"unencodable"}}"# + "\n")
    }

    @Test("a large status reply, its buffer grown many times: the same bytes")
    func largeReply() {
        var rng = SplitMix(seed: 7)
        var reply = WireReply(id: .number(2), type: "status")
        reply.agents = (0..<2_000).map { _ in WireSamples.agentView(&rng) }
        reply.queues = (0..<200).map { _ in WireSamples.queueView(&rng) }
        reply.calls = (0..<2_000).map { _ in WireSamples.callView(&rng) }
        let line = codec.encode(reply)
        #expect(line.count > 500_000)
        #expect(line == oracle.encode(reply))
    }

    @Test("every control character, quote, backslash, slash and non-ASCII character is written as Foundation writes it")
    func everyCharacter() {
        var event = WireEvent(.notice, seq: 1)
        event.message = String(decoding: (0..<0x80).map { UInt8($0) }, as: UTF8.self) + "é中😀\u{2028}\u{FEFF}"
        event.attributes = ["k/\"\\\u{1}": "v\u{7F}", "": "", "é": "1", "Z": "2", "a": "3"]
        #expect(codec.encode(event) == oracle.encode(event))
    }
}
