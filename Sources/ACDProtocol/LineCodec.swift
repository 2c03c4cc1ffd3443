/// Turns lines into requests and replies or events into lines. One JSON object per line.
///
/// The JSON is read and written by hand (`JSONReader`, `JSONWriter`): strictly as RFC 8259 has it,
/// in one pass, without Foundation. Lines are byte for byte what Foundation's `JSONEncoder` wrote
/// with snake_case keys, sorted keys and unescaped slashes.
public struct LineCodec: Sendable {
    /// Written instead of a value that has no JSON form (a NaN figure).
    private static let unencodable = #"{"ok":false,"error":{"code":"internal_error","message":"unencodable"}}"#

    /// A codec. It holds nothing: one may be shared, or made where needed.
    public init() {}

    /// The line's request, or the error to reply with. The id is returned whenever the line has a
    /// readable one, so the error reply can carry it.
    public func decodeRequest(_ line: some Collection<UInt8>) -> (id: RequestID?, request: Result<Request, ProtocolError>) {
        let (id, wire) = line.withContiguousStorageIfAvailable(WireRequest.decode(line:))
            ?? Array(line).withUnsafeBufferPointer(WireRequest.decode(line:))
        switch wire {
        case .success(let wire):
            do {
                return (id, .success(try Request(wire)))
            } catch {
                return (id, .failure(error))
            }
        case .failure(let error):
            return (id, .failure(error))
        }
    }

    /// Decodes a reply or an event line (what clients read). Keys it does not know are skipped, so
    /// that a newer server may add some; an event or error code it does not know fails the line.
    public func decodeServerLine(_ line: some Collection<UInt8>) throws(JSONDecodingError) -> ServerLine {
        func decode(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<ServerLine, JSONDecodingError> {
            Result { () throws(JSONDecodingError) in try ServerLine(json: buffer) }
        }
        return try (line.withContiguousStorageIfAvailable(decode) ?? Array(line).withUnsafeBufferPointer(decode)).get()
    }

    /// The value as one line, newline included.
    public func encode(_ value: some JSONLineEncodable) -> [UInt8] {
        var writer = JSONWriter()
        do {
            try value.encodeJSON(to: &writer)
        } catch {
            return Array(Self.unencodable.utf8) + [UInt8(ascii: "\n")]
        }
        return writer.bytes(terminatedBy: UInt8(ascii: "\n"))
    }
}
