/// Where a reconnecting `ACDClient` stands, reported on every change.
public enum ConnectionState: Sendable, Equatable {
    /// Trying to connect; `attempt` counts from 1 since the last connection.
    case connecting(attempt: Int)
    /// Connected and greeted; `session` is the daemon's name for this connection.
    case connected(session: String?)
    /// The attempt failed or the connection was lost; the next attempt comes after `retryIn`.
    case disconnected(ACDClientError, retryIn: Duration)
    /// Closed for good (by `close()` or cancellation).
    case closed
}
