import ACDProtocol
import Testing

/// The hand-written reader takes JSON as RFC 8259 has it and nothing else: what is not is
/// `bad_json` for a request (with no id) and a `malformed` error for a server line.
@Suite("Strict JSON")
struct StrictJSONTests {
    let codec = LineCodec()

    func decode(_ bytes: [UInt8]) -> (id: RequestID?, request: Result<Request, ProtocolError>) {
        codec.decodeRequest(bytes)
    }

    func isBadJSON(_ bytes: [UInt8]) -> Bool {
        let (id, request) = decode(bytes)
        return id == nil && request == .failure(ProtocolError(.badJSON, "the line is not a JSON object"))
    }

    @Test("what RFC 8259 refuses is bad_json", arguments: [
        "", " ", "null", "1", "\"status\"", "[]", "[{\"type\":\"status\"}]",
        #"{"type":"status",}"#, #"{"type":"status","topics":["all",]}"#, #"{,"type":"status"}"#, #"{"type":"status",,"id":1}"#,
        #"{"type":"status" "id":1}"#, #"{"type" "status"}"#, #"{"type":"status""#, #"{"type":"status"}}"#,
        #"{"type":"status"}{"type":"status"}"#, #"{"type":"status"} x"#, #"{type:"status"}"#, #"{'type':'status'}"#,
        #"{"type":"status"} // comment"#, #"{"type":"status",/* comment */"id":1}"#,
        #"{"type":"status","id":01}"#, #"{"type":"status","id":-01}"#, #"{"type":"status","id":00}"#,
        #"{"type":"status","id":1.}"#, #"{"type":"status","id":.5}"#, #"{"type":"status","id":+1}"#,
        #"{"type":"status","id":-}"#, #"{"type":"status","id":1e}"#, #"{"type":"status","id":1e+}"#,
        #"{"type":"status","id":1.2.3}"#, #"{"type":"status","id":0x10}"#, #"{"type":"status","id":NaN}"#,
        #"{"type":"status","id":Infinity}"#, #"{"type":"status","id":-Infinity}"#, #"{"type":"status","id":1_000}"#,
        #"{"type":"status","x":tru}"#, #"{"type":"status","x":True}"#, #"{"type":"status","x":nul}"#, #"{"type":"status","x":nulll}"#,
        #"{"type":"st\atus"}"#, #"{"type":"st\x41tus"}"#, #"{"type":"st\u41tus"}"#, #"{"type":"st\u00G1tus"}"#,
        #"{"type":"status\"}"#, #"{"type":"status\u"}"#,
        #"{"type":"status","x":"\ud800"}"#, #"{"type":"status","x":"\udc00"}"#, #"{"type":"status","x":"\ud800\u0041"}"#,
        #"{"type":"status","x":"\ud800\ud800"}"#, #"{"type":"status","x":"\ude00\ud83d"}"#, #"{"type":"status","x":"\ud800\"}"#,
        "{\"type\":\"status\",\"x\":\"a\u{0}b\"}", "{\"type\":\"status\",\"x\":\"a\tb\"}", "{\"type\":\"status\",\"x\":\"a\nb\"}",
        "{\"type\":\"status\",\"x\":\"\u{1F}\"}", "\u{FEFF}{\"type\":\"status\"}", "{\"type\":\"status\"}\u{0C}", "\u{0B}{\"type\":\"status\"}",
        "{\"type\":\"status\"}\u{A0}", "{\"type\":\"status\",\u{2028}\"id\":1}",
    ])
    func refusesWhatIsNotJSON(line: String) {
        #expect(isBadJSON(Array(line.utf8)), "\(line.debugDescription)")
        #expect(throws: JSONDecodingError.self, "\(line.debugDescription)") { try codec.decodeServerLine(Array(line.utf8)) }
    }

    @Test("invalid UTF-8 anywhere is bad_json", arguments: [
        [0xFF], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],
        [0xF0, 0x80, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xE2, 0x82], [0xE2, 0x82, 0x41],
        [0x80], [0xBF], [0xC3], [0xF0, 0x9F, 0x98],
    ] as [[UInt8]])
    func refusesInvalidUTF8(sequence: [UInt8]) {
        for (before, after) in [(#"{"type":"status","x":""#, #""}"#), (#"{"type":"status",""#, #"":1}"#),
                                (#"{"type":"st"#, #"atus"}"#), (#"{"type":"status"}"#, ""), ("", #"{"type":"status"}"#)] {
            let line = Array(before.utf8) + sequence + Array(after.utf8)
            #expect(isBadJSON(line), "\(before) \(sequence) \(after)")
        }
    }

    @Test("every valid UTF-8 length, escapes of every kind and whitespace everywhere are read")
    func readsWhatIsJSON() throws {
        let line = " \t\r\n{ \"type\" :\n\"call.enqueue\" , \"id\"\t:\r\"\\u00e9\\u00E9\\/\\\\\\\"\\b\\f\\n\\r\\t\\u0000\\ud83d\\ude00\\uD83D\\uDE00é中😀\u{7F}\","
            + #""call":"c","attributes":{"\u0061":"\u4e2d","":"","b":"\\"}}"# + " \r\n"
        let (id, request) = decode(Array(line.utf8))
        #expect(id == .string("éé/\\\"\u{8}\u{C}\n\r\t\u{0}😀😀é中😀\u{7F}"))
        #expect(try request.get() == .callEnqueue(CallEnqueue(call: "c", attributes: ["a": "中", "": "", "b": "\\"])))
    }

    @Test("containers nest up to 512 deep, the line's object included, like Foundation's")
    func nestingLimit() {
        func line(depth: Int) -> [UInt8] {
            Array((#"{"type":"status","x":"# + String(repeating: "[", count: depth - 1) + String(repeating: "]", count: depth - 1) + "}").utf8)
        }
        #expect(decode(line(depth: 512)).request == .failure(ProtocolError(.invalidField, "unknown field 'x'")))
        #expect(isBadJSON(line(depth: 513)))
        #expect(isBadJSON(line(depth: 100_000)))
        #expect(isBadJSON(Array(String(repeating: "[", count: 100_000).utf8)))
    }

    @Test("an integer field takes a number whose value is a whole number in range, however it is written", arguments: [
        ("3", 3), ("3.0", 3), ("3e0", 3), ("30E-1", 3), ("0.3e1", 3), ("0.3E+1", 3), ("300e-2", 3), ("-0", 0), ("-0.0e5", 0),
        ("0e999999999999999999999", 0), ("9223372036854775807", Int.max), ("-9223372036854775808", Int.min),
        ("9.223372036854775807e18", Int.max), ("-92233720368547758.08e2", Int.min), ("1000000000000000000e-18", 1),
    ])
    func integers(text: String, value: Int) throws {
        let line = #"{"type":"call.reprioritize","id":1,"call":"c","priority":\#(text)}"#
        #expect(decode(Array(line.utf8)).request == .failure(ProtocolError(.invalidPriority, "priority \(value) is outside 0-9"))
                || (0...9).contains(value))
        let enqueue = #"{"type":"call.enqueue","id":\#(text),"call":"c","entered_ms":\#(text)}"#
        let (id, request) = decode(Array(enqueue.utf8))
        #expect(id == .number(Int64(value)))
        #expect(try request.get() == .callEnqueue(CallEnqueue(call: "c", enteredMs: Int64(value))))
    }

    @Test("a number that is no integer, or too large, is refused with the field's name", arguments: [
        ("1.5", "is not an integer"), ("1e-1", "is not an integer"), ("0.30000000000000001e1", "is not an integer"),
        ("1e-400", "is not an integer"), ("9223372036854775808", "is out of range"), ("-9223372036854775809", "is out of range"),
        ("1e19", "is out of range"), ("1e400", "is out of range"), ("123456789012345678901234567890", "is out of range"),
    ])
    func notIntegers(text: String, problem: String) {
        let line = #"{"type":"call.enqueue","id":"x","call":"c","entered_ms":\#(text)}"#
        #expect(decode(Array(line.utf8)) == (.string("x"), .failure(ProtocolError(.invalidField, "field 'entered_ms' \(problem)"))))
        // An id that is no 64-bit integer has the wrong type, and is not returned.
        let id = #"{"type":"status","id":\#(text)}"#
        #expect(decode(Array(id.utf8)) == (nil, .failure(ProtocolError(.invalidField, "field 'id' has the wrong type"))))
    }

    @Test("a key given twice is refused, in the line's object and in attributes")
    func duplicateKeys() {
        #expect(decode(Array(#"{"type":"status","id":1,"id":2}"#.utf8)) == (.number(1), .failure(ProtocolError(.invalidField, "duplicate field 'id'"))))
        #expect(decode(Array(#"{"type":"status","id":1,"t\u0079pe":"status"}"#.utf8)) == (.number(1), .failure(ProtocolError(.invalidField, "duplicate field 'type'"))))
        #expect(decode(Array(#"{"type":"call.enqueue","id":1,"call":"c","attributes":{"a":"1","\u0061":"1"}}"#.utf8))
            == (.number(1), .failure(ProtocolError(.invalidField, "duplicate field 'attributes.a'"))))
        // An unknown field is reported first.
        #expect(decode(Array(#"{"type":"status","type":"status","zz":1}"#.utf8)).request == .failure(ProtocolError(.invalidField, "unknown field 'zz'")))
    }

    @Test("several problems: unknown fields first (sorted), then repeated keys, then fields in declaration order")
    func problemOrder() {
        #expect(decode(Array(#"{"zz":1,"type":5,"aa":2}"#.utf8)).request == .failure(ProtocolError(.invalidField, "unknown field 'aa'")))
        #expect(decode(Array(#"{"topics":5,"call":5,"call":5,"type":5}"#.utf8)).request == .failure(ProtocolError(.invalidField, "duplicate field 'call'")))
        #expect(decode(Array(#"{"topics":5,"role":"x","priority":1.5,"type":"status"}"#.utf8)).request
            == .failure(ProtocolError(.invalidField, "field 'role' has an unknown value")))
        #expect(decode(Array(#"{"type":"subscribe","topics":["all",5,{}]}"#.utf8)).request
            == .failure(ProtocolError(.invalidField, "field 'topics.1' has the wrong type")))
    }

    @Test("server lines: a field that does not fit names its path")
    func serverLineErrors() {
        func error(_ line: String) -> String? {
            do {
                _ = try codec.decodeServerLine(Array(line.utf8))
                return nil
            } catch {
                return error.description
            }
        }
        #expect(error(#"{"event":"offer"}"#) == "missing field 'seq'")
        #expect(error(#"{"event":"dance","seq":1}"#) == "field 'event' has an unknown value")
        #expect(error(#"{"event":"offer","seq":-1}"#) == "field 'seq' is out of range")
        #expect(error(#"{"ok":true,"queues":[{"id":"q","waiting":0,"logged_in":0,"ready":0,"not_ready":0,"average_handle_ms":0,"stats":{"offered":"1"}}]}"#)
            == "field 'queues.0.stats.offered' has the wrong type")
        #expect(error(#"{"ok":true,"error":{"code":"unknown_call"}}"#) == "missing field 'error.message'")
        #expect(error(#"{"ok":true,"ok":true}"#) == "duplicate field 'ok'")
        #expect(error(#"{"ok":true,}"#) == "the line is not a JSON object: expected a key at byte 11")
        #expect(error(#"{"ok":true,"newer":{"any":[1,"x",null]}}"#) == nil)
    }
}
