import ACDProtocol
import Foundation

/// The line codec as it was before the hand-written JSON (Foundation's `JSONEncoder` and
/// `JSONDecoder`, snake_case keys, sorted keys, unescaped slashes), kept here unchanged as the
/// oracle the differential and property tests compare `LineCodec` with. Only the request decoding
/// is split in two (`decodeWire`, then `Request(_:)`) so that the tests can compare `WireRequest`s.
struct FoundationLineCodec {
    private let encoder: JSONEncoder
    private let decoder: JSONDecoder
    /// Reads keys as written (`decoder` converts them from snake case).
    private let keyReader = JSONDecoder()

    init() {
        encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
    }

    /// The line's request, or the error to reply with, and the id when the line has a readable one.
    func decodeRequest(_ line: [UInt8]) -> (id: RequestID?, request: Result<Request, ProtocolError>) {
        let (id, wire) = decodeWire(line)
        switch wire {
        case .success(let wire):
            do {
                return (id, .success(try Request(wire)))
            } catch {
                return (id, .failure(error))
            }
        case .failure(let error):
            return (id, .failure(error))
        }
    }

    /// The line as a `WireRequest`, or the error to reply with, and the id.
    func decodeWire(_ line: [UInt8]) -> (id: RequestID?, wire: Result<WireRequest, ProtocolError>) {
        let data = Data(line)
        let keys: [String]
        do {
            keys = try keyReader.decode(ObjectKeys.self, from: data).keys
        } catch {
            return (nil, .failure(ProtocolError(.badJSON, "the line is not a JSON object")))
        }
        let id = try? decoder.decode(IDOnly.self, from: data).id
        if let unknown = keys.sorted().first(where: { !WireRequest.fieldNames.contains($0) }) {
            return (id, .failure(ProtocolError(.invalidField, "unknown field '\(unknown)'")))
        }
        do {
            return (id, .success(try decoder.decode(WireRequest.self, from: data)))
        } catch let error as DecodingError {
            return (id, .failure(ProtocolError(.invalidField, Self.describe(error))))
        } catch {
            return (id, .failure(ProtocolError(.badJSON, "the line is not a JSON object")))
        }
    }

    /// Decodes a reply or an event line.
    func decodeServerLine(_ line: [UInt8]) throws -> ServerLine {
        let data = Data(line)
        let keys = try keyReader.decode(ObjectKeys.self, from: data).keys
        if keys.contains("event") {
            return .event(try decoder.decode(WireEvent.self, from: data))
        }
        return .reply(try decoder.decode(WireReply.self, from: data))
    }

    /// The value as one line, newline included.
    func encode(_ value: some Encodable) -> [UInt8] {
        var bytes = [UInt8]((try? encoder.encode(value)) ?? Data(#"{"ok":false,"error":{"code":"internal_error","message":"unencodable"}}"#.utf8))
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context, _ last: (any CodingKey)? = nil) -> String {
            let keys = context.codingPath + (last.map { [$0] } ?? [])
            return keys.map { key in key.intValue.map(String.init) ?? snakeCase(key.stringValue) }.joined(separator: ".")
        }
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "field '\(path(context))' has the wrong type"
        case .keyNotFound(let key, let context):
            return "missing field '\(path(context, key))'"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "the line is not valid JSON" : "field '\(path(context))' has an unknown value"
        @unknown default:
            return "the line could not be read"
        }
    }

    /// How the old codec named a key in its messages.
    static func snakeCase(_ name: String) -> String {
        var result = ""
        for character in name {
            if character.isUppercase {
                result += "_" + character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }
}

/// The keys of a JSON object, or a decoding error when the value is not an object.
private struct ObjectKeys: Decodable {
    var keys: [String]

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        keys = try decoder.container(keyedBy: AnyKey.self).allKeys.map(\.stringValue)
    }
}

private struct IDOnly: Decodable {
    var id: RequestID?
}
