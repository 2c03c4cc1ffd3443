/// Decodes what `BinaryEncoder` wrote.
struct BinaryDecoder {
    /// The value in `bytes` (all of them: trailing bytes are an error).
    func decode<T: Decodable>(_ type: T.Type, from bytes: UnsafeRawBufferPointer) throws -> T {
        let reader = try BinaryReader(bytes: bytes)
        let value = try reader.decode(type, depth: 0)
        try reader.finish()
        return value
    }
}

/// The `Decoder` handed to a value: it reads at the reader's position, inside the container at
/// `depth`.
struct BinaryValueDecoder: Decoder {
    let reader: BinaryReader
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        let (depth, start) = try reader.openContainer(.keyed, depth: depth)
        return KeyedDecodingContainer(BinaryKeyedDecodingContainer(reader: reader, depth: depth, start: start))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        BinaryUnkeyedDecodingContainer(reader: reader, depth: try reader.openContainer(.unkeyed, depth: depth).depth)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        BinarySingleValueDecodingContainer(reader: reader, depth: depth)
    }
}

struct BinaryKeyedDecodingContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let reader: BinaryReader
    let depth: Int
    /// Where the container's entries start.
    let start: Int
    var codingPath: [any CodingKey] { [] }

    var allKeys: [Key] {
        do {
            return try reader.names(depth: depth, start: start).compactMap { Key(stringValue: $0) }
        } catch {
            reader.fail(error)
            return []
        }
    }

    func contains(_ key: Key) -> Bool {
        allKeys.contains { $0.stringValue == key.stringValue }
    }

    /// Moves to the value of `key`, which must exist.
    private func seek(_ key: Key) throws {
        guard try reader.seek(key.stringValue, depth: depth, start: start) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "no value for \(key.stringValue)"))
        }
    }

    /// Moves to the value of `key`; false if there is none, or it is null.
    private func seekNonNull(_ key: Key) throws -> Bool {
        try reader.seek(key.stringValue, depth: depth, start: start) && !reader.readNil()
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let isNil = try reader.isNil(named: key.stringValue, depth: depth, start: start) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "no value for \(key.stringValue)"))
        }
        return isNil
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try seek(key); return try reader.readBool() }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try seek(key); return try reader.readString() }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try seek(key); return try reader.readDouble() }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try seek(key); return try reader.readFloat() }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try seek(key); return try reader.readInteger(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try seek(key); return try reader.readInteger(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try seek(key); return try reader.readInteger(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try seek(key); return try reader.readInteger(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try seek(key); return try reader.readInteger(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try seek(key); return try reader.readInteger(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try seek(key); return try reader.readInteger(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try seek(key); return try reader.readInteger(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try seek(key); return try reader.readInteger(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try seek(key); return try reader.readInteger(type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try seek(key); return try reader.decode(type, depth: depth) }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try seekNonNull(key) ? try reader.readBool() : nil }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try seekNonNull(key) ? try reader.readString() : nil }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try seekNonNull(key) ? try reader.readDouble() : nil }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try seekNonNull(key) ? try reader.readFloat() : nil }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try seekNonNull(key) ? try reader.readInteger(type) : nil }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try seekNonNull(key) ? try reader.readInteger(type) : nil }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try seekNonNull(key) ? try reader.readInteger(type) : nil }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try seekNonNull(key) ? try reader.readInteger(type) : nil }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try seekNonNull(key) ? try reader.readInteger(type) : nil }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try seekNonNull(key) ? try reader.readInteger(type) : nil }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try seekNonNull(key) ? try reader.readInteger(type) : nil }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try seekNonNull(key) ? try reader.readInteger(type) : nil }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try seekNonNull(key) ? try reader.readInteger(type) : nil }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try seekNonNull(key) ? try reader.readInteger(type) : nil }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try seekNonNull(key) ? try reader.decode(type, depth: depth) : nil
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try seek(key)
        let nested = try reader.openContainer(.keyed, depth: depth)
        return KeyedDecodingContainer(BinaryKeyedDecodingContainer<NestedKey>(reader: reader, depth: nested.depth, start: nested.start))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try seek(key)
        return BinaryUnkeyedDecodingContainer(reader: reader, depth: try reader.openContainer(.unkeyed, depth: depth).depth)
    }

    func superDecoder() throws -> any Decoder {
        try value(named: "super")
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        try value(named: key.stringValue)
    }

    /// A decoder at the value of the entry `name`.
    private func value(named name: String) throws -> any Decoder {
        guard try reader.seek(name, depth: depth, start: start) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "no value for \(name)"))
        }
        return BinaryValueDecoder(reader: reader, depth: depth)
    }
}

struct BinaryUnkeyedDecodingContainer: UnkeyedDecodingContainer {
    let reader: BinaryReader
    let depth: Int
    private(set) var currentIndex = 0
    var codingPath: [any CodingKey] { [] }
    /// Unknown: the encoding closes a container with a mark rather than counting its values.
    var count: Int? { nil }

    init(reader: BinaryReader, depth: Int) {
        self.reader = reader
        self.depth = depth
    }

    var isAtEnd: Bool {
        do {
            return try reader.isAtEnd(depth)
        } catch {
            reader.fail(error)
            return true
        }
    }

    /// Moves on to the next value, which must exist.
    private mutating func advance(_ type: Any.Type) throws {
        guard try !reader.isAtEnd(depth) else {
            throw DecodingError.valueNotFound(type, .init(codingPath: [], debugDescription: "no value left in the list"))
        }
        currentIndex += 1
    }

    mutating func decodeNil() throws -> Bool {
        guard try !reader.isAtEnd(depth), try reader.readNil() else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try advance(type); return try reader.readBool() }
    mutating func decode(_ type: String.Type) throws -> String { try advance(type); return try reader.readString() }
    mutating func decode(_ type: Double.Type) throws -> Double { try advance(type); return try reader.readDouble() }
    mutating func decode(_ type: Float.Type) throws -> Float { try advance(type); return try reader.readFloat() }
    mutating func decode(_ type: Int.Type) throws -> Int { try advance(type); return try reader.readInteger(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try advance(type); return try reader.readInteger(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try advance(type); return try reader.readInteger(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try advance(type); return try reader.readInteger(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try advance(type); return try reader.readInteger(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try advance(type); return try reader.readInteger(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try advance(type); return try reader.readInteger(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try advance(type); return try reader.readInteger(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try advance(type); return try reader.readInteger(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try advance(type); return try reader.readInteger(type) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try advance(type); return try reader.decode(type, depth: depth) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try advance(type)
        let nested = try reader.openContainer(.keyed, depth: depth)
        return KeyedDecodingContainer(BinaryKeyedDecodingContainer<NestedKey>(reader: reader, depth: nested.depth, start: nested.start))
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try advance([Any].self)
        return BinaryUnkeyedDecodingContainer(reader: reader, depth: try reader.openContainer(.unkeyed, depth: depth).depth)
    }

    mutating func superDecoder() throws -> any Decoder {
        try advance(Any.self)
        return BinaryValueDecoder(reader: reader, depth: depth)
    }
}

struct BinarySingleValueDecodingContainer: SingleValueDecodingContainer {
    let reader: BinaryReader
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool {
        do {
            return try reader.readNil()
        } catch {
            reader.fail(error)
            return false
        }
    }

    func decode(_ type: Bool.Type) throws -> Bool { try reader.readBool() }
    func decode(_ type: String.Type) throws -> String { try reader.readString() }
    func decode(_ type: Double.Type) throws -> Double { try reader.readDouble() }
    func decode(_ type: Float.Type) throws -> Float { try reader.readFloat() }
    func decode(_ type: Int.Type) throws -> Int { try reader.readInteger(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try reader.readInteger(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try reader.readInteger(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try reader.readInteger(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try reader.readInteger(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try reader.readInteger(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try reader.readInteger(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try reader.readInteger(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try reader.readInteger(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try reader.readInteger(type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try reader.decode(type, depth: depth) }
}
