import Foundation

/// Turns lines into requests and replies or events into lines. One JSON object per line.
public struct LineCodec: Sendable {
    private let encoder: JSONEncoder
    private let decoder: JSONDecoder
    /// Reads keys as written (`decoder` converts them from snake case).
    private let keyReader = JSONDecoder()

    public init() {
        encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
    }

    /// The line's request, or the error to reply with. The id is returned whenever the line has a
    /// readable one, so the error reply can carry it.
    public func decodeRequest(_ line: some Collection<UInt8>) -> (id: RequestID?, request: Result<Request, ProtocolError>) {
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
        let wire: WireRequest
        do {
            wire = try decoder.decode(WireRequest.self, from: data)
        } catch let error as DecodingError {
            return (id, .failure(ProtocolError(.invalidField, Self.describe(error))))
        } catch {
            return (id, .failure(ProtocolError(.badJSON, "the line is not a JSON object")))
        }
        do {
            return (id, .success(try Request(wire)))
        } catch {
            return (id, .failure(error))
        }
    }

    /// Decodes a reply or an event line (what clients read).
    public func decodeServerLine(_ line: some Collection<UInt8>) throws -> ServerLine {
        let data = Data(line)
        let keys = try keyReader.decode(ObjectKeys.self, from: data).keys
        if keys.contains("event") {
            return .event(try decoder.decode(WireEvent.self, from: data))
        }
        return .reply(try decoder.decode(WireReply.self, from: data))
    }

    /// The value as one line, newline included.
    public func encode(_ value: some Encodable) -> [UInt8] {
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

    private static func snakeCase(_ name: String) -> String {
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

/// A line from the server.
public enum ServerLine: Sendable, Equatable {
    case reply(WireReply)
    case event(WireEvent)
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
