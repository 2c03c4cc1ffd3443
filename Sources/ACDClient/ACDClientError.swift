public import ACDProtocol

/// Everything that can go wrong talking to acdd, with what a person needs to act on it.
public enum ACDClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The socket at `path` could not be reached.
    case cannotConnect(path: String, reason: ConnectFailure)
    /// The daemon answered the request with an error (`ok: false`).
    case rejected(ProtocolError)
    /// The connection ended; `detail` says why when the daemon or the transport told.
    case connectionClosed(path: String, detail: String?)
    /// The daemon sent a line longer than the client accepts.
    case lineTooLong(limit: Int)
    /// The daemon's reply to a request could not be read as a reply.
    case unreadableReply(line: String)
    /// A reconnecting client was asked to send while it has no connection.
    case notConnected(path: String)
    /// The task waiting for the reply was cancelled; the request may still be carried out.
    case cancelled
    /// No reply came within the connection's reply timeout; the request may still be carried out.
    case timedOut(path: String, after: Duration)

    public var description: String {
        switch self {
        case .cannotConnect(let path, let reason):
            "cannot connect to \(path): \(reason)"
        case .rejected(let error):
            "\(error.code.rawValue): \(error.message)"
        case .connectionClosed(let path, let detail):
            "the connection to \(path) closed" + (detail.map { ": \($0)" } ?? "")
        case .lineTooLong(let limit):
            "acdd sent a line longer than \(limit) bytes"
        case .unreadableReply(let line):
            "acdd sent a reply that could not be read: \(line.prefix(200))"
        case .notConnected(let path):
            "not connected to \(path) (reconnecting)"
        case .cancelled:
            "cancelled while waiting for the reply"
        case .timedOut(let path, let after):
            "acdd at \(path) did not answer within \(after.components.seconds * 1000 + after.components.attoseconds / 1_000_000_000_000_000) ms"
        }
    }

    /// The daemon's error, when the request was refused.
    public var protocolError: ProtocolError? {
        if case .rejected(let error) = self { error } else { nil }
    }
}
