import ACDProtocol
import Foundation

/// An event as one line for people: the time it arrived (when given), its name, then its fields as
/// `key=value`, the call, agent and queue first. Instants read as clock times, waits as durations.
enum EventLine {
    private static let leading = ["call", "agent", "queue", "state", "reason"]
    private static let instants: Set<String> = ["expires_ms", "until_ms", "since_ms"]
    private static let durations: Set<String> = ["ewt_ms", "waited_ms"]

    static func render(_ event: WireEvent, at time: String? = Display.clockNow()) -> String {
        let codec = LineCodec()
        let fields = (try? JSONDecoder().decode([String: JSONValue].self, from: Data(codec.encode(event)))) ?? [:]
        let keys = fields.keys.filter { $0 != "event" && $0 != "seq" }
        let ordered = leading.filter(keys.contains) + keys.filter { !leading.contains($0) }.sorted()
        let parts = ordered.compactMap { key in fields[key].map { field(key, $0) } }
        return ([time, event.event.rawValue].compactMap { $0 } + parts).joined(separator: " ")
    }

    private static func field(_ key: String, _ value: JSONValue) -> String {
        if instants.contains(key), case .number(let ms) = value {
            return "\(key.dropLast(3))=\(Display.clock(ms: Int64(ms)))"
        }
        if durations.contains(key), case .number(let ms) = value {
            return "\(key.dropLast(3))=\(Display.duration(ms: Int64(ms)))"
        }
        return "\(key)=\(value.text)"
    }
}

/// Any JSON value, to print an event's fields without listing them.
private enum JSONValue: Decodable {
    case bool(Bool)
    case number(Double)
    case string(String)
    case list([JSONValue])
    case object([String: JSONValue])
    case null

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let list = try? container.decode([JSONValue].self) {
            self = .list(list)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// The value as a word: strings with spaces quoted, lists joined by commas.
    var text: String {
        switch self {
        case .bool(let bool): bool ? "true" : "false"
        case .number(let number): number == number.rounded() && abs(number) < 1e15 ? "\(Int64(number))" : "\(number)"
        case .string(let string):
            string.isEmpty || string.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" })
                ? "\"" + string.replacingOccurrences(of: "\"", with: "\\\"") + "\"" : string
        case .list(let list): list.map(\.text).joined(separator: ",")
        case .object(let object): object.keys.sorted().map { "\($0):\(object[$0]?.text ?? "")" }.joined(separator: ",")
        case .null: "null"
        }
    }
}
