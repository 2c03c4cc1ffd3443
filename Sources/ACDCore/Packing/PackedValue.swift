/// A value with a packed form: its fields one after the other, without names or tags, in the
/// order its `pack(into:)` writes them. Much faster to read than `Codable`'s keyed form, so the
/// journal's binary coder writes the engine's and the record keeper's large tables this way (see
/// `PackedBlock`). A type whose fields may grow starts its form with a layout number, so a later
/// layout still reads the earlier one.
@usableFromInline package protocol PackedValue {
    func pack(into writer: inout PackedWriter)
    init(unpacking reader: inout PackedReader) throws(PackedDataError)
}

/// A value the journal's binary coder writes as one run of packed bytes instead of through
/// `Codable` (which it still reads, for journals written before). Other encoders (JSON) do not
/// know it and use `Codable`.
@usableFromInline package protocol PackedBlock: PackedValue {}

extension Bool: PackedValue {
    @inlinable package func pack(into writer: inout PackedWriter) { writer.writeByte(self ? 1 : 0) }
    @inlinable package init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        switch try reader.readByte() {
        case 0: self = false
        case 1: self = true
        default: throw reader.corrupted("a boolean out of range")
        }
    }
}

/// Signed integers are zigzag varints.
extension PackedValue where Self: FixedWidthInteger & SignedInteger {
    @inlinable package func pack(into writer: inout PackedWriter) { writer.writeSigned(Int64(self)) }
    @inlinable package init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        guard let value = Self(exactly: try reader.readSigned()) else { throw reader.corrupted("a number out of range for \(Self.self)") }
        self = value
    }
}

/// Unsigned integers are varints.
extension PackedValue where Self: FixedWidthInteger & UnsignedInteger {
    @inlinable package func pack(into writer: inout PackedWriter) { writer.writeVarint(UInt64(self)) }
    @inlinable package init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        guard let value = Self(exactly: try reader.readVarint()) else { throw reader.corrupted("a number out of range for \(Self.self)") }
        self = value
    }
}

extension Int: PackedValue {}
extension Int8: PackedValue {}
extension Int32: PackedValue {}
extension Int64: PackedValue {}
extension UInt32: PackedValue {}
extension UInt64: PackedValue {}

extension Double: PackedValue {
    @inlinable package func pack(into writer: inout PackedWriter) { writer.writeFixed64(bitPattern) }
    @inlinable package init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        self.init(bitPattern: try reader.readFixed64())
    }
}

extension String: PackedValue {
    @inlinable package func pack(into writer: inout PackedWriter) { writer.writeString(self) }
    @inlinable package init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        self = try reader.readString()
    }
}

/// Enumerations without payloads are their raw name.
extension PackedValue where Self: RawRepresentable, RawValue == String {
    @inlinable package func pack(into writer: inout PackedWriter) { writer.writeString(rawValue) }
    @inlinable package init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        let name = try reader.readString()
        guard let value = Self(rawValue: name) else { throw reader.corrupted("unknown \(Self.self) '\(name)'") }
        self = value
    }
}

/// A byte 0 for nil, or 1 and the value.
extension Optional: PackedValue where Wrapped: PackedValue {
    @inlinable package func pack(into writer: inout PackedWriter) {
        switch self {
        case .none:
            writer.writeByte(0)
        case .some(let value):
            writer.writeByte(1)
            value.pack(into: &writer)
        }
    }

    @inlinable package init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        switch try reader.readByte() {
        case 0: self = .none
        case 1: self = .some(try Wrapped(unpacking: &reader))
        default: throw reader.corrupted("an optional's mark out of range")
        }
    }
}

/// The count, then the elements.
extension Array: PackedValue, PackedBlock where Element: PackedValue {
    @inlinable package func pack(into writer: inout PackedWriter) {
        writer.writeVarint(UInt64(count))
        for element in self {
            element.pack(into: &writer)
        }
    }

    @inlinable package init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        let count = try reader.readCount()
        self.init()
        // Room for a quarter more: a large table grows on without being copied at once.
        reserveCapacity(count + count / 4)
        for _ in 0..<count {
            append(try Element(unpacking: &reader))
        }
    }
}

/// The count, then each key and its value.
extension Dictionary: PackedValue, PackedBlock where Key: PackedValue, Value: PackedValue {
    @inlinable package func pack(into writer: inout PackedWriter) {
        writer.writeVarint(UInt64(count))
        for (key, value) in self {
            key.pack(into: &writer)
            value.pack(into: &writer)
        }
    }

    @inlinable package init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        let count = try reader.readCount()
        // Room for a quarter more: the table grows on without rehashing everything at once.
        self.init(minimumCapacity: count + count / 4)
        for _ in 0..<count {
            let key = try Key(unpacking: &reader)
            guard updateValue(try Value(unpacking: &reader), forKey: key) == nil else { throw reader.corrupted("a key twice") }
        }
    }
}

extension Identifier: PackedValue {
    @inlinable package func pack(into writer: inout PackedWriter) { writer.writeString(rawValue) }
    @inlinable package init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        self.init(try reader.readString())
    }
}

extension Instant: PackedValue {
    @inlinable package func pack(into writer: inout PackedWriter) { writer.writeSigned(millisecondsSinceEpoch) }
    @inlinable package init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        self.init(millisecondsSinceEpoch: try reader.readSigned())
    }
}

/// Exactly: its attoseconds, the high half then the low half.
extension Duration: PackedValue {
    @inlinable package func pack(into writer: inout PackedWriter) {
        writer.writeSigned(Int64(truncatingIfNeeded: attoseconds >> 64))
        writer.writeVarint(UInt64(truncatingIfNeeded: attoseconds))
    }

    @inlinable package init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        let high = try reader.readSigned()
        self.init(attoseconds: Int128(high) << 64 | Int128(try reader.readVarint()))
    }
}
