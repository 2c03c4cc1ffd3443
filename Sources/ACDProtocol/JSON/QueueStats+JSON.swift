extension QueueStats: JSONLineEncodable {
    /// Writes the figures, their keys sorted. Fails on a rate that is NaN or infinite.
    public func encodeJSON(to writer: inout JSONWriter) throws(JSONWriter.NonFiniteNumber) {
        writer.beginObject()
        try writer.field("abandon_rate", abandonRate)
        writer.field("abandoned", abandoned)
        writer.field("aht_ms", ahtMs)
        writer.field("answered", answered)
        writer.field("answered_in_time", answeredInTime)
        writer.field("asa_ms", asaMs)
        writer.field("callbacks", callbacks)
        writer.field("callbacks_reached", callbacksReached)
        writer.field("dial_failures", dialFailures)
        writer.field("offered", offered)
        writer.field("outbound", outbound)
        writer.field("outbound_reached", outboundReached)
        try writer.field("segments", segments)
        try writer.field("service_level", serviceLevel)
        writer.endObject()
    }
}

extension QueueStats {
    /// The keys of a queue's figures.
    enum JSONField: String, CaseIterable, Sendable {
        case offered, answered, abandoned
        case answeredInTime = "answered_in_time", serviceLevel = "service_level", asaMs = "asa_ms", ahtMs = "aht_ms"
        case abandonRate = "abandon_rate", segments
        case callbacks, callbacksReached = "callbacks_reached", outbound, outboundReached = "outbound_reached"
        case dialFailures = "dial_failures"
    }

    static let jsonKeys = JSONKeyTable<JSONField>()

    /// Reads a queue's figures; keys it does not know are skipped.
    init(json reader: inout JSONReader) throws(JSONDecodingError) {
        var offered: Int?, answered: Int?, answeredInTime: Int?, abandoned: Int?
        var serviceLevel: Double?, asaMs: Int64?, ahtMs: Int64?, abandonRate: Double?, segments: [SegmentStats]?
        var dialing: [JSONField: Int] = [:]
        try reader.decodeMembers(in: Self.jsonKeys) { (reader, field) throws(JSONDecodingError) in
            let key = field.rawValue
            switch field {
            case .offered: offered = try reader.decodeInteger(key)
            case .answered: answered = try reader.decodeInteger(key)
            case .answeredInTime: answeredInTime = try reader.decodeInteger(key)
            case .abandoned: abandoned = try reader.decodeInteger(key)
            case .serviceLevel: serviceLevel = try reader.decodeDouble(key)
            case .asaMs: asaMs = try reader.decodeInteger(key)
            case .ahtMs: ahtMs = try reader.decodeInteger(key)
            case .abandonRate: abandonRate = try reader.decodeDouble(key)
            case .segments: segments = try reader.decodeObjects(key, SegmentStats.init(json:))
            case .callbacks, .callbacksReached, .outbound, .outboundReached, .dialFailures:
                dialing[field] = try reader.decodeInteger(key)
            }
        }
        self.init(
            offered: try required(offered, JSONField.offered), answered: try required(answered, JSONField.answered),
            answeredInTime: try required(answeredInTime, JSONField.answeredInTime),
            abandoned: try required(abandoned, JSONField.abandoned), serviceLevel: serviceLevel, asaMs: asaMs,
            ahtMs: ahtMs, abandonRate: abandonRate, segments: segments
        )
        callbacks = dialing[.callbacks]
        callbacksReached = dialing[.callbacksReached]
        outbound = dialing[.outbound]
        outboundReached = dialing[.outboundReached]
        dialFailures = dialing[.dialFailures]
    }
}
