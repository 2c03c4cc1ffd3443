/// What happens to a waiting call once it has waited `after` in a queue: the queue's max-wait
/// rules. Steps apply in order of `after`, counted from the moment the call joined the queue.
public struct OverflowStep: Equatable, Sendable, Codable {
    public var after: Duration
    public var action: OverflowAction

    public init(after: Duration, action: OverflowAction) {
        self.after = after
        self.action = action
    }
}

/// The treatment of a call that reached a queue's max wait.
public enum OverflowAction: Equatable, Sendable, Codable {
    /// Move the call to another queue. It keeps its priority and the instant it entered the
    /// system, so it keeps its age in the new line; the new queue's tiers and steps start over.
    case moveTo(QueueID)
    /// Keep the call where it is and let the agents of these queues take it too.
    case widen([QueueID])
    /// The call leaves with outcome `timedOut`, so the adapter can send the caller to voicemail or
    /// offer a callback.
    case leave
    /// The call leaves with outcome `overflowedOut` toward a destination outside acdd (another
    /// site, a number) that the adapter connects.
    case divert(destination: String)
}
