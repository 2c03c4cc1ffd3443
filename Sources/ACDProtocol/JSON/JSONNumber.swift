/// A number as written in a JSON text (RFC 8259 syntax, already checked), read exactly: an integer
/// field takes it only if its value is a whole number in range, however it is written (`3`, `3.0`,
/// `0.3e1`, `300e-2`); `3.5` is not an integer and `1e19` is out of range for an `Int64`.
///
/// It points into the reader's input: use it before the reader's input goes away.
struct JSONNumber {
    /// The whole number, sign and exponent included.
    let text: UnsafeBufferPointer<UInt8>
    let isNegative: Bool
    /// Where the digits before the point are in `text`.
    let integerDigits: Range<Int>
    /// Where the digits after the point are in `text` (empty without a point).
    let fractionDigits: Range<Int>
    /// The exponent's value, clamped to ±`exponentLimit` (empty: 0).
    let exponent: Int

    /// Larger than any exponent that could still give a 64-bit integer from a line's digits, and
    /// small enough that adding a line's digit count cannot overflow.
    static let exponentLimit = 1 << 40

    /// The value as an integer of type `T`: throws `notAnInteger` or `outOfRange` (with no path).
    func integer<T: FixedWidthInteger>(as type: T.Type) throws(JSONDecodingError) -> T {
        if fractionDigits.isEmpty, exponent == 0, integerDigits.count <= 18 {
            var magnitude: UInt64 = 0
            for index in integerDigits {
                magnitude = magnitude * 10 + UInt64(text[index] &- UInt8(ascii: "0"))
            }
            return try Self.signed(magnitude, negative: isNegative)
        }
        return try Self.signed(exactMagnitude(), negative: isNegative)
    }

    /// The value as the nearest double; `outOfRange` if it is too large to be finite.
    func double() throws(JSONDecodingError) -> Double {
        guard let value = Double(String(decoding: text, as: UTF8.self)), value.isFinite else {
            throw JSONDecodingError(.outOfRange)
        }
        return value
    }

    /// The digits before and after the point, as one sequence.
    private var digitCount: Int { integerDigits.count + fractionDigits.count }

    private func digit(_ position: Int) -> UInt64 {
        let index = position < integerDigits.count
            ? integerDigits.lowerBound + position
            : fractionDigits.lowerBound + position - integerDigits.count
        return UInt64(text[index] &- UInt8(ascii: "0"))
    }

    /// The magnitude of a whole value, from its significant digits and its power of ten.
    private func exactMagnitude() throws(JSONDecodingError) -> UInt64 {
        let count = digitCount
        guard let first = (0..<count).first(where: { digit($0) != 0 }),
              let last = (0..<count).last(where: { digit($0) != 0 }) else {
            return 0
        }
        // value = digits[first...last] x 10^power
        let power = exponent - fractionDigits.count + (count - 1 - last)
        guard power >= 0 else { throw JSONDecodingError(.notAnInteger) }
        // UInt64.max has 20 digits.
        guard last - first + 1 + power <= 20 else { throw JSONDecodingError(.outOfRange) }
        var magnitude: UInt64 = 0
        for position in first...last {
            let (shifted, overflowShift) = magnitude.multipliedReportingOverflow(by: 10)
            let (added, overflowAdd) = shifted.addingReportingOverflow(digit(position))
            guard !overflowShift, !overflowAdd else { throw JSONDecodingError(.outOfRange) }
            magnitude = added
        }
        for _ in 0..<power {
            let (shifted, overflow) = magnitude.multipliedReportingOverflow(by: 10)
            guard !overflow else { throw JSONDecodingError(.outOfRange) }
            magnitude = shifted
        }
        return magnitude
    }

    private static func signed<T: FixedWidthInteger>(_ magnitude: UInt64, negative: Bool)
        throws(JSONDecodingError) -> T {
        if !negative || magnitude == 0 {
            guard let value = T(exactly: magnitude) else { throw JSONDecodingError(.outOfRange) }
            return value
        }
        // -magnitude, down to T.min (whose magnitude is T.max + 1).
        guard T.isSigned, let belowMagnitude = T(exactly: magnitude - 1) else { throw JSONDecodingError(.outOfRange) }
        return 0 - belowMagnitude - 1
    }
}
