/// How a queue dials its callbacks and outbound calls.
public struct DialPolicy: Equatable, Sendable, Codable {
    /// Attempts before a call that is never reached ends (outcome `unreached`).
    public var maxAttempts: Int
    /// After an attempt that was not answered, the call waits this long before it is put in line
    /// again.
    public var retryDelay: Duration
    /// Inbound precedence: an outbound call (not a callback, which keeps the caller's place) is
    /// offered only while at least this many other agents of the queue stay ready for inbound
    /// calls. Inbound calls are always offered before outbound ones.
    public var outboundReserve: Int

    public init(maxAttempts: Int = 3, retryDelay: Duration = .seconds(600), outboundReserve: Int = 0) {
        self.maxAttempts = maxAttempts
        self.retryDelay = retryDelay
        self.outboundReserve = outboundReserve
    }
}
