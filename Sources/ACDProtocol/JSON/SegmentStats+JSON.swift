extension SegmentStats: JSONLineEncodable {
    /// Writes the figures, their keys sorted. Fails on a rate that is NaN or infinite.
    public func encodeJSON(to writer: inout JSONWriter) throws(JSONWriter.NonFiniteNumber) {
        writer.beginObject()
        writer.field("answered", answered)
        writer.field("answered_in_target", answeredInTarget)
        writer.field("breaches", breaches)
        writer.field("escalations", escalations)
        writer.field("offered", offered)
        writer.field("segment", segment)
        try writer.field("service_level", serviceLevel)
        writer.endObject()
    }
}

extension SegmentStats {
    /// The keys of a segment's figures.
    enum JSONField: String, CaseIterable, Sendable {
        case segment, offered, answered, breaches, escalations
        case answeredInTarget = "answered_in_target", serviceLevel = "service_level"
    }

    static let jsonKeys = JSONKeyTable<JSONField>()

    /// Reads a segment's figures; keys it does not know are skipped.
    init(json reader: inout JSONReader) throws(JSONDecodingError) {
        var segment: String?, offered: Int?, answered: Int?, answeredInTarget: Int?, breaches: Int?, escalations: Int?
        var serviceLevel: Double?
        try reader.decodeMembers(in: Self.jsonKeys) { (reader, field) throws(JSONDecodingError) in
            let key = field.rawValue
            switch field {
            case .segment: segment = try reader.decodeString(key)
            case .offered: offered = try reader.decodeInteger(key)
            case .answered: answered = try reader.decodeInteger(key)
            case .answeredInTarget: answeredInTarget = try reader.decodeInteger(key)
            case .breaches: breaches = try reader.decodeInteger(key)
            case .escalations: escalations = try reader.decodeInteger(key)
            case .serviceLevel: serviceLevel = try reader.decodeDouble(key)
            }
        }
        self.init(
            segment: try required(segment, JSONField.segment), offered: try required(offered, JSONField.offered),
            answered: try required(answered, JSONField.answered),
            answeredInTarget: try required(answeredInTarget, JSONField.answeredInTarget),
            breaches: try required(breaches, JSONField.breaches), escalations: try required(escalations, JSONField.escalations),
            serviceLevel: serviceLevel
        )
    }
}
