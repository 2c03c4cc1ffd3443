/// Writes values in the packed form (see `PackedValue`) into one growing byte array.
@usableFromInline package struct PackedWriter {
    @usableFromInline package private(set) var bytes: [UInt8] = []

    @inlinable package init() {}

    /// Forgets what was written, keeping the room it took (a writer reused for many values).
    @inlinable package mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    @inlinable package mutating func writeByte(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// A LEB128 varint.
    @inlinable package mutating func writeVarint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// A zigzag LEB128 varint: small negative numbers stay short.
    @inlinable package mutating func writeSigned(_ value: Int64) {
        writeVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    /// Eight little-endian bytes (for values that would be long as varints, such as random bits).
    @inlinable package mutating func writeFixed64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// A varint length, then the UTF-8.
    @inlinable package mutating func writeString(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            writeVarint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// A varint length, then the bytes as they are (a value packed some other way).
    @inlinable package mutating func writeBytes(_ value: [UInt8]) {
        writeVarint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }
}
