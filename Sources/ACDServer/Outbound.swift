import ACDProtocol

/// What the executor hands a session to write, in order: replies and events share one queue, so a
/// reply always goes out before the events its request caused.
enum Outbound: Sendable {
    case reply(WireReply)
    case event(WireEvent)
}
