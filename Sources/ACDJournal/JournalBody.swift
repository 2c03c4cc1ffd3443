import ACDCore
import Foundation

/// How an entry or a snapshot is written in the journal's `body` column: a first byte naming the
/// format, then the value. acdd writes entries in their packed form (since the journal's v6) and
/// snapshots in the compact binary form (`BinaryEncoder`); entries written before v6 are in the
/// binary form, and journals written before that (format v1) hold JSON: all are still read, so
/// that they recover after an upgrade.
enum JournalBody {
    enum Format: UInt8 {
        case binary = 1
        /// An entry's packed form (`JournalEntry.pack(into:)`).
        case packedEntry = 2
        /// JSON's opening brace: a v1 body is the JSON object itself.
        case json = 0x7B
    }

    static func encode(_ value: some Encodable) throws -> Data {
        Data(try BinaryEncoder().encode(value, prefix: [Format.binary.rawValue]))
    }

    /// Writes an entry's body, its packed form, into `writer`, after what it holds (the journal reuses one writer
    /// for the entries of a commit).
    static func write(_ entry: JournalEntry, into writer: inout PackedWriter) throws {
        writer.writeByte(Format.packedEntry.rawValue)
        try entry.pack(into: &writer)
    }

    static func decode<T: Decodable>(_ type: T.Type, from body: Data) throws -> T {
        try body.withUnsafeBytes { bytes in
            guard let first = bytes.first, let format = Format(rawValue: first) else {
                throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "unknown body format \(bytes.first.map(String.init) ?? "(empty)")"))
            }
            switch format {
            case .binary:
                return try BinaryDecoder().decode(type, from: UnsafeRawBufferPointer(rebasing: bytes.dropFirst()))
            case .packedEntry:
                guard T.self == JournalEntry.self else {
                    throw DecodingError.typeMismatch(type, .init(codingPath: [], debugDescription: "a packed entry, not a \(type)"))
                }
                var reader = PackedReader(bytes: UnsafeRawBufferPointer(rebasing: bytes.dropFirst()))
                let entry = try JournalEntry(unpacking: &reader) as! T
                guard reader.isAtEnd else { throw reader.corrupted("trailing bytes after the entry") }
                return entry
            case .json:
                return try JSONDecoder().decode(type, from: body)
            }
        }
    }
}
