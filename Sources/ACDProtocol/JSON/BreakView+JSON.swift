extension BreakView: JSONLineEncodable {
    /// Writes the usage, its keys sorted.
    public func encodeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("count", count)
        writer.field("count_left", countLeft)
        writer.field("reason", reason)
        writer.field("time_left_ms", timeLeftMs)
        writer.field("used_ms", usedMs)
        writer.endObject()
    }
}

extension BreakView {
    /// The keys of a break usage object.
    enum JSONField: String, CaseIterable, Sendable {
        case reason, count
        case usedMs = "used_ms", countLeft = "count_left", timeLeftMs = "time_left_ms"
    }

    static let jsonKeys = JSONKeyTable<JSONField>()

    /// Reads a break usage object; keys it does not know are skipped.
    init(json reader: inout JSONReader) throws(JSONDecodingError) {
        var reason: String?, count: Int?, usedMs: Int64?, countLeft: Int?, timeLeftMs: Int64?
        try reader.decodeMembers(in: Self.jsonKeys) { (reader, field) throws(JSONDecodingError) in
            let key = field.rawValue
            switch field {
            case .reason: reason = try reader.decodeString(key)
            case .count: count = try reader.decodeInteger(key)
            case .usedMs: usedMs = try reader.decodeInteger(key)
            case .countLeft: countLeft = try reader.decodeInteger(key)
            case .timeLeftMs: timeLeftMs = try reader.decodeInteger(key)
            }
        }
        self.init(
            reason: try required(reason, JSONField.reason), count: try required(count, JSONField.count),
            usedMs: try required(usedMs, JSONField.usedMs), countLeft: countLeft, timeLeftMs: timeLeftMs
        )
    }
}
