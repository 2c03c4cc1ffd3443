import ACDProtocol
import Foundation
import PropertyBased
import Testing

/// `LineCodec.decodeServerLine` against the old Foundation path: on the lines the server writes
/// (random replies and events), on those lines broken a little and on noise, both fail, or both
/// read the same value; except for the intended differences, each recognised independently of the
/// new reader:
/// - `notStrictJSON`: a line that is not RFC 8259 JSON fails (Foundation took trailing commas and
///   a byte order mark, and did not check the values of keys it skipped);
/// - `duplicateKey`: a key that appears twice in one object fails (Foundation took the first);
/// - `otherSpelling`: only the keys as the server writes them are read; Foundation's snake-case
///   conversion also read `ewtMs`, `EWT_MS` or `ewt__ms` as `ewt_ms`; they are now unknown keys,
///   skipped;
/// - `numberBeyondDouble`: numbers are read exactly; Foundation read a number with a fraction or an
///   exponent through a `Double`, which took `1.0000000000000001` for 1 and `-28295470228174560.2`
///   for -28295470228174560 in an integer field;
/// - `zeroWithExponent`: Foundation refuses a number such as `0e1` (zero with an exponent), which
///   RFC 8259 allows and the new reader reads.
@Suite("Server line decoding agrees with the old Foundation path")
struct ServerLineDifferentialTests {
    let codec = LineCodec()
    let oracle = FoundationLineCodec()

    /// A line the server could write: a random event or reply.
    static func line(_ rng: inout some RandomNumberGenerator) -> [UInt8] {
        let codec = LineCodec()
        let line = Bool.random(using: &rng) ? codec.encode(WireSamples.event(&rng)) : codec.encode(WireSamples.reply(&rng))
        return Array(line.dropLast())
    }

    @Test("the lines the server writes")
    func serverLines() async {
        await propertyCheck(count: 3_000, input: WireSamples.generator { Self.line(&$0) }) { line in
            compare(line)
        }
    }

    @Test("the lines the server writes, broken")
    func mutatedLines() async {
        let mutated = WireSamples.generator { rng -> [UInt8] in
            var bytes = Self.line(&rng)
            let interesting: [UInt8] = Array(#"{}[],:"\ -.0123456789eEtfnu_"#.utf8) + [0x00, 0x7F, 0x80, 0xFF]
            for _ in 0..<Int.random(in: 1...3, using: &rng) where !bytes.isEmpty {
                let index = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: bytes.remove(at: index)
                case 1: bytes.insert(interesting.randomElement(using: &rng)!, at: index)
                case 2: bytes[index] = interesting.randomElement(using: &rng)!
                default: bytes[index] = UInt8.random(in: 0...255, using: &rng)
                }
            }
            return bytes
        }
        await propertyCheck(count: 10_000, input: mutated) { line in
            compare(line)
        }
    }

    @Test("random bytes")
    func randomBytes() async {
        await propertyCheck(count: 5_000, input: WireSamples.generator { RequestLines.randomBytes(&$0) }) { line in
            compare(line)
        }
    }

    @Test("intended differences", arguments: [
        (#"{"event":"offer","seq":1,}"#, true, false),
        (#"{"event":"offer","seq":1,"x":"\ud800"}"#, true, false),
        (#"{"event":"offer","seq":1,"call":"a","call":"b"}"#, true, false),
        (#"{"id":1,"ok":true,"ewtMs":5}"#, true, true),
        (#"{"id":1,"ok":true,"calls":[{"id":"c","state":"ringing","queue":"q","queues":["q"],"priority":0,"entered_ms":1,"agents":[],"consult_agEnt":"a"}]}"#, true, true),
    ])
    func intendedDifferences(line: String, oldReads: Bool, newReads: Bool) throws {
        #expect(((try? oracle.decodeServerLine(Array(line.utf8))) != nil) == oldReads, "\(line)")
        #expect(((try? codec.decodeServerLine(Array(line.utf8))) != nil) == newReads, "\(line)")
        if oldReads, newReads {
            // ewtMs and consult_agEnt are read by the old path only.
            #expect(try oracle.decodeServerLine(Array(line.utf8)) != codec.decodeServerLine(Array(line.utf8)))
        }
    }

    private func compare(_ line: [UInt8]) {
        let old = try? oracle.decodeServerLine(line)
        let new: ServerLine?
        let error: JSONDecodingError?
        do {
            new = try codec.decodeServerLine(line)
            error = nil
        } catch let failure {
            new = nil
            error = failure
        }
        if old == new { return }
        if let error {
            if !StrictJSONOracle.isJSON(line) { return }
            if error.problem == .duplicate, let key = error.path.last, let keys = StrictJSONOracle.keys(line),
               keys.filter({ $0 == key }).count >= 2 {
                return
            }
        }
        if let keys = StrictJSONOracle.keys(line), keys.contains(where: Self.isOtherSpelling) { return }
        if StrictJSONOracle.hasNumberBeyondDouble(line) { return }
        if old == nil, new != nil, Self.hasZeroWithExponent(line) { return }
        Issue.record("""
            the decoders disagree on \(String(decoding: line, as: UTF8.self).debugDescription)
              old: \(old.map { "\($0)" } ?? "fails")
              new: \(new.map { "\($0)" } ?? "fails: \(error.map { "\($0)" } ?? "")")
            """)
    }

    /// Whether the line has a `0` that starts a number and is followed by an exponent (`0e1`).
    static func hasZeroWithExponent(_ line: [UInt8]) -> Bool {
        let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
        for index in line.indices.dropLast() where line[index] == UInt8(ascii: "0") {
            let before = index > line.startIndex ? line[index - 1] : UInt8(ascii: " ")
            let after = line[index + 1]
            if !digits.contains(before), before != UInt8(ascii: "."), after == UInt8(ascii: "e") || after == UInt8(ascii: "E") {
                return true
            }
        }
        return false
    }

    /// Every key the server writes.
    static let serverKeys: Set<String> = [
        "event", "seq", "call", "agent", "queue", "from", "to", "queues", "reason", "outcome", "destination", "state",
        "contact", "position", "tier", "priority", "segment", "attributes", "ewt_ms", "waited_ms", "expires_ms",
        "until_ms", "since_ms", "hard", "consecutive", "target", "daily_target", "message", "rule", "id", "ok", "type", "error", "server",
        "session", "protocol", "agents", "calls", "explanation", "topics", "code", "name", "resting_until_ms",
        "pending_reason", "calls_answered", "talk_time_ms", "missed_offers", "waiting", "oldest_entered_ms",
        "logged_in", "ready", "not_ready", "average_handle_ms", "stats", "offered", "answered", "answered_in_time",
        "abandoned", "service_level", "asa_ms", "aht_ms", "abandon_rate", "entered_ms",
        "pending", "team", "breaks", "count", "count_left", "used_ms", "time_left_ms", "break_reason",
        "answered_in_target", "attempt", "attempts", "breaches", "call_types", "callbacks", "callbacks_reached",
        "classification_required", "consult_agent", "dial_failures", "due_ms", "escalations", "kind", "motives", "number",
        "open", "opens_ms", "outbound", "outbound_reached", "outbound_waiting", "parked_callbacks", "result", "segments",
        "sub_motives",
    ]

    /// A key the server does not write that Foundation's conversion read as one it does.
    static func isOtherSpelling(_ key: String) -> Bool {
        !serverKeys.contains(key) && serverKeys.contains { fromSnakeCase($0) == fromSnakeCase(key) }
    }

    /// `JSONDecoder.KeyDecodingStrategy.convertFromSnakeCase`, as Foundation has it.
    static func fromSnakeCase(_ key: String) -> String {
        guard let first = key.firstIndex(where: { $0 != "_" }) else { return key }
        var last = key.index(before: key.endIndex)
        while last > first, key[last] == "_" {
            key.formIndex(before: &last)
        }
        let components = key[first...last].split(separator: "_")
        let joined = components.count == 1
            ? String(key[first...last])
            : ([components[0].lowercased()] + components[1...].map(\.capitalized)).joined()
        return String(key[..<first]) + joined + String(key[key.index(after: last)...])
    }
}
