extension WireRequest: JSONLineEncodable {
    /// Writes the request, its keys sorted.
    public func encodeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("agent", agent)
        writer.field("attributes", attributes)
        writer.field("by", by)
        writer.field("call", call)
        writer.field("call_type", callType)
        writer.field("callback_number", callbackNumber)
        writer.field("client", client)
        writer.field("entered_ms", enteredMs)
        writer.field("id", id)
        writer.field("message", message)
        writer.field("motive", motive)
        writer.field("not_before_ms", notBeforeMs)
        writer.field("notes", notes)
        writer.field("number", number)
        writer.field("priority", priority)
        writer.field("protocol", `protocol`)
        writer.field("queue", queue)
        writer.field("reason", reason)
        writer.field("result", result)
        writer.field("retry_at_ms", retryAtMs)
        writer.field("role", role)
        writer.field("score", score)
        writer.field("segment", segment)
        writer.field("state", state)
        writer.field("sub_motive", subMotive)
        writer.field("to_agent", toAgent)
        writer.field("topics", topics)
        writer.field("type", type)
        writer.endObject()
    }
}

extension WireRequest {
    /// The keys of a request line, in the order their problems are reported when several fields
    /// are wrong (the order of `WireRequest`'s properties).
    enum JSONField: String, CaseIterable, Sendable {
        case type, id, `protocol`, role, client, agent, call, queue, priority, segment, attributes
        case enteredMs = "entered_ms"
        case by, reason, state, topics, message
        case callType = "call_type"
        case motive
        case subMotive = "sub_motive"
        case notes, score
        case toAgent = "to_agent"
        case number
        case notBeforeMs = "not_before_ms"
        case result
        case retryAtMs = "retry_at_ms"
        case callbackNumber = "callback_number"
    }

    static let jsonKeys = JSONKeyTable<JSONField>()

    /// Reads a request line in one pass: the request as sent, or the error to reply with, and the
    /// line's `id` whenever it has a readable one (so that the error reply can carry it).
    ///
    /// A line that is not a JSON object (RFC 8259, strictly) is `bad_json`, with no id. Otherwise
    /// the first of these is `invalid_field`: an unknown key (the first in sorted order), a key
    /// that appears twice (the first in the line), a field with a value of the wrong kind, an
    /// unknown enum value or a number that does not fit (the first in property order).
    static func decode(line: UnsafeBufferPointer<UInt8>) -> (id: RequestID?, wire: Result<WireRequest, ProtocolError>) {
        var reader = JSONReader(line)
        var wire = WireRequest()
        var unknown: [String] = []
        var duplicate: String?
        var fieldError: (index: Int, error: JSONDecodingError)?
        var seen: UInt64 = 0
        do {
            guard try reader.peekKind() == .object else { return (nil, .failure(notAnObject)) }
            var more = try reader.beginObject()
            while more {
                switch try reader.readKey(in: jsonKeys) {
                case .other(let name):
                    unknown.append(name)
                    try reader.skipValue()
                case .field(let field, let index):
                    if seen & 1 << index != 0 {
                        duplicate = duplicate ?? field.rawValue
                        try reader.skipValue()
                        break
                    }
                    seen |= 1 << index
                    do {
                        try wire.read(field, from: &reader)
                    } catch let error where !error.isMalformed {
                        if fieldError.map({ index < $0.index }) ?? true {
                            fieldError = (index, error)
                        }
                    }
                }
                more = try reader.endMember()
            }
            try reader.finish()
        } catch {
            return (nil, .failure(notAnObject))
        }
        if let name = unknown.min() {
            return (wire.id, .failure(ProtocolError(.invalidField, "unknown field '\(name)'")))
        }
        if let duplicate {
            return (wire.id, .failure(ProtocolError(.invalidField, "duplicate field '\(duplicate)'")))
        }
        if let fieldError {
            return (wire.id, .failure(ProtocolError(.invalidField, fieldError.error.description)))
        }
        return (wire.id, .success(wire))
    }

    private static var notAnObject: ProtocolError {
        ProtocolError(.badJSON, "the line is not a JSON object")
    }

    /// Reads one field's value; on a problem with it (not a malformed line), the field stays
    /// absent and the value has been read.
    private mutating func read(_ field: JSONField, from reader: inout JSONReader) throws(JSONDecodingError) {
        let key = field.rawValue
        switch field {
        case .type: type = try reader.decodeString(key)
        case .id: id = try reader.decodeRequestID(key)
        case .protocol: `protocol` = try reader.decodeInteger(key)
        case .role: role = try reader.decodeEnum(key)
        case .client: client = try reader.decodeString(key)
        case .agent: agent = try reader.decodeString(key)
        case .call: call = try reader.decodeString(key)
        case .queue: queue = try reader.decodeString(key)
        case .priority: priority = try reader.decodeInteger(key)
        case .segment: segment = try reader.decodeString(key)
        case .attributes: attributes = try reader.decodeStringMap(key)
        case .enteredMs: enteredMs = try reader.decodeInteger(key)
        case .by: by = try reader.decodeString(key)
        case .reason: reason = try reader.decodeString(key)
        case .state: state = try reader.decodeString(key)
        case .topics: topics = try reader.decodeStrings(key)
        case .message: message = try reader.decodeString(key)
        case .callType: callType = try reader.decodeString(key)
        case .motive: motive = try reader.decodeString(key)
        case .subMotive: subMotive = try reader.decodeString(key)
        case .notes: notes = try reader.decodeString(key)
        case .score: score = try reader.decodeInteger(key)
        case .toAgent: toAgent = try reader.decodeString(key)
        case .number: number = try reader.decodeString(key)
        case .notBeforeMs: notBeforeMs = try reader.decodeInteger(key)
        case .result: result = try reader.decodeString(key)
        case .retryAtMs: retryAtMs = try reader.decodeInteger(key)
        case .callbackNumber: callbackNumber = try reader.decodeString(key)
        }
    }
}
