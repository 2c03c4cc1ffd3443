/// A line from the server.
public enum ServerLine: Sendable, Equatable {
    /// The reply to a request (it carries the request's id).
    case reply(WireReply)
    /// An event the server pushed.
    case event(WireEvent)
}
