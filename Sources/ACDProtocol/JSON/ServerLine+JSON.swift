extension ServerLine {
    /// The key that makes a line an event.
    enum JSONField: String, CaseIterable, Sendable {
        case event
    }

    static let jsonKeys = JSONKeyTable<JSONField>()

    /// Reads a server line: an event if its object has an `event` key, a reply otherwise.
    init(json line: UnsafeBufferPointer<UInt8>) throws(JSONDecodingError) {
        var reader = JSONReader(line)
        self = if try Self.isEvent(line) {
            .event(try WireEvent(json: &reader))
        } else {
            .reply(try WireReply(json: &reader))
        }
        try reader.finish()
    }

    /// Whether the line's object has an `event` key (looks no further than that key).
    private static func isEvent(_ line: UnsafeBufferPointer<UInt8>) throws(JSONDecodingError) -> Bool {
        var reader = JSONReader(line)
        var more = try reader.beginObject()
        while more {
            if case .field = try reader.readKey(in: jsonKeys) {
                return true
            }
            try reader.skipValue()
            more = try reader.endMember()
        }
        return false
    }
}
