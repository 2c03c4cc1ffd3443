/// One bucket of a stream's time series: the calls that arrived in it and how they fared, and the
/// calls waiting during it.
public struct IntervalFigures: Equatable, Sendable {
    /// The bucket's start and length, in milliseconds from the start of the run.
    public var startMilliseconds: Int64
    public var lengthMilliseconds: Int64
    /// Calls that arrived in the bucket; of them, those answered (within the threshold) and
    /// those abandoned so far.
    public var offered = 0
    public var answered = 0
    public var answeredInTime = 0
    public var abandoned = 0
    /// Waiting calls integrated over the bucket (calls x milliseconds): a call waits from its
    /// arrival until an agent answers or it leaves.
    public var waitingCallMilliseconds: Int64 = 0
    /// The most calls waiting at once during the bucket.
    public var mostWaiting = 0

    /// An empty bucket.
    public init(startMilliseconds: Int64, lengthMilliseconds: Int64) {
        self.startMilliseconds = startMilliseconds
        self.lengthMilliseconds = lengthMilliseconds
    }

    /// The average number of calls waiting during the bucket.
    public var averageWaiting: Double {
        Double(waitingCallMilliseconds) / Double(lengthMilliseconds)
    }
}
