/// Reads one JSON text from UTF-8 bytes, value by value, strictly as RFC 8259 has it: no trailing
/// commas, no comments, no leading zeros, no control characters in strings, valid UTF-8 only,
/// `\u` escapes with surrogates in pairs, whitespace only where the grammar allows it, nothing after
/// the value. Containers nest at most `maximumDepth` deep (as with Foundation's parser). Every
/// problem throws `JSONDecodingError` with `.malformed`, naming what was expected and the byte.
///
/// The caller drives it: `peekKind()` says what comes, then it reads or skips that value.
/// Objects: `beginObject()` says whether a member follows; each member is `readKey` then its
/// value, then `endMember()` says whether another follows. Arrays likewise with `beginArray()` and
/// `endElement()`. `finish()` checks that nothing but whitespace follows the value.
///
/// It reads the caller's buffer in place: use it only while the buffer is valid.
struct JSONReader {
    /// The kinds of JSON values.
    enum Kind {
        case object
        case array
        case string
        case number
        case bool
        case null
    }

    /// Containers nested deeper than this are refused (the line's object counts as 1).
    static let maximumDepth = 512

    private let input: UnsafeBufferPointer<UInt8>
    /// The next byte to read.
    private var position = 0
    /// The containers open at `position`.
    private var depth = 0

    init(_ input: UnsafeBufferPointer<UInt8>) {
        self.input = input
    }

    // MARK: Structure

    /// The kind of the value that comes next (after any whitespace), which is not read yet.
    mutating func peekKind() throws(JSONDecodingError) -> Kind {
        skipWhitespace()
        switch byte(at: position) {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        default: throw malformed("expected a value")
        }
    }

    /// Reads `{`: true if a member follows, false if the object is empty (and read).
    mutating func beginObject() throws(JSONDecodingError) -> Bool {
        try open(UInt8(ascii: "{"), "expected an object")
        skipWhitespace()
        guard byte(at: position) == UInt8(ascii: "}") else { return true }
        position += 1
        depth -= 1
        return false
    }

    /// Reads a member's key and its colon: one of the table's fields, or any other key.
    mutating func readKey<Field>(in table: JSONKeyTable<Field>) throws(JSONDecodingError) -> JSONKeyTable<Field>.Key {
        skipWhitespace()
        guard byte(at: position) == UInt8(ascii: "\"") else { throw malformed("expected a key") }
        let (range, escaped) = try scanString()
        let key: JSONKeyTable<Field>.Key = if escaped {
            unescaped(range).withUnsafeBufferPointer { table.key($0) }
        } else {
            table.key(UnsafeBufferPointer(rebasing: input[range]))
        }
        try readColon()
        return key
    }

    /// Reads a member's key and its colon.
    mutating func readKey() throws(JSONDecodingError) -> String {
        skipWhitespace()
        guard byte(at: position) == UInt8(ascii: "\"") else { throw malformed("expected a key") }
        let key = try readString()
        try readColon()
        return key
    }

    /// After a member's value: true if another member follows (`,`), false at the end (`}`).
    mutating func endMember() throws(JSONDecodingError) -> Bool {
        try close(UInt8(ascii: "}"), "expected ',' or '}'")
    }

    /// Reads `[`: true if an element follows, false if the array is empty (and read).
    mutating func beginArray() throws(JSONDecodingError) -> Bool {
        try open(UInt8(ascii: "["), "expected an array")
        skipWhitespace()
        guard byte(at: position) == UInt8(ascii: "]") else { return true }
        position += 1
        depth -= 1
        return false
    }

    /// After an element: true if another follows (`,`), false at the end (`]`).
    mutating func endElement() throws(JSONDecodingError) -> Bool {
        try close(UInt8(ascii: "]"), "expected ',' or ']'")
    }

    /// Checks that only whitespace follows the value read.
    mutating func finish() throws(JSONDecodingError) {
        skipWhitespace()
        guard position == input.count else { throw malformed("expected the end of the line") }
    }

    // MARK: Values

    /// Reads a string.
    mutating func readString() throws(JSONDecodingError) -> String {
        guard byte(at: position) == UInt8(ascii: "\"") else { throw malformed("expected a string") }
        let (range, escaped) = try scanString()
        if escaped {
            return String(decoding: unescaped(range), as: UTF8.self)
        }
        return String(decoding: UnsafeBufferPointer(rebasing: input[range]), as: UTF8.self)
    }

    /// Reads a number.
    mutating func readNumber() throws(JSONDecodingError) -> JSONNumber {
        let start = position
        let isNegative = byte(at: position) == UInt8(ascii: "-")
        if isNegative {
            position += 1
        }
        let integerStart = position
        switch byte(at: position) {
        case UInt8(ascii: "0"):
            position += 1
            if isDigit(byte(at: position)) { throw malformed("a number with a leading zero") }
        case UInt8(ascii: "1")...UInt8(ascii: "9"):
            skipDigits()
        default:
            throw malformed("expected a digit")
        }
        let integerEnd = position
        var fractionDigits = integerEnd..<integerEnd
        if byte(at: position) == UInt8(ascii: ".") {
            position += 1
            let fractionStart = position
            guard isDigit(byte(at: position)) else { throw malformed("expected a digit after '.'") }
            skipDigits()
            fractionDigits = fractionStart..<position
        }
        var exponent = 0
        if byte(at: position) | 0x20 == UInt8(ascii: "e") {
            position += 1
            let negativeExponent = byte(at: position) == UInt8(ascii: "-")
            if negativeExponent || byte(at: position) == UInt8(ascii: "+") {
                position += 1
            }
            guard isDigit(byte(at: position)) else { throw malformed("expected a digit in the exponent") }
            while isDigit(byte(at: position)) {
                exponent = min(exponent * 10 + Int(input[position] &- UInt8(ascii: "0")), JSONNumber.exponentLimit)
                position += 1
            }
            if negativeExponent {
                exponent = -exponent
            }
        }
        return JSONNumber(
            text: UnsafeBufferPointer(rebasing: input[start..<position]), isNegative: isNegative,
            integerDigits: (integerStart - start)..<(integerEnd - start),
            fractionDigits: (fractionDigits.lowerBound - start)..<(fractionDigits.upperBound - start),
            exponent: exponent
        )
    }

    /// Reads `true` or `false`.
    mutating func readBool() throws(JSONDecodingError) -> Bool {
        if byte(at: position) == UInt8(ascii: "t") {
            try readLiteral("true")
            return true
        }
        try readLiteral("false")
        return false
    }

    /// Reads `null`.
    mutating func readNull() throws(JSONDecodingError) {
        try readLiteral("null")
    }

    /// Reads the next value, whatever it is, checking it as closely as any other.
    mutating func skipValue() throws(JSONDecodingError) {
        switch try peekKind() {
        case .object:
            var more = try beginObject()
            while more {
                skipWhitespace()
                guard byte(at: position) == UInt8(ascii: "\"") else { throw malformed("expected a key") }
                _ = try scanString()
                try readColon()
                try skipValue()
                more = try endMember()
            }
        case .array:
            var more = try beginArray()
            while more {
                try skipValue()
                more = try endElement()
            }
        case .string:
            _ = try scanString()
        case .number:
            _ = try readNumber()
        case .bool:
            _ = try readBool()
        case .null:
            try readNull()
        }
    }

    // MARK: Bytes

    /// The byte at `index`, or 0 past the end (0 is never valid where a byte is looked at: outside
    /// strings it is no token, inside them a control character).
    private func byte(at index: Int) -> UInt8 {
        index < input.count ? input[index] : 0
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    private mutating func skipWhitespace() {
        while position < input.count {
            switch input[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                position += 1
            default:
                return
            }
        }
    }

    private mutating func skipDigits() {
        while isDigit(byte(at: position)) {
            position += 1
        }
    }

    private mutating func open(_ bracket: UInt8, _ expected: StaticString) throws(JSONDecodingError) {
        skipWhitespace()
        guard byte(at: position) == bracket else { throw malformed(expected) }
        guard depth < Self.maximumDepth else { throw malformed("containers nested too deep") }
        position += 1
        depth += 1
    }

    private mutating func close(_ bracket: UInt8, _ expected: StaticString) throws(JSONDecodingError) -> Bool {
        skipWhitespace()
        switch byte(at: position) {
        case UInt8(ascii: ","):
            position += 1
            return true
        case bracket:
            position += 1
            depth -= 1
            return false
        default:
            throw malformed(expected)
        }
    }

    private mutating func readColon() throws(JSONDecodingError) {
        skipWhitespace()
        guard byte(at: position) == UInt8(ascii: ":") else { throw malformed("expected ':'") }
        position += 1
    }

    private mutating func readLiteral(_ literal: StaticString) throws(JSONDecodingError) {
        let matches = literal.withUTF8Buffer { expected in
            position + expected.count <= input.count
                && expected.elementsEqual(UnsafeBufferPointer(rebasing: input[position..<(position + expected.count)]))
        }
        guard matches else { throw malformed("expected a value") }
        position += literal.utf8CodeUnitCount
    }

    /// Reads a string (at its opening quote), checking it: returns where its contents are and
    /// whether they hold escapes.
    private mutating func scanString() throws(JSONDecodingError) -> (Range<Int>, escaped: Bool) {
        position += 1
        let start = position
        var escaped = false
        while true {
            let byte = byte(at: position)
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return (start..<(position - 1), escaped)
            case UInt8(ascii: "\\"):
                escaped = true
                try scanEscape()
            case 0..<0x20:
                throw position < input.count
                    ? malformed("a control character in a string")
                    : malformed("an unterminated string")
            case 0x20..<0x80:
                position += 1
            default:
                try scanMultibyteCharacter()
            }
        }
    }

    /// Checks the escape at `position` (its backslash) and reads it.
    private mutating func scanEscape() throws(JSONDecodingError) {
        switch byte(at: position + 1) {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
             UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            position += 2
        case UInt8(ascii: "u"):
            let unit = try hexUnit(at: position + 2)
            position += 6
            switch unit {
            case 0xD800...0xDBFF:
                guard byte(at: position) == UInt8(ascii: "\\"), byte(at: position + 1) == UInt8(ascii: "u"),
                      (0xDC00...0xDFFF).contains(try hexUnit(at: position + 2)) else {
                    throw malformed("a high surrogate without its low surrogate")
                }
                position += 6
            case 0xDC00...0xDFFF:
                throw malformed("a low surrogate without its high surrogate")
            default:
                break
            }
        default:
            throw malformed("an invalid escape")
        }
    }

    /// The four hex digits at `index`, as a UTF-16 code unit.
    private func hexUnit(at index: Int) throws(JSONDecodingError) -> UInt16 {
        var unit: UInt16 = 0
        for offset in 0..<4 {
            let byte = byte(at: index + offset)
            let value: UInt8 = switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            default: throw JSONDecodingError(.malformed("an invalid \\u escape", offset: index + offset))
            }
            unit = unit << 4 | UInt16(value)
        }
        return unit
    }

    /// Checks the UTF-8 sequence of 2 to 4 bytes at `position` (RFC 3629: shortest form, no
    /// surrogates, at most U+10FFFF) and reads it.
    private mutating func scanMultibyteCharacter() throws(JSONDecodingError) {
        let lead = byte(at: position)
        // The range the second byte must be in, and how many bytes follow the lead.
        let second: ClosedRange<UInt8>
        let continuations: Int
        switch lead {
        case 0xC2...0xDF: (second, continuations) = (0x80...0xBF, 1)
        case 0xE0: (second, continuations) = (0xA0...0xBF, 2)
        case 0xE1...0xEC, 0xEE...0xEF: (second, continuations) = (0x80...0xBF, 2)
        case 0xED: (second, continuations) = (0x80...0x9F, 2)
        case 0xF0: (second, continuations) = (0x90...0xBF, 3)
        case 0xF1...0xF3: (second, continuations) = (0x80...0xBF, 3)
        case 0xF4: (second, continuations) = (0x80...0x8F, 3)
        default: throw malformed("invalid UTF-8")
        }
        guard second.contains(byte(at: position + 1)) else { throw malformed("invalid UTF-8") }
        for offset in stride(from: 2, through: continuations, by: 1) {
            guard (0x80...0xBF).contains(byte(at: position + offset)) else { throw malformed("invalid UTF-8") }
        }
        position += 1 + continuations
    }

    /// The UTF-8 bytes of a checked string's contents, escapes replaced.
    private func unescaped(_ range: Range<Int>) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = input[index]
            guard byte == UInt8(ascii: "\\") else {
                bytes.append(byte)
                index += 1
                continue
            }
            let escape = input[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "u"):
                // Checked by scanString: a valid unit, surrogates in pairs.
                var scalar = UInt32(checkedHexUnit(at: index))
                index += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    scalar = 0x10000 + (scalar - 0xD800) << 10 + (UInt32(checkedHexUnit(at: index + 2)) - 0xDC00)
                    index += 6
                }
                appendUTF8(of: scalar, to: &bytes)
            default: bytes.append(escape) // " \ /
            }
        }
        return bytes
    }

    private func checkedHexUnit(at index: Int) -> UInt16 {
        var unit: UInt16 = 0
        for byte in input[index..<(index + 4)] {
            let value = byte <= UInt8(ascii: "9") ? byte - UInt8(ascii: "0") : (byte | 0x20) - UInt8(ascii: "a") + 10
            unit = unit << 4 | UInt16(value)
        }
        return unit
    }

    private func appendUTF8(of scalar: UInt32, to bytes: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            bytes.append(UInt8(scalar))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | scalar >> 6))
            bytes.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            bytes.append(UInt8(0xE0 | scalar >> 12))
            bytes.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | scalar & 0x3F))
        default:
            bytes.append(UInt8(0xF0 | scalar >> 18))
            bytes.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            bytes.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    private func malformed(_ what: StaticString) -> JSONDecodingError {
        JSONDecodingError(.malformed(what.description, offset: position))
    }
}
