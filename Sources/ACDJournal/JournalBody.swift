import Foundation

/// How an entry or a snapshot is written in the journal's `body` column: a first byte naming the
/// format, then the value. acdd writes the compact binary form (`BinaryEncoder`); journals written
/// before it (format v1) hold JSON, which is still read, so that they recover after an upgrade.
enum JournalBody {
    enum Format: UInt8 {
        case binary = 1
        /// JSON's opening brace: a v1 body is the JSON object itself.
        case json = 0x7B
    }

    static func encode(_ value: some Encodable) throws -> Data {
        Data(try BinaryEncoder().encode(value, prefix: [Format.binary.rawValue]))
    }

    static func decode<T: Decodable>(_ type: T.Type, from body: Data) throws -> T {
        try body.withUnsafeBytes { bytes in
            guard let first = bytes.first, let format = Format(rawValue: first) else {
                throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "unknown body format \(bytes.first.map(String.init) ?? "(empty)")"))
            }
            switch format {
            case .binary:
                return try BinaryDecoder().decode(type, from: UnsafeRawBufferPointer(rebasing: bytes.dropFirst()))
            case .json:
                return try JSONDecoder().decode(type, from: body)
            }
        }
    }
}
