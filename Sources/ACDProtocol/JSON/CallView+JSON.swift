extension CallView: JSONLineEncodable {
    /// Writes the call, its keys sorted.
    public func encodeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("agents", agents)
        writer.field("attempts", attempts)
        writer.field("consult_agent", consultAgent)
        writer.field("due_ms", dueMs)
        writer.field("entered_ms", enteredMs)
        writer.field("ewt_ms", ewtMs)
        writer.field("id", id)
        writer.field("kind", kind)
        writer.field("number", number)
        writer.field("position", position)
        writer.field("priority", priority)
        writer.field("queue", queue)
        writer.field("queues", queues)
        writer.field("segment", segment)
        writer.field("state", state)
        writer.endObject()
    }
}

extension CallView {
    /// The keys of a call object.
    enum JSONField: String, CaseIterable, Sendable {
        case id, state, queue, queues, priority, segment, agents, position
        case enteredMs = "entered_ms", ewtMs = "ewt_ms", consultAgent = "consult_agent"
        case kind, number, attempts, dueMs = "due_ms"
    }

    static let jsonKeys = JSONKeyTable<JSONField>()

    /// Reads a call object; keys it does not know are skipped.
    init(json reader: inout JSONReader) throws(JSONDecodingError) {
        var id: String?, state: String?, queue: String?, queues: [String]?, priority: Int?, segment: String?
        var enteredMs: Int64?, agents: [String]?, position: Int?, ewtMs: Int64?, consultAgent: String?
        var kind: String?, number: String?, attempts: Int?, dueMs: Int64?
        try reader.decodeMembers(in: Self.jsonKeys) { (reader, field) throws(JSONDecodingError) in
            let key = field.rawValue
            switch field {
            case .id: id = try reader.decodeString(key)
            case .state: state = try reader.decodeString(key)
            case .queue: queue = try reader.decodeString(key)
            case .queues: queues = try reader.decodeStrings(key)
            case .priority: priority = try reader.decodeInteger(key)
            case .segment: segment = try reader.decodeString(key)
            case .enteredMs: enteredMs = try reader.decodeInteger(key)
            case .agents: agents = try reader.decodeStrings(key)
            case .position: position = try reader.decodeInteger(key)
            case .ewtMs: ewtMs = try reader.decodeInteger(key)
            case .consultAgent: consultAgent = try reader.decodeString(key)
            case .kind: kind = try reader.decodeString(key)
            case .number: number = try reader.decodeString(key)
            case .attempts: attempts = try reader.decodeInteger(key)
            case .dueMs: dueMs = try reader.decodeInteger(key)
            }
        }
        self.init(
            id: try required(id, JSONField.id), state: try required(state, JSONField.state),
            queue: try required(queue, JSONField.queue), queues: try required(queues, JSONField.queues),
            priority: try required(priority, JSONField.priority), segment: segment,
            enteredMs: try required(enteredMs, JSONField.enteredMs), agents: try required(agents, JSONField.agents),
            position: position, ewtMs: ewtMs, consultAgent: consultAgent
        )
        self.kind = kind
        self.number = number
        self.attempts = attempts
        self.dueMs = dueMs
    }
}
