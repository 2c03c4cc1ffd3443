import ACDCore
import Foundation

/// How entries and snapshots are written in the journal's `body` columns: a first byte naming the
/// format, then the value. acdd writes the entries of a commit as one row, their packed forms one
/// after the other (since the journal's v7), and snapshots in the compact binary form
/// (`BinaryEncoder`); before v7 each entry had a row of its own, packed (v6), in the binary form
/// (before v6) or in JSON (v1): all are still read, so that they recover after an upgrade.
enum JournalBody {
    enum Format: UInt8 {
        case binary = 1
        /// An entry's packed form (`JournalEntry.pack(into:)`).
        case packedEntry = 2
        /// The entries of one commit: their count, then each one's packed form.
        case packedEntries = 3
        /// JSON's opening brace: a v1 body is the JSON object itself.
        case json = 0x7B
    }

    static func encode(_ value: some Encodable) throws -> Data {
        Data(try BinaryEncoder().encode(value, prefix: [Format.binary.rawValue]))
    }

    /// Writes the body of a commit's row, `entries` packed one after the other, into `writer`.
    static func write(_ entries: [JournalEntry], into writer: inout PackedWriter) throws {
        writer.writeByte(Format.packedEntries.rawValue)
        writer.writeVarint(UInt64(entries.count))
        for entry in entries {
            try entry.pack(into: &writer)
        }
    }

    /// The entries in the body of the row whose sequence is `last`, in order: one entry in the
    /// formats before v7, the entries of a commit in `packedEntries`. Throws when the body cannot
    /// be read, or when its entries do not end at `last` with increasing sequences.
    static func entries(from body: Data, last: Int64) throws -> [JournalEntry] {
        guard body.first == Format.packedEntries.rawValue else {
            let entry = try decode(JournalEntry.self, from: body)
            guard entry.sequence == last else { throw mismatch("an entry of sequence \(entry.sequence) in the row of \(last)") }
            return [entry]
        }
        let entries = try body.withUnsafeBytes { bytes in
            var reader = PackedReader(bytes: UnsafeRawBufferPointer(rebasing: bytes.dropFirst()))
            let count = try reader.readCount()
            var entries: [JournalEntry] = []
            entries.reserveCapacity(count)
            for _ in 0..<count {
                entries.append(try JournalEntry(unpacking: &reader))
            }
            guard reader.isAtEnd else { throw reader.corrupted("trailing bytes after the entries") }
            return entries
        }
        guard entries.last?.sequence == last else { throw mismatch("entries that do not end at the row's sequence \(last)") }
        if let (earlier, later) = firstOutOfOrder(entries) {
            throw mismatch("entry \(later) after entry \(earlier)")
        }
        return entries
    }

    /// The sequences of the first two neighbours in `entries` whose sequences do not increase.
    static func firstOutOfOrder(_ entries: [JournalEntry]) -> (earlier: Int64, later: Int64)? {
        zip(entries, entries.dropFirst()).first { $0.sequence >= $1.sequence }.map { ($0.sequence, $1.sequence) }
    }

    private static func mismatch(_ what: String) -> DecodingError {
        .dataCorrupted(.init(codingPath: [], debugDescription: what))
    }

    static func decode<T: Decodable>(_ type: T.Type, from body: Data) throws -> T {
        try body.withUnsafeBytes { bytes in
            guard let first = bytes.first, let format = Format(rawValue: first) else {
                throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "unknown body format \(bytes.first.map(String.init) ?? "(empty)")"))
            }
            switch format {
            case .binary:
                return try BinaryDecoder().decode(type, from: UnsafeRawBufferPointer(rebasing: bytes.dropFirst()))
            case .packedEntries:
                throw DecodingError.typeMismatch(type, .init(codingPath: [], debugDescription: "a commit's entries, not one \(type)"))
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
