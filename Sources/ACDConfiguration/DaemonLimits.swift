/// The daemon's limits on its clients and the pace of its notices.
public struct DaemonLimits: Equatable, Sendable {
    /// The longest request line a client may send, in bytes; a longer one closes the connection.
    public var maxLineBytes: Int
    /// Events buffered for one connection; a client that falls this far behind is disconnected
    /// rather than slowing the daemon down.
    public var maxOutputQueue: Int
    /// How long the calls of a disconnected adapter keep their place, waiting for it to come back,
    /// before they count as abandoned.
    public var adapterGrace: Duration
    /// How often waiting calls' `call.position` events go out. Zero: never.
    public var positionInterval: Duration

    /// The defaults, as documented in config/acdd.yaml.
    public static let defaultMaxLineBytes = 65_536
    public static let defaultMaxOutputQueue = 10_000
    public static let defaultAdapterGrace = Duration.seconds(30)
    public static let defaultPositionInterval = Duration.seconds(15)

    public init(
        maxLineBytes: Int = DaemonLimits.defaultMaxLineBytes,
        maxOutputQueue: Int = DaemonLimits.defaultMaxOutputQueue,
        adapterGrace: Duration = DaemonLimits.defaultAdapterGrace,
        positionInterval: Duration = DaemonLimits.defaultPositionInterval
    ) {
        self.maxLineBytes = maxLineBytes
        self.maxOutputQueue = maxOutputQueue
        self.adapterGrace = adapterGrace
        self.positionInterval = positionInterval
    }
}
