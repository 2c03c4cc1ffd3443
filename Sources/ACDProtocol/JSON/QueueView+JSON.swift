extension QueueView: JSONLineEncodable {
    /// Writes the queue, its keys sorted. Fails only on a figure that is NaN or infinite.
    public func encodeJSON(to writer: inout JSONWriter) throws(JSONWriter.NonFiniteNumber) {
        writer.beginObject()
        writer.field("average_handle_ms", averageHandleMs)
        writer.field("ewt_ms", ewtMs)
        writer.field("id", id)
        writer.field("logged_in", loggedIn)
        writer.field("not_ready", notReady)
        writer.field("oldest_entered_ms", oldestEnteredMs)
        writer.field("open", open)
        writer.field("outbound_waiting", outboundWaiting)
        writer.field("parked_callbacks", parkedCallbacks)
        writer.field("ready", ready)
        try writer.field("stats", stats)
        writer.field("until_ms", untilMs)
        writer.field("waiting", waiting)
        writer.endObject()
    }
}

extension QueueView {
    /// The keys of a queue object.
    enum JSONField: String, CaseIterable, Sendable {
        case id, waiting, ready, stats
        case oldestEnteredMs = "oldest_entered_ms", loggedIn = "logged_in", notReady = "not_ready"
        case averageHandleMs = "average_handle_ms", ewtMs = "ewt_ms"
        case open, untilMs = "until_ms"
        case outboundWaiting = "outbound_waiting", parkedCallbacks = "parked_callbacks"
    }

    static let jsonKeys = JSONKeyTable<JSONField>()

    /// Reads a queue object; keys it does not know are skipped.
    init(json reader: inout JSONReader) throws(JSONDecodingError) {
        var id: String?, waiting: Int?, oldestEnteredMs: Int64?, loggedIn: Int?, ready: Int?, notReady: Int?
        var averageHandleMs: Int64?, ewtMs: Int64?, stats: QueueStats?, open: Bool?, untilMs: Int64?
        var outboundWaiting: Int?, parkedCallbacks: Int?
        try reader.decodeMembers(in: Self.jsonKeys) { (reader, field) throws(JSONDecodingError) in
            let key = field.rawValue
            switch field {
            case .id: id = try reader.decodeString(key)
            case .waiting: waiting = try reader.decodeInteger(key)
            case .oldestEnteredMs: oldestEnteredMs = try reader.decodeInteger(key)
            case .loggedIn: loggedIn = try reader.decodeInteger(key)
            case .ready: ready = try reader.decodeInteger(key)
            case .notReady: notReady = try reader.decodeInteger(key)
            case .averageHandleMs: averageHandleMs = try reader.decodeInteger(key)
            case .ewtMs: ewtMs = try reader.decodeInteger(key)
            case .stats: stats = try reader.decodeObject(key, QueueStats.init(json:))
            case .open: open = try reader.decodeBool(key)
            case .untilMs: untilMs = try reader.decodeInteger(key)
            case .outboundWaiting: outboundWaiting = try reader.decodeInteger(key)
            case .parkedCallbacks: parkedCallbacks = try reader.decodeInteger(key)
            }
        }
        self.init(
            id: try required(id, JSONField.id), waiting: try required(waiting, JSONField.waiting),
            oldestEnteredMs: oldestEnteredMs, loggedIn: try required(loggedIn, JSONField.loggedIn),
            ready: try required(ready, JSONField.ready), notReady: try required(notReady, JSONField.notReady),
            averageHandleMs: try required(averageHandleMs, JSONField.averageHandleMs), ewtMs: ewtMs
        )
        self.stats = stats
        self.open = open
        self.untilMs = untilMs
        self.outboundWaiting = outboundWaiting
        self.parkedCallbacks = parkedCallbacks
    }
}
