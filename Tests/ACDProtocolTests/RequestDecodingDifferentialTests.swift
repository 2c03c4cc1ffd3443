@testable import ACDProtocol
import PropertyBased
import Testing

/// The one-pass request decoder against the old Foundation path (`FoundationLineCodec`, the code
/// as it was): on generated lines, broken lines and noise they must agree on the id, on success
/// or failure, on the `WireRequest` and on the error code and message, except for the intended
/// differences, each recognised independently of the new decoder:
/// - `notStrictJSON`: a line that is not RFC 8259 JSON is `bad_json` with no id. Foundation's
///   decoder took trailing commas, a byte order mark, UTF-16 and UTF-32, and checked strings and
///   numbers only when it decoded them, so a malformed string or number in an unknown field, in a
///   repeated key, or in a known one, was `unknown field`, success, or `invalid_field` "the line
///   is not valid JSON".
/// - `duplicateKey`: a key that appears twice in the line's object or in `attributes` is
///   `invalid_field` "duplicate field 'k'" (Foundation took the first).
/// - messages: a number that does not fit an integer field says so ("field 'priority' is not an
///   integer", "... is out of range") where Foundation said "the line is not valid JSON"; an
///   attribute key is named as written ("attributes.CallerID"), not in Foundation's snake case
///   ("attributes._caller_i_d"). Codes are the same.
/// - `numberBeyondDouble`: numbers are read exactly; Foundation read a number with a fraction or an
///   exponent through a `Double` (and above 2^53 a `Decimal` that drops the fraction), which took
///   `1.0000000000000001` and `1e-400` for integers and refused `9.223372036854775807e18`. Such
///   numbers are not generated, only made by breaking lines.
/// `intendedDifferences` shows each on a line.
@Suite("Request decoding agrees with the old Foundation path")
struct RequestDecodingDifferentialTests {
    let oracle = FoundationLineCodec()

    enum Difference: String {
        case notStrictJSON
        case duplicateKey
        case numberBeyondDouble
    }

    @Test("generated lines")
    func generatedLines() async {
        await propertyCheck(count: 20_000, input: WireSamples.generator { RequestLines.line(&$0) }) { line in
            compare(line)
        }
    }

    @Test("generated lines, broken")
    func mutatedLines() async {
        await propertyCheck(count: 20_000, input: WireSamples.generator { RequestLines.mutated(&$0) }) { line in
            compare(line)
        }
    }

    @Test("random bytes")
    func randomBytes() async {
        await propertyCheck(count: 10_000, input: WireSamples.generator { RequestLines.randomBytes(&$0) }) { line in
            compare(line)
        }
    }

    @Test("generated lines with a key repeated: duplicateKey, or the error that comes first")
    func repeatedKeys() async {
        let lines = WireSamples.generator { rng -> [UInt8] in
            var line = RequestLines.line(&rng)
            let key = (["type"] + RequestLines.fieldNames).randomElement(using: &rng)!
            let member = RequestLines.string(key, &rng) + ":" + RequestLines.value(for: key, &rng)
            guard let brace = line.firstIndex(of: UInt8(ascii: "{")) else { return line }
            let isEmpty = line[(brace + 1)...].first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) } == UInt8(ascii: "}")
            line.insert(contentsOf: Array((member + "," + member + (isEmpty ? "" : ",")).utf8), at: brace + 1)
            return line
        }
        await propertyCheck(count: 5_000, input: lines) { line in
            compare(line)
            let new = WireRequest.decode(line)
            if case .failure(let error) = new.wire {
                #expect(error.message.hasPrefix("duplicate field") || error.message.hasPrefix("unknown field"),
                        "\(String(decoding: line, as: UTF8.self).debugDescription): \(error)")
            } else {
                Issue.record("a line with a repeated key was accepted: \(String(decoding: line, as: UTF8.self).debugDescription)")
            }
        }
    }

    /// Every intended difference, on a line that shows it: what the old path said, what the new
    /// decoder says.
    @Test(arguments: [
        // Not RFC 8259 JSON: now bad_json, with no id.
        (#"{"type":"status","id":1,}"#, "ok", "bad_json"),
        (#"{"type":"status","id":1,"x":[1,]}"#, "invalid_field: unknown field 'x'", "bad_json"),
        (#"{"type":"status","id":1,"x":01}"#, "invalid_field: unknown field 'x'", "bad_json"),
        (#"{"type":"status","id":1,"x":1.2.3}"#, "invalid_field: unknown field 'x'", "bad_json"),
        (#"{"type":"call.reprioritize","id":1,"call":"c","priority":01}"#, "invalid_field: the line is not valid JSON", "bad_json"),
        ("{\"type\":\"status\",\"id\":1,\"call\":\"a\tb\"}", "invalid_field: the line is not valid JSON", "bad_json"),
        (#"{"type":"status","id":1,"call":"\ud800"}"#, "invalid_field: the line is not valid JSON", "bad_json"),
        (#"{"type":"status","id":1,"x":"\x"}"#, "invalid_field: unknown field 'x'", "bad_json"),
        (#"{"type":"status","id":1,"id":01}"#, "ok", "bad_json"),
        ("\u{FEFF}{\"type\":\"status\",\"id\":1}", "ok", "bad_json"),
        // A repeated key: invalid_field, where Foundation took the first.
        (#"{"type":"status","id":1,"id":2}"#, "ok", "invalid_field: duplicate field 'id'"),
        (#"{"type":"call.enqueue","id":1,"call":"c","attributes":{"a":"1","a":"2"}}"#, "ok", "invalid_field: duplicate field 'attributes.a'"),
        // Numbers are read exactly; Foundation went through a Double.
        (#"{"type":"call.reprioritize","id":1,"call":"c","priority":1.0000000000000001}"#, "ok", "invalid_field: field 'priority' is not an integer"),
        (#"{"type":"status","id":1,"entered_ms":9007199254740993.5}"#, "ok", "invalid_field: field 'entered_ms' is not an integer"),
        (#"{"type":"status","id":1,"priority":1e-400}"#, "ok", "invalid_field: field 'priority' is not an integer"),
        (#"{"type":"status","id":9.223372036854775807e18}"#, "invalid_field: field 'id' has the wrong type", "ok"),
        // Clearer messages, same codes.
        (#"{"type":"call.reprioritize","id":1,"call":"c","priority":1.5}"#, "invalid_field: the line is not valid JSON", "invalid_field: field 'priority' is not an integer"),
        (#"{"type":"call.reprioritize","id":1,"call":"c","priority":1e30}"#, "invalid_field: the line is not valid JSON", "invalid_field: field 'priority' is out of range"),
        (#"{"type":"call.enqueue","id":1,"call":"c","attributes":{"CallerID":5}}"#, "invalid_field: field 'attributes._caller_i_d' has the wrong type", "invalid_field: field 'attributes.CallerID' has the wrong type"),
    ])
    func intendedDifferences(line: String, old: String, new: String) {
        func outcome(_ result: Result<WireRequest, ProtocolError>) -> String {
            switch result {
            case .success: "ok"
            case .failure(let error) where error.code == .badJSON: "bad_json"
            case .failure(let error): "\(error.code.rawValue): \(error.message)"
            }
        }
        #expect(outcome(oracle.decodeWire(Array(line.utf8)).wire) == old)
        #expect(outcome(WireRequest.decode(Array(line.utf8)).wire) == new)
    }

    @Test("a line in UTF-16 (Foundation detected it) is bad_json")
    func utf16() throws {
        let line = Array(#"{"type":"status"}"#.utf16.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8($0 >> 8)] })
        #expect(try oracle.decodeRequest(line).request.get() == .status)
        #expect(WireRequest.decode(line).wire == .failure(ProtocolError(.badJSON, "the line is not a JSON object")))
    }

    /// Compares one line; records an issue unless the two agree or differ as intended.
    private func compare(_ line: [UInt8]) {
        let old = oracle.decodeWire(line)
        let new = WireRequest.decode(line)
        if agree(old, new) { return }
        if intendedDifference(line, new) != nil { return }
        Issue.record("""
            the decoders disagree on \(String(decoding: line, as: UTF8.self).debugDescription) (\(line))
              old: \(old)
              new: \(new)
            """)
    }

    private func agree(
        _ old: (id: RequestID?, wire: Result<WireRequest, ProtocolError>),
        _ new: (id: RequestID?, wire: Result<WireRequest, ProtocolError>)
    ) -> Bool {
        guard old.id == new.id else { return false }
        switch (old.wire, new.wire) {
        case (.success(let oldWire), .success(let newWire)):
            return oldWire == newWire
        case (.failure(let oldError), .failure(let newError)):
            return oldError.code == newError.code && sameMessage(old: oldError.message, new: newError.message)
        case (.success, .failure), (.failure, .success):
            return false
        }
    }

    /// The messages are the same, but for the intended rewordings.
    private func sameMessage(old: String, new: String) -> Bool {
        if old == new { return true }
        if old == "the line is not valid JSON", new.hasSuffix("' is not an integer") || new.hasSuffix("' is out of range") {
            return true
        }
        let prefix = "field 'attributes.", suffix = "' has the wrong type"
        if new.hasPrefix(prefix), new.hasSuffix(suffix) {
            let key = String(new.dropFirst(prefix.count).dropLast(suffix.count))
            return old == prefix + FoundationLineCodec.snakeCase(key) + suffix
        }
        return false
    }

    private func intendedDifference(_ line: [UInt8], _ new: (id: RequestID?, wire: Result<WireRequest, ProtocolError>)) -> Difference? {
        if StrictJSONOracle.hasNumberBeyondDouble(line) {
            return .numberBeyondDouble
        }
        guard case .failure(let error) = new.wire else { return nil }
        if error.code == .badJSON, new.id == nil, !StrictJSONOracle.isJSON(line) {
            return .notStrictJSON
        }
        let prefix = "duplicate field '"
        if error.code == .invalidField, error.message.hasPrefix(prefix), let keys = StrictJSONOracle.keys(line) {
            let path = error.message.dropFirst(prefix.count).dropLast()
            let key = path.hasPrefix("attributes.") ? String(path.dropFirst("attributes.".count)) : String(path)
            if keys.filter({ $0 == key }).count >= 2 {
                return .duplicateKey
            }
        }
        return nil
    }
}

extension WireRequest {
    /// `decode(line:)` for an array.
    static func decode(_ line: [UInt8]) -> (id: RequestID?, wire: Result<WireRequest, ProtocolError>) {
        line.withUnsafeBufferPointer { decode(line: $0) }
    }
}
