/// A value `LineCodec.encode(_:)` can write as one line: it writes itself as a JSON object, its
/// keys in snake_case and sorted by their UTF-8 bytes, without the fields it has no value for.
///
/// `WireReply`, `WireEvent` and `WireRequest` conform; their lines are byte for byte what
/// Foundation's `JSONEncoder` writes with `.convertToSnakeCase`, `.sortedKeys` and
/// `.withoutEscapingSlashes` (the tests check it), only much faster.
public protocol JSONLineEncodable {
    /// Writes the value as one JSON object. Fails only on a double that is NaN or infinite.
    func encodeJSON(to writer: inout JSONWriter) throws(JSONWriter.NonFiniteNumber)
}
