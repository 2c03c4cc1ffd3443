extension AgentView: JSONLineEncodable {
    /// Writes the agent, its keys sorted.
    public func encodeJSON(to writer: inout JSONWriter) throws(JSONWriter.NonFiniteNumber) {
        writer.beginObject()
        try writer.field("breaks", breaks)
        writer.field("call", call)
        writer.field("calls_answered", callsAnswered)
        writer.field("daily_target", dailyTarget)
        writer.field("id", id)
        writer.field("missed_offers", missedOffers)
        writer.field("name", name)
        writer.field("pending", pending)
        writer.field("pending_reason", pendingReason)
        writer.field("queues", queues)
        writer.field("reason", reason)
        writer.field("resting_until_ms", restingUntilMs)
        writer.field("since_ms", sinceMs)
        writer.field("state", state)
        writer.field("talk_time_ms", talkTimeMs)
        writer.field("team", team)
        writer.field("until_ms", untilMs)
        writer.endObject()
    }
}

extension AgentView {
    /// The keys of an agent object.
    enum JSONField: String, CaseIterable, Sendable {
        case id, name, state, reason, call, queues
        case sinceMs = "since_ms", untilMs = "until_ms", restingUntilMs = "resting_until_ms"
        case pendingReason = "pending_reason", callsAnswered = "calls_answered", talkTimeMs = "talk_time_ms"
        case missedOffers = "missed_offers"
        case pending, team, breaks
        case dailyTarget = "daily_target"
    }

    static let jsonKeys = JSONKeyTable<JSONField>()

    /// Reads an agent object; keys it does not know are skipped.
    init(json reader: inout JSONReader) throws(JSONDecodingError) {
        var id: String?, name: String?, state: String?, reason: String?, call: String?, queues: [String]?
        var sinceMs: Int64?, untilMs: Int64?, restingUntilMs: Int64?, pendingReason: String?
        var callsAnswered: Int?, talkTimeMs: Int64?, missedOffers: Int?
        var pending: String?, team: String?, breaks: [BreakView]?, dailyTarget: Int?
        try reader.decodeMembers(in: Self.jsonKeys) { (reader, field) throws(JSONDecodingError) in
            let key = field.rawValue
            switch field {
            case .id: id = try reader.decodeString(key)
            case .name: name = try reader.decodeString(key)
            case .state: state = try reader.decodeString(key)
            case .reason: reason = try reader.decodeString(key)
            case .call: call = try reader.decodeString(key)
            case .queues: queues = try reader.decodeStrings(key)
            case .sinceMs: sinceMs = try reader.decodeInteger(key)
            case .untilMs: untilMs = try reader.decodeInteger(key)
            case .restingUntilMs: restingUntilMs = try reader.decodeInteger(key)
            case .pendingReason: pendingReason = try reader.decodeString(key)
            case .callsAnswered: callsAnswered = try reader.decodeInteger(key)
            case .talkTimeMs: talkTimeMs = try reader.decodeInteger(key)
            case .missedOffers: missedOffers = try reader.decodeInteger(key)
            case .pending: pending = try reader.decodeString(key)
            case .team: team = try reader.decodeString(key)
            case .breaks: breaks = try reader.decodeObjects(key, BreakView.init(json:))
            case .dailyTarget: dailyTarget = try reader.decodeInteger(key)
            }
        }
        self.init(
            id: try required(id, JSONField.id), name: try required(name, JSONField.name),
            state: try required(state, JSONField.state), reason: reason, call: call,
            sinceMs: try required(sinceMs, JSONField.sinceMs), untilMs: untilMs, restingUntilMs: restingUntilMs,
            pendingReason: pendingReason, callsAnswered: try required(callsAnswered, JSONField.callsAnswered),
            talkTimeMs: try required(talkTimeMs, JSONField.talkTimeMs),
            missedOffers: try required(missedOffers, JSONField.missedOffers), queues: try required(queues, JSONField.queues),
            pending: pending, team: team, breaks: breaks, dailyTarget: dailyTarget
        )
    }
}
