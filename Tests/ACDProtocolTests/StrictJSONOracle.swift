import Foundation

/// Says, independently of `JSONReader`, whether bytes are a JSON text as RFC 8259 has it, for the
/// differential tests: where the new reader refuses a line the old path took, the line must not
/// be one. Foundation's `JSONSerialization` checks every value it reads, but takes a few things
/// RFC 8259 refuses (a trailing comma, a byte order mark, UTF-16 and UTF-32), which are checked
/// here first.
enum StrictJSONOracle {
    static func isJSON(_ bytes: [UInt8]) -> Bool {
        guard !bytes.contains(0), !bytes.starts(with: [0xEF, 0xBB, 0xBF]),
              String(validating: bytes, as: UTF8.self) != nil, !hasTrailingComma(bytes) else { return false }
        return (try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])) != nil
    }

    /// Whether a `,` is followed (after whitespace) by `}` or `]`, outside strings.
    static func hasTrailingComma(_ bytes: [UInt8]) -> Bool {
        var inString = false
        var escaped = false
        var afterComma = false
        for byte in bytes {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                continue
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if afterComma { return true }
            case UInt8(ascii: "\""):
                inString = true
            default:
                break
            }
            afterComma = byte == UInt8(ascii: ",")
        }
        return false
    }

    /// The keys written in the text (every string followed by a colon, at any depth), unescaped;
    /// nil if one cannot be read.
    static func keys(_ bytes: [UInt8]) -> [String]? {
        var keys: [String] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "\"") else {
                index += 1
                continue
            }
            var end = index + 1
            while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
                end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1
            }
            guard end < bytes.count else { break }
            var next = end + 1
            while next < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[next]) {
                next += 1
            }
            if next < bytes.count, bytes[next] == UInt8(ascii: ":") {
                guard let key = try? JSONSerialization.jsonObject(with: Data(bytes[index...end]), options: [.fragmentsAllowed]) as? String else {
                    return nil
                }
                keys.append(key)
            }
            index = end + 1
        }
        return keys
    }

    /// Whether the text has a number with a fraction or an exponent that a `Double` does not hold
    /// exactly enough to tell whether it is an integer: more than 15 significant digits, or an
    /// exponent below -300 (which a `Double` rounds to 0). Foundation read such numbers through a `Double` (and, above 2^53,
    /// a `Decimal` that drops the fraction); `JSONNumber` reads them exactly.
    static func hasNumberBeyondDouble(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        let pattern = try! NSRegularExpression(pattern: #"[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?"#)
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).contains { match in
            let token = (text as NSString).substring(with: match.range)
            guard token.contains(where: { ".eE".contains($0) }) else { return false }
            let parts = token.split(whereSeparator: { "eE".contains($0) })
            let digits = parts[0].filter(\.isNumber).drop { $0 == "0" }
            let exponent = parts.count > 1 ? Int(parts[1].prefix(6)) ?? 0 : 0
            return digits.count > 15 || exponent < -300
        }
    }
}
