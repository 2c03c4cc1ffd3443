/// A queue's figures for the current day (reset by `Command.beginDay`): what supervisors watch live.
public struct QueueFigures: Equatable, Sendable, Codable {
    /// Calls that joined the queue (arrived, were transferred, moved or overflowed into it).
    public var offered = 0
    /// Calls of the queue an agent took.
    public var answered = 0
    /// Of those, the ones taken within the queue's service-level threshold.
    public var answeredInTime = 0
    /// Calls whose caller hung up while waiting or ringing in the queue.
    public var abandoned = 0
    /// Total wait of the answered calls, since they entered the system, in milliseconds.
    public var answeredWaitMilliseconds: Int64 = 0
    /// Calls whose handling (talk plus wrap-up) finished, and its total, in milliseconds.
    public var handled = 0
    public var handleMilliseconds: Int64 = 0

    public init() {}

    /// Share of calls answered within the threshold, of those answered or abandoned; nil before any.
    public var serviceLevel: Double? {
        answered + abandoned == 0 ? nil : Double(answeredInTime) / Double(answered + abandoned)
    }

    /// Average speed of answer.
    public var averageSpeedOfAnswer: Duration? {
        answered == 0 ? nil : .milliseconds(answeredWaitMilliseconds / Int64(answered))
    }

    /// Average handle time (talk plus wrap-up) of the calls handled today.
    public var averageHandleTime: Duration? {
        handled == 0 ? nil : .milliseconds(handleMilliseconds / Int64(handled))
    }

    /// Share of the calls answered or abandoned that were abandoned.
    public var abandonRate: Double? {
        answered + abandoned == 0 ? nil : Double(abandoned) / Double(answered + abandoned)
    }
}
