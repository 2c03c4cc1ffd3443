import ACDCore

/// A call as the simulator follows it: what it drew at arrival and where it is.
struct SimulatedCall {
    let id: CallID
    let stream: Int
    let arrival: Int64
    /// Its talk time, drawn at arrival.
    let talk: Int64
    /// Counted in the figures: it arrived after the warm-up.
    let isMeasured: Bool
    /// Counted among the waiting calls: queued, not yet answered or gone.
    var isWaiting = false
    var isConnected = false
    var isFinished = false
}
