/// Encodes a `Codable` value in the journal's compact binary form (see `BinaryTag`): what the
/// JSON form says, with key names written once in a table and numbers as varints, in one pass
/// over one byte array. Keys stay named, so a decoder finds fields by name as with JSON: an
/// optional field added later decodes as nil from older bytes. Values with a packed form
/// (`PackedBlock`: the engine's and the record keeper's large tables) are written in it, as one
/// `packed` value.
struct BinaryEncoder {
    /// False writes packed blocks through `Codable` too: the form written before packed blocks
    /// existed, which is still read.
    var packing = true

    /// The encoding of `value`, after `prefix`.
    func encode(_ value: some Encodable, prefix: [UInt8] = []) throws -> [UInt8] {
        let writer = BinaryWriter(packing: packing)
        try writer.encode(value, depth: 0)
        return try writer.finish(prefix: prefix)
    }
}

/// The `Encoder` handed to a value: it writes at the writer's position, inside the container at
/// `depth`.
struct BinaryValueEncoder: Encoder {
    let writer: BinaryWriter
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(BinaryKeyedEncodingContainer(writer: writer, depth: reuseOrOpen(.keyed)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        BinaryUnkeyedEncodingContainer(writer: writer, depth: reuseOrOpen(.unkeyed))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        BinarySingleValueEncodingContainer(writer: writer, depth: depth)
    }

    /// The depth of the value's container: the one it opened already if it asks again (a type
    /// may take its container twice), else a new one.
    private func reuseOrOpen(_ kind: BinaryTag) -> Int {
        if writer.open.count == depth + 1, writer.open[depth] == kind {
            return depth + 1
        }
        writer.prepare(depth)
        writer.openContainer(kind)
        return depth + 1
    }
}

struct BinaryKeyedEncodingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: BinaryWriter
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    private func start(_ key: Key) {
        start(name: key.stringValue)
    }

    private func start(name: String) {
        writer.prepare(depth)
        writer.writeKey(name)
    }

    mutating func encodeNil(forKey key: Key) throws { start(key); writer.writeTag(.null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { start(key); writer.write(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { start(key); writer.write(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { start(key); writer.write(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { start(key); writer.write(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { start(key); writer.write(value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { start(key); writer.write(value) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { start(key); writer.write(value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { start(key); writer.write(value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { start(key); writer.write(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { start(key); writer.write(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { start(key); writer.write(value) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { start(key); writer.write(value) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { start(key); writer.write(value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { start(key); writer.write(value) }

    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        start(key)
        try writer.encode(value, depth: depth)
    }

    /// A nil optional is written as null, not left out: decoding then finds every key in order.
    mutating func encodeIfPresent(_ value: (some Encodable)?, forKey key: Key) throws {
        if let value {
            try encode(value, forKey: key)
        } else {
            try encodeNil(forKey: key)
        }
    }

    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try encodeOptional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try encodeOptional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try encodeOptional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try encodeOptional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try encodeOptional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try encodeOptional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try encodeOptional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try encodeOptional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try encodeOptional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try encodeOptional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try encodeOptional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try encodeOptional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try encodeOptional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try encodeOptional(value, forKey: key) }

    private mutating func encodeOptional(_ value: (some Encodable)?, forKey key: Key) throws {
        try encodeIfPresent(value, forKey: key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        start(key)
        writer.openContainer(.keyed)
        return KeyedEncodingContainer(BinaryKeyedEncodingContainer<NestedKey>(writer: writer, depth: depth + 1))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        start(key)
        writer.openContainer(.unkeyed)
        return BinaryUnkeyedEncodingContainer(writer: writer, depth: depth + 1)
    }

    mutating func superEncoder() -> any Encoder {
        start(name: "super")
        return BinaryValueEncoder(writer: writer, depth: depth)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        start(key)
        return BinaryValueEncoder(writer: writer, depth: depth)
    }
}

struct BinaryUnkeyedEncodingContainer: UnkeyedEncodingContainer {
    let writer: BinaryWriter
    let depth: Int
    private(set) var count = 0
    var codingPath: [any CodingKey] { [] }

    init(writer: BinaryWriter, depth: Int) {
        self.writer = writer
        self.depth = depth
    }

    private mutating func start() {
        writer.prepare(depth)
        count += 1
    }

    mutating func encodeNil() throws { start(); writer.writeTag(.null) }
    mutating func encode(_ value: Bool) throws { start(); writer.write(value) }
    mutating func encode(_ value: String) throws { start(); writer.write(value) }
    mutating func encode(_ value: Double) throws { start(); writer.write(value) }
    mutating func encode(_ value: Float) throws { start(); writer.write(value) }
    mutating func encode(_ value: Int) throws { start(); writer.write(value) }
    mutating func encode(_ value: Int8) throws { start(); writer.write(value) }
    mutating func encode(_ value: Int16) throws { start(); writer.write(value) }
    mutating func encode(_ value: Int32) throws { start(); writer.write(value) }
    mutating func encode(_ value: Int64) throws { start(); writer.write(value) }
    mutating func encode(_ value: UInt) throws { start(); writer.write(value) }
    mutating func encode(_ value: UInt8) throws { start(); writer.write(value) }
    mutating func encode(_ value: UInt16) throws { start(); writer.write(value) }
    mutating func encode(_ value: UInt32) throws { start(); writer.write(value) }
    mutating func encode(_ value: UInt64) throws { start(); writer.write(value) }

    mutating func encode(_ value: some Encodable) throws {
        start()
        try writer.encode(value, depth: depth)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        start()
        writer.openContainer(.keyed)
        return KeyedEncodingContainer(BinaryKeyedEncodingContainer<NestedKey>(writer: writer, depth: depth + 1))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        start()
        writer.openContainer(.unkeyed)
        return BinaryUnkeyedEncodingContainer(writer: writer, depth: depth + 1)
    }

    mutating func superEncoder() -> any Encoder {
        start()
        return BinaryValueEncoder(writer: writer, depth: depth)
    }
}

struct BinarySingleValueEncodingContainer: SingleValueEncodingContainer {
    let writer: BinaryWriter
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { writer.prepare(depth); writer.writeTag(.null) }
    mutating func encode(_ value: Bool) throws { writer.prepare(depth); writer.write(value) }
    mutating func encode(_ value: String) throws { writer.prepare(depth); writer.write(value) }
    mutating func encode(_ value: Double) throws { writer.prepare(depth); writer.write(value) }
    mutating func encode(_ value: Float) throws { writer.prepare(depth); writer.write(value) }
    mutating func encode(_ value: Int) throws { writer.prepare(depth); writer.write(value) }
    mutating func encode(_ value: Int8) throws { writer.prepare(depth); writer.write(value) }
    mutating func encode(_ value: Int16) throws { writer.prepare(depth); writer.write(value) }
    mutating func encode(_ value: Int32) throws { writer.prepare(depth); writer.write(value) }
    mutating func encode(_ value: Int64) throws { writer.prepare(depth); writer.write(value) }
    mutating func encode(_ value: UInt) throws { writer.prepare(depth); writer.write(value) }
    mutating func encode(_ value: UInt8) throws { writer.prepare(depth); writer.write(value) }
    mutating func encode(_ value: UInt16) throws { writer.prepare(depth); writer.write(value) }
    mutating func encode(_ value: UInt32) throws { writer.prepare(depth); writer.write(value) }
    mutating func encode(_ value: UInt64) throws { writer.prepare(depth); writer.write(value) }

    mutating func encode(_ value: some Encodable) throws {
        writer.prepare(depth)
        try writer.encode(value, depth: depth)
    }
}
