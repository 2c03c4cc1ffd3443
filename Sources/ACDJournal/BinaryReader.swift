import ACDCore

/// Where a `BinaryDecoder` run reads: the bytes, the position, the key table and the containers
/// open. Every read is bounds-checked: torn or corrupted bytes end in a `DecodingError`, never in
/// a crash. Keyed entries are read in order when asked in order (synthesized `Codable` asks for
/// them as it wrote them); a key asked out of order, or missing, is looked up from the start of
/// its container.
final class BinaryReader {
    /// The deepest nesting of containers read (corrupted bytes could ask for any).
    static let maximumDepth = 256

    private let bytes: UnsafeRawBufferPointer
    private(set) var position = 0
    private(set) var keys: [String] = []
    /// The kinds of the open containers, outermost first, and where each one's entries start.
    private var open: [BinaryTag] = []
    private var starts: [Int] = []
    /// An error met where none can be thrown (`isAtEnd`); the run fails with it.
    private var failure: (any Error)?

    /// Reads the key table at the start of `bytes`; `bytes` must outlive the reader.
    init(bytes: UnsafeRawBufferPointer) throws {
        self.bytes = bytes
        let count = try readVarint()
        guard count <= bytes.count else { throw corrupted("key table of \(count) names") }
        keys.reserveCapacity(Int(count))
        for _ in 0..<count {
            keys.append(try readUTF8())
        }
    }

    /// Throws what went wrong where no error could be thrown, or if bytes are left over.
    func finish() throws {
        if let failure { throw failure }
        guard position == bytes.count else { throw corrupted("trailing bytes") }
    }

    func corrupted(_ what: String) -> DecodingError {
        .dataCorrupted(.init(codingPath: [], debugDescription: "\(what) at byte \(position)"))
    }

    /// Remembers an error met where it could not be thrown; the run throws it at the end.
    func fail(_ error: any Error) {
        if failure == nil { failure = error }
    }

    // MARK: Values

    /// Decodes a value of the container at `depth` at the current position.
    func decode<T: Decodable>(_ type: T.Type, depth: Int) throws -> T {
        if let block = T.self as? any PackedBlock.Type {
            try prepare(depth)
            if try peekByte() == BinaryTag.packed.rawValue {
                position += 1
                return try unpack(block, as: type)
            }
        }
        let start = position
        let value = try T(from: BinaryValueDecoder(reader: self, depth: depth))
        try prepare(depth)
        if position == start {
            try skipValue(level: depth)
        }
        return value
    }

    /// Reads the packed bytes of a `T` (whose packed form `block` is) after the `packed` tag.
    private func unpack<Block: PackedBlock, T>(_ block: Block.Type, as type: T.Type) throws -> T {
        let length = try readLength()
        var reader = PackedReader(bytes: UnsafeRawBufferPointer(rebasing: bytes[position..<position + length]))
        let value: Block
        do {
            value = try Block(unpacking: &reader)
            guard reader.isAtEnd else { throw reader.corrupted("trailing bytes") }
        } catch {
            throw corrupted("\(error) in a packed \(Block.self)")
        }
        guard let value = value as? T else { throw mismatch(type) }
        position += length
        return value
    }

    /// Consumes a null, if one is next.
    func readNil() throws -> Bool {
        guard try peekByte() == BinaryTag.null.rawValue else { return false }
        position += 1
        return true
    }

    func readBool() throws -> Bool {
        switch try readTag() {
        case .true: return true
        case .false: return false
        case .end, .null, .unsigned, .signed, .double, .float, .string, .keyed, .unkeyed, .packed: throw mismatch(Bool.self)
        }
    }

    func readInteger<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        let value: T?
        switch try readTag() {
        case .unsigned:
            value = T(exactly: try readVarint())
        case .signed:
            let zigzag = try readVarint()
            value = T(exactly: Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1))
        case .end, .null, .false, .true, .double, .float, .string, .keyed, .unkeyed, .packed:
            throw mismatch(type)
        }
        guard let value else { throw corrupted("a number out of range for \(type)") }
        return value
    }

    func readDouble() throws -> Double {
        guard try readTag() == .double else { throw mismatch(Double.self) }
        return Double(bitPattern: UInt64(littleEndian: try readFixed(UInt64.self)))
    }

    func readFloat() throws -> Float {
        guard try readTag() == .float else { throw mismatch(Float.self) }
        return Float(bitPattern: UInt32(littleEndian: try readFixed(UInt32.self)))
    }

    func readString() throws -> String {
        guard try readTag() == .string else { throw mismatch(String.self) }
        return try readUTF8()
    }

    private func mismatch(_ type: Any.Type) -> DecodingError {
        .typeMismatch(type, .init(codingPath: [], debugDescription: "another kind of value at byte \(position - 1)"))
    }

    // MARK: Containers

    /// Closes the containers opened inside the one at `depth` (skipping what was not read of them),
    /// so that it can be read on; fails if that container was closed already.
    func prepare(_ depth: Int) throws {
        while open.count > depth {
            try skipEntries(of: open[open.count - 1], level: open.count)
            open.removeLast()
            starts.removeLast()
        }
        guard open.count == depth else { throw corrupted("a container read after it was closed") }
    }

    /// Opens the container that is the value at the current position, or the one the value at
    /// `depth` opened already; returns its depth and where its entries start.
    func openContainer(_ kind: BinaryTag, depth: Int) throws -> (depth: Int, start: Int) {
        if open.count == depth + 1, open[depth] == kind {
            return (depth + 1, starts[depth])
        }
        try prepare(depth)
        guard try readTag() == kind else {
            throw DecodingError.typeMismatch(kind == .keyed ? [String: Any].self : [Any].self, .init(codingPath: [], debugDescription: "another kind of value at byte \(position - 1)"))
        }
        guard open.count < Self.maximumDepth else { throw corrupted("containers nested too deep") }
        open.append(kind)
        starts.append(position)
        return (depth + 1, position)
    }

    /// Whether the unkeyed container at `depth` has no more values.
    func isAtEnd(_ depth: Int) throws -> Bool {
        try prepare(depth)
        return try peekByte() == BinaryTag.end.rawValue
    }

    /// Moves to the value of the entry `name` of the keyed container at `depth` whose entries
    /// start at `start`; false (the position unchanged) if it has none.
    func seek(_ name: String, depth: Int, start: Int) throws -> Bool {
        try prepare(depth)
        let entry = position
        if let key = try readKey(), keys[key] == name {
            return true
        }
        position = start
        while let key = try readKey() {
            if keys[key] == name {
                return true
            }
            try skipValue(level: depth)
        }
        position = entry
        return false
    }

    /// Whether the value of the entry `name` is null (nil if there is no such entry), leaving the
    /// position where it was.
    func isNil(named name: String, depth: Int, start: Int) throws -> Bool? {
        try prepare(depth)
        let entry = position
        defer { position = entry }
        return try seek(name, depth: depth, start: start) ? try peekByte() == BinaryTag.null.rawValue : nil
    }

    /// The names of the entries of the keyed container at `depth` whose entries start at `start`.
    func names(depth: Int, start: Int) throws -> [String] {
        try prepare(depth)
        let entry = position
        defer { position = entry }
        position = start
        var names: [String] = []
        while let key = try readKey() {
            names.append(keys[key])
            try skipValue(level: depth)
        }
        return names
    }

    // MARK: Skipping

    /// Reads the key of the next entry of a keyed container (an index into `keys`), or nil at its
    /// end, which is left unread.
    private func readKey() throws -> Int? {
        guard try peekByte() != 0 else { return nil }
        let number = try readVarint()
        guard number <= UInt64(keys.count) else { throw corrupted("key number \(number) beyond the table") }
        return Int(number - 1)
    }

    private func skipEntries(of kind: BinaryTag, level: Int) throws {
        if kind == .keyed {
            while try readKey() != nil {
                try skipValue(level: level)
            }
        } else {
            while try peekByte() != BinaryTag.end.rawValue {
                try skipValue(level: level)
            }
        }
        position += 1
    }

    private func skipValue(level: Int) throws {
        guard level < Self.maximumDepth else { throw corrupted("containers nested too deep") }
        switch try readTag() {
        case .end: throw corrupted("a value missing")
        case .null, .false, .true: break
        case .unsigned, .signed: _ = try readVarint()
        case .double: try skip(8)
        case .float: try skip(4)
        case .string, .packed: try skip(Int(try readLength()))
        case .keyed: try skipEntries(of: .keyed, level: level + 1)
        case .unkeyed: try skipEntries(of: .unkeyed, level: level + 1)
        }
    }

    // MARK: Bytes

    private func peekByte() throws -> UInt8 {
        guard position < bytes.count else { throw corrupted("the end of the data") }
        return bytes[position]
    }

    private func readTag() throws -> BinaryTag {
        let byte = try peekByte()
        guard let tag = BinaryTag(rawValue: byte) else { throw corrupted("unknown tag \(byte)") }
        position += 1
        return tag
    }

    private func readVarint() throws -> UInt64 {
        var at = position
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while at < bytes.count {
            let byte = bytes[at]
            at += 1
            guard shift < 63 || shift == 63 && byte <= 1 else { throw corrupted("a number too long") }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 {
                position = at
                return value
            }
            shift += 7
        }
        throw corrupted("the end of the data")
    }

    private func readLength() throws -> Int {
        let length = try readVarint()
        guard length <= UInt64(bytes.count - position) else { throw corrupted("a length of \(length) past the end") }
        return Int(length)
    }

    private func skip(_ count: Int) throws {
        guard count <= bytes.count - position else { throw corrupted("the end of the data") }
        position += count
    }

    private func readFixed<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        let start = position
        try skip(MemoryLayout<T>.size)
        return bytes.loadUnaligned(fromByteOffset: start, as: T.self)
    }

    private func readUTF8() throws -> String {
        let length = try readLength()
        let utf8 = UnsafeBufferPointer(start: bytes.baseAddress!.assumingMemoryBound(to: UInt8.self) + position, count: length)
        guard let string = String(validating: utf8, as: UTF8.self) else { throw corrupted("invalid UTF-8") }
        position += length
        return string
    }
}
