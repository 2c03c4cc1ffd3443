extension WireReply: JSONLineEncodable {
    /// Writes the reply, its keys sorted. Fails only on a figure that is NaN or infinite.
    public func encodeJSON(to writer: inout JSONWriter) throws(JSONWriter.NonFiniteNumber) {
        writer.beginObject()
        try writer.field("agent", agent)
        try writer.field("agents", agents)
        writer.field("call", call)
        try writer.field("calls", calls)
        writer.field("due_ms", dueMs)
        try writer.field("error", error)
        writer.field("ewt_ms", ewtMs)
        writer.field("explanation", explanation)
        writer.field("id", id)
        writer.field("kind", kind)
        writer.field("ok", ok)
        writer.field("pending", pending)
        writer.field("position", position)
        writer.field("priority", priority)
        writer.field("protocol", `protocol`)
        writer.field("queue", queue)
        try writer.field("queues", queues)
        writer.field("server", server)
        writer.field("session", session)
        writer.field("topics", topics)
        writer.field("type", type)
        writer.endObject()
    }
}

extension WireReply {
    /// The keys of a reply line.
    enum JSONField: String, CaseIterable, Sendable {
        case id, ok, type, error, server, session, `protocol`, call, queue, priority, position, agent, agents, queues
        case calls, explanation, topics, pending, kind
        case ewtMs = "ewt_ms", dueMs = "due_ms"
    }

    static let jsonKeys = JSONKeyTable<JSONField>()

    /// Reads a reply object; keys it does not know are skipped (a newer server may add some).
    init(json reader: inout JSONReader) throws(JSONDecodingError) {
        var ok: Bool?
        var fields = WireReply(id: nil, type: nil)
        try reader.decodeMembers(in: Self.jsonKeys) { (reader, field) throws(JSONDecodingError) in
            let key = field.rawValue
            switch field {
            case .id: fields.id = try reader.decodeRequestID(key)
            case .ok: ok = try reader.decodeBool(key)
            case .type: fields.type = try reader.decodeString(key)
            case .error: fields.error = try reader.decodeObject(key, ProtocolError.init(json:))
            case .server: fields.server = try reader.decodeString(key)
            case .session: fields.session = try reader.decodeString(key)
            case .protocol: fields.protocol = try reader.decodeInteger(key)
            case .call: fields.call = try reader.decodeString(key)
            case .queue: fields.queue = try reader.decodeString(key)
            case .priority: fields.priority = try reader.decodeInteger(key)
            case .position: fields.position = try reader.decodeInteger(key)
            case .ewtMs: fields.ewtMs = try reader.decodeInteger(key)
            case .kind: fields.kind = try reader.decodeString(key)
            case .dueMs: fields.dueMs = try reader.decodeInteger(key)
            case .agent: fields.agent = try reader.decodeObject(key, AgentView.init(json:))
            case .agents: fields.agents = try reader.decodeObjects(key, AgentView.init(json:))
            case .queues: fields.queues = try reader.decodeObjects(key, QueueView.init(json:))
            case .calls: fields.calls = try reader.decodeObjects(key, CallView.init(json:))
            case .explanation: fields.explanation = try reader.decodeStrings(key)
            case .topics: fields.topics = try reader.decodeStrings(key)
            case .pending: fields.pending = try reader.decodeString(key)
            }
        }
        fields.ok = try required(ok, JSONField.ok)
        self = fields
    }
}

extension ProtocolError: JSONLineEncodable {
    /// Writes the error: its code and message.
    public func encodeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("code", code)
        writer.field("message", message)
        writer.field("opens_ms", opensMs)
        writer.endObject()
    }

    /// The keys of an error object.
    enum JSONField: String, CaseIterable, Sendable {
        case code, message
        case opensMs = "opens_ms"
    }

    static let jsonKeys = JSONKeyTable<JSONField>()

    init(json reader: inout JSONReader) throws(JSONDecodingError) {
        var code: ErrorCode?
        var message: String?
        var opensMs: Int64?
        try reader.decodeMembers(in: Self.jsonKeys) { (reader, field) throws(JSONDecodingError) in
            switch field {
            case .code: code = try reader.decodeEnum(field.rawValue)
            case .message: message = try reader.decodeString(field.rawValue)
            case .opensMs: opensMs = try reader.decodeInteger(field.rawValue)
            }
        }
        self.init(try required(code, JSONField.code), try required(message, JSONField.message))
        self.opensMs = opensMs
    }
}

extension JSONWriter {
    /// Writes the id, a number or a string, if there is one.
    mutating func field(_ key: StaticString, _ id: RequestID?) {
        switch id {
        case .number(let number):
            self.key(key)
            integer(number)
        case .string(let string):
            self.key(key)
            self.string(string)
        case nil:
            break
        }
    }
}
