extension WireEvent: JSONLineEncodable {
    /// Writes the event, its keys sorted.
    public func encodeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("agent", agent)
        writer.field("attempt", attempt)
        writer.field("attributes", attributes)
        writer.field("break_reason", breakReason)
        writer.field("call", call)
        writer.field("call_types", callTypes)
        writer.field("classification_required", classificationRequired)
        writer.field("code", code)
        writer.field("consecutive", consecutive)
        writer.field("contact", contact)
        writer.field("destination", destination)
        writer.field("due_ms", dueMs)
        writer.field("event", event)
        writer.field("ewt_ms", ewtMs)
        writer.field("expires_ms", expiresMs)
        writer.field("from", from)
        writer.field("hard", hard)
        writer.field("kind", kind)
        writer.field("message", message)
        writer.field("motives", motives)
        writer.field("number", number)
        writer.field("outcome", outcome)
        writer.field("pending", pending)
        writer.field("position", position)
        writer.field("priority", priority)
        writer.field("queue", queue)
        writer.field("queues", queues)
        writer.field("reason", reason)
        writer.field("result", result)
        writer.field("rule", rule)
        writer.field("segment", segment)
        writer.field("seq", seq)
        writer.field("since_ms", sinceMs)
        writer.field("state", state)
        writer.field("sub_motives", subMotives)
        writer.field("target", target)
        writer.field("tier", tier)
        writer.field("to", to)
        writer.field("until_ms", untilMs)
        writer.field("waited_ms", waitedMs)
        writer.endObject()
    }
}

extension WireEvent {
    /// The keys of an event line.
    enum JSONField: String, CaseIterable, Sendable {
        case event, seq, call, agent, queue, from, to, queues, reason, outcome, destination, state, contact, position, tier
        case priority, segment, attributes, hard, consecutive, message, rule, pending, code, target
        case kind, number, attempt, result, motives
        case classificationRequired = "classification_required", callTypes = "call_types", subMotives = "sub_motives"
        case dueMs = "due_ms"
        case breakReason = "break_reason"
        case ewtMs = "ewt_ms", waitedMs = "waited_ms", expiresMs = "expires_ms", untilMs = "until_ms", sinceMs = "since_ms"
    }

    static let jsonKeys = JSONKeyTable<JSONField>()

    /// Reads an event object; keys it does not know are skipped (a newer server may add some).
    init(json reader: inout JSONReader) throws(JSONDecodingError) {
        var event: EventName?
        var seq: UInt64?
        var fields = WireEvent(.shutdown)
        try reader.decodeMembers(in: Self.jsonKeys) { (reader, field) throws(JSONDecodingError) in
            let key = field.rawValue
            switch field {
            case .event: event = try reader.decodeEnum(key)
            case .seq: seq = try reader.decodeInteger(key)
            case .call: fields.call = try reader.decodeString(key)
            case .agent: fields.agent = try reader.decodeString(key)
            case .queue: fields.queue = try reader.decodeString(key)
            case .from: fields.from = try reader.decodeString(key)
            case .to: fields.to = try reader.decodeString(key)
            case .queues: fields.queues = try reader.decodeStrings(key)
            case .reason: fields.reason = try reader.decodeString(key)
            case .outcome: fields.outcome = try reader.decodeString(key)
            case .destination: fields.destination = try reader.decodeString(key)
            case .state: fields.state = try reader.decodeString(key)
            case .contact: fields.contact = try reader.decodeString(key)
            case .position: fields.position = try reader.decodeInteger(key)
            case .tier: fields.tier = try reader.decodeInteger(key)
            case .priority: fields.priority = try reader.decodeInteger(key)
            case .segment: fields.segment = try reader.decodeString(key)
            case .attributes: fields.attributes = try reader.decodeStringMap(key)
            case .hard: fields.hard = try reader.decodeBool(key)
            case .consecutive: fields.consecutive = try reader.decodeInteger(key)
            case .target: fields.target = try reader.decodeInteger(key)
            case .message: fields.message = try reader.decodeString(key)
            case .rule: fields.rule = try reader.decodeString(key)
            case .breakReason: fields.breakReason = try reader.decodeString(key)
            case .pending: fields.pending = try reader.decodeString(key)
            case .code: fields.code = try reader.decodeString(key)
            case .ewtMs: fields.ewtMs = try reader.decodeInteger(key)
            case .waitedMs: fields.waitedMs = try reader.decodeInteger(key)
            case .expiresMs: fields.expiresMs = try reader.decodeInteger(key)
            case .untilMs: fields.untilMs = try reader.decodeInteger(key)
            case .sinceMs: fields.sinceMs = try reader.decodeInteger(key)
            case .kind: fields.kind = try reader.decodeString(key)
            case .number: fields.number = try reader.decodeString(key)
            case .attempt: fields.attempt = try reader.decodeInteger(key)
            case .result: fields.result = try reader.decodeString(key)
            case .dueMs: fields.dueMs = try reader.decodeInteger(key)
            case .classificationRequired: fields.classificationRequired = try reader.decodeBool(key)
            case .callTypes: fields.callTypes = try reader.decodeStrings(key)
            case .motives: fields.motives = try reader.decodeStrings(key)
            case .subMotives: fields.subMotives = try reader.decodeStrings(key)
            }
        }
        fields.event = try required(event, JSONField.event)
        fields.seq = try required(seq, JSONField.seq)
        self = fields
    }
}
