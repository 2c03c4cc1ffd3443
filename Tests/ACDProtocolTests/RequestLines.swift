import ACDProtocol

/// Request lines for the differential tests, written by hand rather than by an encoder: members
/// in any order, whitespace between tokens, strings with escapes of every kind, integers written
/// as `3`, `3.0`, `3e0`, `30E-1`, values of the wrong kind, `null`s, unknown keys. `mutated` breaks
/// such a line a little; `randomBytes` is noise.
///
/// A number with a fraction or an exponent is only written for values under 2^53: above that,
/// Foundation went through a `Double` and got some wrong (an intended difference, listed in
/// `RequestDecodingDifferentialTests.intendedDifferences`).
enum RequestLines {
    static let fieldNames = ["id", "protocol", "role", "client", "agent", "call", "queue", "priority", "segment",
                             "attributes", "entered_ms", "by", "reason", "state", "topics"]
    static let unknownNames = ["colour", "Call", "ID", "typ", "entered-ms", "enteredMs", "caller_id", "é", "", "type ", "\u{0}"]

    static func line(_ rng: inout some RandomNumberGenerator) -> [UInt8] {
        var members: [(String, String)] = []
        switch Int.random(in: 0..<10, using: &rng) {
        case 0: break
        case 1: members.append(("type", anyValue(&rng, depth: 1)))
        case 2: members.append(("type", string(WireSamples.string(&rng), &rng)))
        default: members.append(("type", string(RequestType.allCases.randomElement(using: &rng)!.rawValue, &rng)))
        }
        for name in fieldNames where Int.random(in: 0..<10, using: &rng) < 3 {
            members.append((name, value(for: name, &rng)))
        }
        if Int.random(in: 0..<10, using: &rng) == 0 {
            members.append((unknownNames.randomElement(using: &rng)!, anyValue(&rng, depth: 2)))
        }
        members.shuffle(using: &rng)
        let body = members.map { name, value in
            string(name, &rng) + space(&rng) + ":" + space(&rng) + value
        }.joined(separator: space(&rng) + "," + space(&rng))
        return Array((space(&rng) + "{" + space(&rng) + body + space(&rng) + "}" + space(&rng)).utf8)
    }

    /// A line from `line`, with one to four bytes deleted, inserted, replaced or a stretch cut off
    /// or repeated.
    static func mutated(_ rng: inout some RandomNumberGenerator) -> [UInt8] {
        var bytes = line(&rng)
        let interesting: [UInt8] = Array(#"{}[],:"\ -.0123456789eEtfnu/abc"#.utf8) + [0x00, 0x09, 0x0A, 0x1F, 0x7F, 0x80, 0xC3, 0xE2, 0xED, 0xF0, 0xFF]
        for _ in 0..<Int.random(in: 1...4, using: &rng) where !bytes.isEmpty {
            let index = Int.random(in: 0..<bytes.count, using: &rng)
            switch Int.random(in: 0..<6, using: &rng) {
            case 0: bytes.remove(at: index)
            case 1: bytes.insert(interesting.randomElement(using: &rng)!, at: index)
            case 2: bytes[index] = interesting.randomElement(using: &rng)!
            case 3: bytes[index] = UInt8.random(in: 0...255, using: &rng)
            case 4: bytes.removeSubrange(index...)
            default:
                let end = min(bytes.count, index + Int.random(in: 1...8, using: &rng))
                bytes.insert(contentsOf: bytes[index..<end], at: end)
            }
        }
        return bytes
    }

    static func randomBytes(_ rng: inout some RandomNumberGenerator) -> [UInt8] {
        let alphabet: [UInt8] = Array(#"{}[],:"\ 01eE-.truefalsenul"#.utf8) + [0x00, 0x80, 0xFF]
        return (0..<Int.random(in: 0...24, using: &rng)).map { _ in
            Bool.random(using: &rng) ? alphabet.randomElement(using: &rng)! : UInt8.random(in: 0...255, using: &rng)
        }
    }

    /// The value of a known field: mostly of its kind, sometimes `null` or of another kind.
    static func value(for name: String, _ rng: inout some RandomNumberGenerator) -> String {
        switch Int.random(in: 0..<20, using: &rng) {
        case 0: return "null"
        case 1, 2: return anyValue(&rng, depth: 2)
        default: break
        }
        switch name {
        case "id":
            return Bool.random(using: &rng) ? integer(&rng) : string(WireSamples.string(&rng), &rng)
        case "protocol", "priority", "entered_ms":
            return integer(&rng)
        case "role":
            return string(Bool.random(using: &rng) ? Role.allCases.randomElement(using: &rng)!.rawValue : WireSamples.string(&rng), &rng)
        case "attributes":
            var keys: Set<String> = []
            for _ in 0..<Int.random(in: 0...4, using: &rng) {
                keys.insert(WireSamples.string(&rng, maxLength: 6))
            }
            return "{" + keys.map { key in
                string(key, &rng) + space(&rng) + ":" + space(&rng)
                    + (Int.random(in: 0..<10, using: &rng) == 0 ? anyValue(&rng, depth: 1) : string(WireSamples.string(&rng), &rng))
            }.joined(separator: ",") + "}"
        case "topics":
            return "[" + (0..<Int.random(in: 0...3, using: &rng)).map { _ in
                Int.random(in: 0..<10, using: &rng) == 0
                    ? anyValue(&rng, depth: 1)
                    : string(Bool.random(using: &rng) ? ["queues", "agents", "calls", "all", "x"].randomElement(using: &rng)! : WireSamples.string(&rng), &rng)
            }.joined(separator: "," + space(&rng)) + "]"
        default:
            return string(WireSamples.string(&rng), &rng)
        }
    }

    /// Any JSON value, nested at most `depth` deep.
    static func anyValue(_ rng: inout some RandomNumberGenerator, depth: Int) -> String {
        switch Int.random(in: 0..<(depth > 0 ? 8 : 6), using: &rng) {
        case 0: return "true"
        case 1: return "false"
        case 2: return "null"
        case 3: return integer(&rng)
        case 4: return ["1.5", "-0.25", "1e400", "-1E-3", "0.1", "123.456e2"].randomElement(using: &rng)!
        case 5: return string(WireSamples.string(&rng), &rng)
        case 6: return "[" + (0..<Int.random(in: 0...3, using: &rng)).map { _ in anyValue(&rng, depth: depth - 1) }.joined(separator: ",") + "]"
        default:
            var keys: Set<String> = []
            for _ in 0..<Int.random(in: 0...3, using: &rng) {
                keys.insert(WireSamples.string(&rng, maxLength: 4))
            }
            return "{" + keys.map { string($0, &rng) + ":" + anyValue(&rng, depth: depth - 1) }.joined(separator: ",") + "}"
        }
    }

    /// An integer as JSON may write it; with a fraction or exponent only under 2^53.
    static func integer(_ rng: inout some RandomNumberGenerator) -> String {
        let value: Int64 = switch Int.random(in: 0..<4, using: &rng) {
        case 0: WireSamples.integer(&rng)
        case 1: Int64.random(in: -20...20, using: &rng)
        default: Int64.random(in: 1_600_000_000_000...1_800_000_000_000, using: &rng)
        }
        if Int.random(in: 0..<12, using: &rng) == 0 {
            return ["9223372036854775808", "-9223372036854775809", "18446744073709551616", "1e19", "-0", "0.5", "7.25",
                    "100000000000000000000000000000"].randomElement(using: &rng)!
        }
        guard value.magnitude < 1 << 53, Int.random(in: 0..<3, using: &rng) == 0 else { return String(value) }
        switch Int.random(in: 0..<5, using: &rng) {
        case 0: return "\(value).0"
        case 1: return "\(value)e0"
        case 2: return value == 0 ? "0E-1" : "\(value)0E-1"
        case 3: return "\(value).000e+0"
        default:
            // 1700000000000 as 17e11.
            var mantissa = value
            var exponent = 0
            while mantissa != 0, mantissa % 10 == 0 {
                mantissa /= 10
                exponent += 1
            }
            return "\(mantissa)e\(exponent)"
        }
    }

    /// A string literal: escapes where JSON needs them, in either form, and sometimes where it does not.
    static func string(_ value: String, _ rng: inout some RandomNumberGenerator) -> String {
        var literal = "\""
        for scalar in value.unicodeScalars {
            let escapeAnyway = Int.random(in: 0..<10, using: &rng) == 0
            switch scalar {
            case "\"": literal += Bool.random(using: &rng) ? "\\\"" : "\\u0022"
            case "\\": literal += Bool.random(using: &rng) ? "\\\\" : "\\u005C"
            case "/" where escapeAnyway: literal += "\\/"
            case "\n" where !escapeAnyway: literal += "\\n"
            case "\t" where !escapeAnyway: literal += "\\t"
            case _ where scalar.value < 0x20 || escapeAnyway:
                for unit in String(scalar).utf16 {
                    let hex = String(unit, radix: 16, uppercase: Bool.random(using: &rng))
                    literal += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
            default: literal.unicodeScalars.append(scalar)
            }
        }
        return literal + "\""
    }

    static func space(_ rng: inout some RandomNumberGenerator) -> String {
        Int.random(in: 0..<4, using: &rng) == 0 ? [" ", "\t", "\n", "\r", "  ", "\r\n"].randomElement(using: &rng)! : ""
    }
}
