/// The calls a simulation offers the center, and how its simulated agents answer.
public struct TrafficModel: Equatable, Sendable {
    /// The call streams, each reported on its own.
    public var streams: [TrafficStream]
    /// The length of each interval of the streams' arrival rates and of the staffing.
    public var interval: Duration
    /// How long an offer rings before the simulated agent accepts it; zero: at once. The caller
    /// waits meanwhile, and the agent is occupied.
    public var acceptDelay: Duration

    /// A model with half-hour intervals and agents who answer at once, unless told otherwise.
    public init(streams: [TrafficStream], interval: Duration = .seconds(1800), acceptDelay: Duration = .zero) {
        self.streams = streams
        self.interval = interval
        self.acceptDelay = acceptDelay
    }
}
