import ACDCore

/// Where a `BinaryEncoder` run writes: the bytes, the table of key names met so far and the
/// containers still open. Containers close lazily: writing into a container first closes the
/// ones opened inside it, and a value's containers close once its `encode(to:)` returns.
final class BinaryWriter {
    /// Whether packed blocks are written packed (see `BinaryEncoder.packing`).
    let packing: Bool
    private(set) var bytes: [UInt8] = []
    private var keyNumbers: [String: Int] = [:]
    private(set) var keyNames: [String] = []
    /// The kinds (`keyed`, `unkeyed`) of the open containers, outermost first.
    private(set) var open: [BinaryTag] = []
    /// The first misuse met (a container written to after it was closed); the run fails with it.
    private(set) var failure: EncodingError?

    init(packing: Bool = true) {
        self.packing = packing
        bytes.reserveCapacity(256)
    }

    /// Closes every container opened inside the one at `depth`, so that it can be written to.
    func prepare(_ depth: Int) {
        if open.count < depth, failure == nil {
            failure = EncodingError.invalidValue(depth, .init(codingPath: [], debugDescription: "a container was written to after it was closed"))
        }
        while open.count > depth {
            bytes.append(BinaryTag.end.rawValue)
            open.removeLast()
        }
    }

    /// Starts a container as the value being written.
    func openContainer(_ kind: BinaryTag) {
        bytes.append(kind.rawValue)
        open.append(kind)
    }

    /// Writes the key of a keyed container's entry, as its number in the key table.
    func writeKey(_ name: String) {
        if let number = keyNumbers[name] {
            writeVarint(UInt64(number))
        } else {
            keyNames.append(name)
            keyNumbers[name] = keyNames.count
            writeVarint(UInt64(keyNames.count))
        }
    }

    func writeTag(_ tag: BinaryTag) {
        bytes.append(tag.rawValue)
    }

    func write(_ value: Bool) {
        writeTag(value ? .true : .false)
    }

    func write(_ value: some FixedWidthInteger & SignedInteger) {
        writeTag(.signed)
        let wide = Int64(value)
        writeVarint(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
    }

    func write(_ value: some FixedWidthInteger & UnsignedInteger) {
        writeTag(.unsigned)
        writeVarint(UInt64(value))
    }

    func write(_ value: Double) {
        writeTag(.double)
        writeLittleEndian(value.bitPattern)
    }

    func write(_ value: Float) {
        writeTag(.float)
        writeLittleEndian(value.bitPattern)
    }

    func write(_ value: String) {
        writeTag(.string)
        var value = value
        value.withUTF8 { utf8 in
            writeVarint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// Writes `value` at the current position, as a value of the container at `depth`.
    func encode(_ value: some Encodable, depth: Int) throws {
        if packing, let block = value as? any PackedBlock {
            prepare(depth)
            var packed = PackedWriter()
            block.pack(into: &packed)
            writeTag(.packed)
            writeVarint(UInt64(packed.bytes.count))
            bytes.append(contentsOf: packed.bytes)
            return
        }
        let start = bytes.count
        try value.encode(to: BinaryValueEncoder(writer: self, depth: depth))
        prepare(depth)
        if bytes.count == start, failure == nil {
            failure = EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "\(type(of: value)) encoded nothing"))
        }
    }

    /// The key table (a varint count, then each name as a varint length and UTF-8) and the bytes
    /// written, after `prefix`.
    func finish(prefix: [UInt8]) throws(EncodingError) -> [UInt8] {
        prepare(0)
        if let failure { throw failure }
        var output = prefix
        output.reserveCapacity(prefix.count + bytes.count + 16 * keyNames.count + 4)
        let table = BinaryWriter()
        table.writeVarint(UInt64(keyNames.count))
        for name in keyNames {
            var name = name
            name.withUTF8 { utf8 in
                table.writeVarint(UInt64(utf8.count))
                table.bytes.append(contentsOf: utf8)
            }
        }
        output.append(contentsOf: table.bytes)
        output.append(contentsOf: bytes)
        return output
    }

    private func writeVarint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    private func writeLittleEndian(_ value: some FixedWidthInteger) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
}
