/// Reads what a `PackedWriter` wrote. Every read is bounds-checked: torn or corrupted bytes end
/// in a `PackedDataError`, never in a crash.
@usableFromInline package struct PackedReader {
    @usableFromInline let bytes: UnsafeRawBufferPointer
    @usableFromInline package private(set) var position = 0

    /// A reader of `bytes`, which must outlive it.
    @inlinable package init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    @inlinable package var isAtEnd: Bool { position == bytes.count }

    @inlinable package func corrupted(_ what: String) -> PackedDataError {
        PackedDataError(reason: what, position: position)
    }

    @inlinable package mutating func readByte() throws(PackedDataError) -> UInt8 {
        guard position < bytes.count else { throw corrupted("the end of the data") }
        defer { position += 1 }
        return bytes[position]
    }

    @inlinable package mutating func readVarint() throws(PackedDataError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            guard shift < 63 || shift == 63 && byte <= 1 else { throw corrupted("a number too long") }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        throw corrupted("the end of the data")
    }

    @inlinable package mutating func readSigned() throws(PackedDataError) -> Int64 {
        let zigzag = try readVarint()
        return Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1)
    }

    @inlinable package mutating func readFixed64() throws(PackedDataError) -> UInt64 {
        guard bytes.count - position >= 8 else { throw corrupted("the end of the data") }
        defer { position += 8 }
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self))
    }

    /// A count of things that take at least one byte each, so never more than the bytes left.
    @inlinable package mutating func readCount() throws(PackedDataError) -> Int {
        let count = try readVarint()
        guard count <= UInt64(bytes.count - position) else { throw corrupted("a count of \(count) past the end") }
        return Int(count)
    }

    @inlinable package mutating func readString() throws(PackedDataError) -> String {
        let length = try readCount()
        let utf8 = UnsafeRawBufferPointer(rebasing: bytes[position..<position + length]).assumingMemoryBound(to: UInt8.self)
        // Identifiers are mostly ASCII, which is valid UTF-8 as it is: only the rest is validated.
        let string: String
        if utf8.allSatisfy({ $0 < 0x80 }) {
            string = String(decoding: utf8, as: UTF8.self)
        } else if let valid = String(validating: utf8, as: UTF8.self) {
            string = valid
        } else {
            throw corrupted("invalid UTF-8")
        }
        position += length
        return string
    }

    /// What `PackedWriter.writeBytes` wrote: the bytes, valid as long as the reader's.
    @inlinable package mutating func readBytes() throws(PackedDataError) -> UnsafeRawBufferPointer {
        let length = try readCount()
        defer { position += length }
        return UnsafeRawBufferPointer(rebasing: bytes[position..<position + length])
    }
}
