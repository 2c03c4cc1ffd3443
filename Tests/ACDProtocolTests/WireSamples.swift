import ACDProtocol
import PropertyBased

/// Random protocol values for the property and differential tests: every field present or
/// absent, strings that need every kind of escaping, integers at their limits, doubles of every
/// magnitude.
enum WireSamples {
    /// Characters that exercise the string writer and reader: plain ASCII, the characters JSON
    /// escapes (quote, backslash, every control character), `/` and DEL (not escaped), and
    /// non-ASCII of every UTF-8 length, U+2028 and a byte order mark among them.
    static let characters: [Character] = Array("abcXYZ019 _-.:,{}[]'\"\\/\u{7F}éñßü中文\u{2028}\u{2029}\u{FEFF}😀🇫🇷e\u{301}")
        + (0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) }

    static func string(_ rng: inout some RandomNumberGenerator, maxLength: Int = 12) -> String {
        if Bool.random(using: &rng) {
            // Mostly plain, like most ids.
            return String((0..<Int.random(in: 0...maxLength, using: &rng)).map { _ in "abcdefghij-0123456789".randomElement(using: &rng)! })
        }
        return String((0..<Int.random(in: 0...maxLength, using: &rng)).map { _ in characters.randomElement(using: &rng)! })
    }

    static func optional<T>(_ rng: inout some RandomNumberGenerator, _ make: (inout SplitMix) -> T) -> T? {
        guard Bool.random(using: &rng) else { return nil }
        var splitMix = SplitMix(seed: rng.next())
        return make(&splitMix)
    }

    static func integer<T: FixedWidthInteger>(_ rng: inout some RandomNumberGenerator, as type: T.Type = T.self) -> T {
        switch Int.random(in: 0..<6, using: &rng) {
        case 0: [T.min, T.max, 0, 1, T.isSigned ? 0 &- 1 : 2].randomElement(using: &rng)!
        case 1: T.random(in: T.min...T.max, using: &rng)
        default: T(truncatingIfNeeded: Int.random(in: -1_000...1_000_000, using: &rng))
        }
    }

    static func double(_ rng: inout some RandomNumberGenerator) -> Double {
        switch Int.random(in: 0..<5, using: &rng) {
        case 0:
            return [0, -0.0, 1, 0.5, 0.1, 1.0 / 3, 2.0 / 3, 1e-5, 1e-7, 1e15, 1e16, 1e21, 123_456_789.0,
                    Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude, -1.5, 0.95].randomElement(using: &rng)!
        case 1:
            var value = Double.nan
            while !value.isFinite {
                value = Double(bitPattern: rng.next())
            }
            return value
        case 2:
            return Double(Int.random(in: -100...100_000, using: &rng))
        default:
            return Double.random(in: 0...1, using: &rng)
        }
    }

    static func strings(_ rng: inout some RandomNumberGenerator) -> [String] {
        (0..<Int.random(in: 0...3, using: &rng)).map { _ in string(&rng) }
    }

    static func attributes(_ rng: inout some RandomNumberGenerator) -> [String: String] {
        var map: [String: String] = [:]
        for _ in 0..<Int.random(in: 0...4, using: &rng) {
            map[string(&rng, maxLength: 8)] = string(&rng)
        }
        return map
    }

    static func requestID(_ rng: inout some RandomNumberGenerator) -> RequestID {
        Bool.random(using: &rng) ? .number(integer(&rng)) : .string(string(&rng))
    }

    static func event(_ rng: inout some RandomNumberGenerator) -> WireEvent {
        var event = WireEvent(EventName.allCases.randomElement(using: &rng)!, seq: integer(&rng))
        event.call = optional(&rng) { string(&$0) }
        event.agent = optional(&rng) { string(&$0) }
        event.queue = optional(&rng) { string(&$0) }
        event.from = optional(&rng) { string(&$0) }
        event.to = optional(&rng) { string(&$0) }
        event.queues = optional(&rng) { strings(&$0) }
        event.reason = optional(&rng) { string(&$0) }
        event.outcome = optional(&rng) { string(&$0) }
        event.destination = optional(&rng) { string(&$0) }
        event.state = optional(&rng) { string(&$0) }
        event.contact = optional(&rng) { string(&$0) }
        event.position = optional(&rng) { integer(&$0) }
        event.tier = optional(&rng) { integer(&$0) }
        event.priority = optional(&rng) { integer(&$0) }
        event.segment = optional(&rng) { string(&$0) }
        event.attributes = optional(&rng) { attributes(&$0) }
        event.ewtMs = optional(&rng) { integer(&$0) }
        event.waitedMs = optional(&rng) { integer(&$0) }
        event.expiresMs = optional(&rng) { integer(&$0) }
        event.untilMs = optional(&rng) { integer(&$0) }
        event.sinceMs = optional(&rng) { integer(&$0) }
        event.hard = optional(&rng) { Bool.random(using: &$0) }
        event.consecutive = optional(&rng) { integer(&$0) }
        event.target = optional(&rng) { integer(&$0) }
        event.message = optional(&rng) { string(&$0) }
        event.rule = optional(&rng) { string(&$0) }
        event.breakReason = optional(&rng) { string(&$0) }
        event.pending = optional(&rng) { string(&$0) }
        event.code = optional(&rng) { string(&$0) }
        return event
    }

    static func agentView(_ rng: inout some RandomNumberGenerator) -> AgentView {
        AgentView(
            id: string(&rng), name: string(&rng), state: string(&rng), reason: optional(&rng) { string(&$0) },
            call: optional(&rng) { string(&$0) }, sinceMs: integer(&rng), untilMs: optional(&rng) { integer(&$0) },
            restingUntilMs: optional(&rng) { integer(&$0) }, pendingReason: optional(&rng) { string(&$0) },
            callsAnswered: integer(&rng), talkTimeMs: integer(&rng), missedOffers: integer(&rng), queues: strings(&rng),
            pending: optional(&rng) { string(&$0) }, team: optional(&rng) { string(&$0) },
            breaks: optional(&rng) { rng in (0..<Int.random(in: 0...3, using: &rng)).map { _ in breakView(&rng) } },
            dailyTarget: optional(&rng) { integer(&$0) }
        )
    }

    static func breakView(_ rng: inout some RandomNumberGenerator) -> BreakView {
        BreakView(
            reason: string(&rng), count: integer(&rng), usedMs: integer(&rng), countLeft: optional(&rng) { integer(&$0) },
            timeLeftMs: optional(&rng) { integer(&$0) }
        )
    }

    static func queueView(_ rng: inout some RandomNumberGenerator) -> QueueView {
        var queue = QueueView(
            id: string(&rng), waiting: integer(&rng), oldestEnteredMs: optional(&rng) { integer(&$0) },
            loggedIn: integer(&rng), ready: integer(&rng), notReady: integer(&rng), averageHandleMs: integer(&rng),
            ewtMs: optional(&rng) { integer(&$0) }
        )
        queue.open = optional(&rng) { Bool.random(using: &$0) }
        queue.untilMs = optional(&rng) { integer(&$0) }
        queue.stats = optional(&rng) { rng in
            QueueStats(
                offered: integer(&rng), answered: integer(&rng), answeredInTime: integer(&rng), abandoned: integer(&rng),
                serviceLevel: optional(&rng) { double(&$0) }, asaMs: optional(&rng) { integer(&$0) },
                ahtMs: optional(&rng) { integer(&$0) }, abandonRate: optional(&rng) { double(&$0) },
                segments: optional(&rng) { rng in (0..<Int.random(in: 0...2, using: &rng)).map { _ in segmentStats(&rng) } }
            )
        }
        return queue
    }

    static func segmentStats(_ rng: inout some RandomNumberGenerator) -> SegmentStats {
        SegmentStats(
            segment: string(&rng), offered: integer(&rng), answered: integer(&rng), answeredInTarget: integer(&rng),
            breaches: integer(&rng), escalations: integer(&rng), serviceLevel: optional(&rng) { double(&$0) }
        )
    }

    static func callView(_ rng: inout some RandomNumberGenerator) -> CallView {
        CallView(
            id: string(&rng), state: string(&rng), queue: string(&rng), queues: strings(&rng), priority: integer(&rng),
            segment: optional(&rng) { string(&$0) }, enteredMs: integer(&rng), agents: strings(&rng),
            position: optional(&rng) { integer(&$0) }, ewtMs: optional(&rng) { integer(&$0) },
            consultAgent: optional(&rng) { string(&$0) }
        )
    }

    static func reply(_ rng: inout some RandomNumberGenerator) -> WireReply {
        var reply = Bool.random(using: &rng)
            ? WireReply(id: optional(&rng) { requestID(&$0) }, type: optional(&rng) { string(&$0) })
            : WireReply(id: optional(&rng) { requestID(&$0) },
                        error: ProtocolError(ErrorCode.allCases.randomElement(using: &rng)!, string(&rng)))
        if reply.error != nil {
            reply.error?.opensMs = optional(&rng) { integer(&$0) }
        }
        reply.server = optional(&rng) { string(&$0) }
        reply.session = optional(&rng) { string(&$0) }
        reply.protocol = optional(&rng) { integer(&$0) }
        reply.call = optional(&rng) { string(&$0) }
        reply.queue = optional(&rng) { string(&$0) }
        reply.priority = optional(&rng) { integer(&$0) }
        reply.position = optional(&rng) { integer(&$0) }
        reply.ewtMs = optional(&rng) { integer(&$0) }
        reply.agent = optional(&rng) { agentView(&$0) }
        reply.agents = optional(&rng) { rng in (0..<Int.random(in: 0...3, using: &rng)).map { _ in agentView(&rng) } }
        reply.queues = optional(&rng) { rng in (0..<Int.random(in: 0...3, using: &rng)).map { _ in queueView(&rng) } }
        reply.calls = optional(&rng) { rng in (0..<Int.random(in: 0...3, using: &rng)).map { _ in callView(&rng) } }
        reply.explanation = optional(&rng) { strings(&$0) }
        reply.topics = optional(&rng) { strings(&$0) }
        reply.pending = optional(&rng) { string(&$0) }
        return reply
    }

    static func request(_ rng: inout some RandomNumberGenerator) -> WireRequest {
        var request = WireRequest(
            type: optional(&rng) { rng in Bool.random(using: &rng) ? RequestType.allCases.randomElement(using: &rng)!.rawValue : string(&rng) },
            id: optional(&rng) { requestID(&$0) }
        )
        request.protocol = optional(&rng) { integer(&$0) }
        request.role = optional(&rng) { Role.allCases.randomElement(using: &$0)! }
        request.client = optional(&rng) { string(&$0) }
        request.agent = optional(&rng) { string(&$0) }
        request.call = optional(&rng) { string(&$0) }
        request.queue = optional(&rng) { string(&$0) }
        request.priority = optional(&rng) { integer(&$0) }
        request.segment = optional(&rng) { string(&$0) }
        request.attributes = optional(&rng) { attributes(&$0) }
        request.enteredMs = optional(&rng) { integer(&$0) }
        request.by = optional(&rng) { string(&$0) }
        request.reason = optional(&rng) { string(&$0) }
        request.state = optional(&rng) { string(&$0) }
        request.topics = optional(&rng) { strings(&$0) }
        return request
    }

    /// A generator for property checks, from one of the functions above.
    static func generator<Value>(_ make: @escaping @Sendable (inout SplitMix) -> Value) -> Generator<Value, Shrink.None<Value>> {
        Generator { rng in
            var splitMix = SplitMix(seed: rng.next())
            return make(&splitMix)
        }
    }
}

/// A small seeded generator (SplitMix64), so that a sample is reproducible from one number.
struct SplitMix: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
