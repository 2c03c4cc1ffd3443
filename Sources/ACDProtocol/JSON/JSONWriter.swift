/// Writes one JSON value as UTF-8 bytes, the way the protocol's lines are written: no whitespace,
/// strings escaped as JSON requires (`"`, `\`, control characters; `/` and non-ASCII as is),
/// integers in decimal, doubles in Swift's shortest form without a trailing `.0`.
///
/// The writer does not order keys: a type writes its keys in the order the protocol wants (sorted
/// by their UTF-8 bytes, as every acdd line is) and leaves out the fields it has no value for.
/// Commas between an object's members are written by `key(_:)`, between an array's elements by
/// `array(_:_:)`.
public struct JSONWriter: ~Copyable {
    /// A double that is NaN or infinite: JSON has no way to write it.
    public struct NonFiniteNumber: Error, Sendable, Equatable {
        /// The number refused.
        public var value: Double
    }

    // The bytes live in a buffer of the writer's own, grown by doubling: writing a byte is a
    // bounds check and a store, with no reference counting.
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0

    /// An empty writer with room for `capacity` bytes (it grows as needed).
    public init(capacity: Int = 512) {
        self.capacity = max(capacity, 16)
        storage = .allocate(capacity: self.capacity)
    }

    deinit {
        storage.deallocate()
    }

    /// A copy of the bytes written, followed by `terminator` if there is one (a line's newline).
    public func bytes(terminatedBy terminator: UInt8? = nil) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count + 1) { buffer, initialized in
            buffer.baseAddress!.initialize(from: storage, count: count)
            initialized = count
            if let terminator {
                buffer[count] = terminator
                initialized += 1
            }
        }
    }

    /// Starts an object: `{`.
    public mutating func beginObject() {
        append(UInt8(ascii: "{"))
    }

    /// Ends the object: `}`.
    public mutating func endObject() {
        append(UInt8(ascii: "}"))
    }

    /// Writes a member's key and its colon, after a comma unless it is the object's first member.
    /// The key is written as is: it must need no escaping (the protocol's keys are snake_case ASCII).
    public mutating func key(_ name: StaticString) {
        if count > 0, storage[count - 1] != UInt8(ascii: "{") {
            append(UInt8(ascii: ","))
        }
        append(UInt8(ascii: "\""))
        append(name)
        append(UInt8(ascii: "\""))
        append(UInt8(ascii: ":"))
    }

    /// Writes an array, each element by `element`, with commas between them.
    public mutating func array<Element, Failure: Error>(
        _ elements: some Sequence<Element>, _ element: (inout JSONWriter, Element) throws(Failure) -> Void
    ) throws(Failure) {
        append(UInt8(ascii: "["))
        var first = true
        for value in elements {
            if first {
                first = false
            } else {
                append(UInt8(ascii: ","))
            }
            try element(&self, value)
        }
        append(UInt8(ascii: "]"))
    }

    /// Writes an array of strings.
    public mutating func strings(_ values: [String]) {
        array(values) { writer, value in writer.string(value) }
    }

    /// Writes an object of string values, its keys sorted by their UTF-8 bytes.
    public mutating func stringMap(_ map: [String: String]) {
        beginObject()
        var first = true
        for (key, value) in map.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            if first {
                first = false
            } else {
                append(UInt8(ascii: ","))
            }
            string(key)
            append(UInt8(ascii: ":"))
            string(value)
        }
        endObject()
    }

    /// Writes a string, quoted and escaped.
    public mutating func string(_ value: String) {
        let written: Void? = value.utf8.withContiguousStorageIfAvailable { writeString($0) }
        if written == nil {
            var contiguous = value
            contiguous.withUTF8 { writeString($0) }
        }
    }

    /// Writes an integer in decimal.
    public mutating func integer(_ value: Int64) {
        reserve(20)
        if value < 0 {
            storage[count] = UInt8(ascii: "-")
            count += 1
        }
        writeDigits(of: value.magnitude)
    }

    /// Writes an integer in decimal.
    public mutating func integer(_ value: Int) {
        integer(Int64(value))
    }

    /// Writes an integer in decimal.
    public mutating func integer(_ value: UInt64) {
        reserve(20)
        writeDigits(of: value)
    }

    /// Writes `true` or `false`.
    public mutating func bool(_ value: Bool) {
        append(value ? "true" : "false")
    }

    /// Writes a double in Swift's shortest round-tripping form, a whole value without `.0`
    /// (`1`, `0.25`, `1e-05`, `1e+16`). NaN and the infinities have no JSON form and are refused.
    public mutating func number(_ value: Double) throws(NonFiniteNumber) {
        guard value.isFinite else { throw NonFiniteNumber(value: value) }
        let text = value.description
        var digits = text.hasSuffix(".0") ? String(text.dropLast(2)) : text
        digits.withUTF8 { append($0) }
    }

    // MARK: Members

    /// Writes the member if there is a value.
    public mutating func field(_ key: StaticString, _ value: String?) {
        guard let value else { return }
        self.key(key)
        string(value)
    }

    /// Writes the member if there is a value.
    public mutating func field(_ key: StaticString, _ value: Int?) {
        guard let value else { return }
        self.key(key)
        integer(value)
    }

    /// Writes the member if there is a value.
    public mutating func field(_ key: StaticString, _ value: Int64?) {
        guard let value else { return }
        self.key(key)
        integer(value)
    }

    /// Writes the member if there is a value.
    public mutating func field(_ key: StaticString, _ value: UInt64?) {
        guard let value else { return }
        self.key(key)
        integer(value)
    }

    /// Writes the member if there is a value.
    public mutating func field(_ key: StaticString, _ value: Bool?) {
        guard let value else { return }
        self.key(key)
        bool(value)
    }

    /// Writes the member if there is a value; NaN and the infinities are refused.
    public mutating func field(_ key: StaticString, _ value: Double?) throws(NonFiniteNumber) {
        guard let value else { return }
        self.key(key)
        try number(value)
    }

    /// Writes the member, its raw value as a string, if there is a value.
    public mutating func field<Value: RawRepresentable>(_ key: StaticString, _ value: Value?)
        where Value.RawValue == String {
        guard let value else { return }
        self.key(key)
        string(value.rawValue)
    }

    /// Writes the member if there is a value.
    public mutating func field(_ key: StaticString, _ value: [String]?) {
        guard let value else { return }
        self.key(key)
        strings(value)
    }

    /// Writes the member if there is a value.
    public mutating func field(_ key: StaticString, _ value: [String: String]?) {
        guard let value else { return }
        self.key(key)
        stringMap(value)
    }

    /// Writes the member, an object, if there is a value.
    public mutating func field(_ key: StaticString, _ value: (some JSONLineEncodable)?) throws(NonFiniteNumber) {
        guard let value else { return }
        self.key(key)
        try value.encodeJSON(to: &self)
    }

    /// Writes the member, an array of objects, if there is a value.
    public mutating func field<Element: JSONLineEncodable>(_ key: StaticString, _ value: [Element]?)
        throws(NonFiniteNumber) {
        guard let value else { return }
        self.key(key)
        try array(value) { (writer, element) throws(NonFiniteNumber) in try element.encodeJSON(to: &writer) }
    }

    // MARK: Bytes

    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity {
            grow(toHold: extra)
        }
    }

    private mutating func grow(toHold extra: Int) {
        var grown = capacity * 2
        while count + extra > grown {
            grown *= 2
        }
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        larger.initialize(from: storage, count: count)
        storage.deallocate()
        storage = larger
        capacity = grown
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        reserve(1)
        storage[count] = byte
        count += 1
    }

    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (storage + count).initialize(from: base, count: bytes.count)
        count += bytes.count
    }

    private mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { append($0) }
    }

    /// Writes UTF-8 as a JSON string: quotes around, escapes where JSON needs them.
    private mutating func writeString(_ utf8: UnsafeBufferPointer<UInt8>) {
        append(UInt8(ascii: "\""))
        var start = 0
        for index in utf8.indices {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            append(UnsafeBufferPointer(rebasing: utf8[start..<index]))
            writeEscape(for: byte)
            start = index + 1
        }
        append(UnsafeBufferPointer(rebasing: utf8[start...]))
        append(UInt8(ascii: "\""))
    }

    /// Writes the digits of `magnitude` (room for 20 is reserved).
    private mutating func writeDigits(of magnitude: UInt64) {
        var digits = 1
        var bound: UInt64 = 10
        while digits < 20, magnitude >= bound {
            digits += 1
            bound = bound &* 10
        }
        var rest = magnitude
        for offset in stride(from: digits - 1, through: 0, by: -1) {
            storage[count + offset] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        }
        count += digits
    }

    private mutating func writeEscape(for byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): append("\\\"")
        case UInt8(ascii: "\\"): append("\\\\")
        case 0x08: append("\\b")
        case 0x0C: append("\\f")
        case 0x0A: append("\\n")
        case 0x0D: append("\\r")
        case 0x09: append("\\t")
        default:
            append("\\u00")
            append(hexDigit(byte >> 4))
            append(hexDigit(byte & 0xF))
        }
    }

    private func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
