import ACDProtocol

/// Replies and events as the daemon writes them: one JSON object per line, snake_case keys.
enum JSONLine {
    private static let codec = LineCodec()

    static func reply(_ reply: WireReply) -> String {
        text(codec.encode(reply))
    }

    static func event(_ event: WireEvent) -> String {
        text(codec.encode(event))
    }

    private static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes.last == UInt8(ascii: "\n") ? bytes.dropLast() : bytes[...], as: UTF8.self)
    }
}
