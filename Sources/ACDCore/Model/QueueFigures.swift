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
    /// Callers who left the line to be called back (or were taken as callbacks while closed), and
    /// of those, the ones an agent reached.
    public var callbacks = 0
    public var callbacksReached = 0
    /// Outbound calls pushed to the queue, and the ones an agent reached.
    public var outbound = 0
    public var outboundReached = 0
    /// Dial attempts (callbacks and outbound) that did not reach the customer.
    public var dialFailures = 0

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

extension QueueFigures {
    /// Figures written before callbacks and outbound calls count none of them.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        offered = try container.decode(Int.self, forKey: .offered)
        answered = try container.decode(Int.self, forKey: .answered)
        answeredInTime = try container.decode(Int.self, forKey: .answeredInTime)
        abandoned = try container.decode(Int.self, forKey: .abandoned)
        answeredWaitMilliseconds = try container.decode(Int64.self, forKey: .answeredWaitMilliseconds)
        handled = try container.decode(Int.self, forKey: .handled)
        handleMilliseconds = try container.decode(Int64.self, forKey: .handleMilliseconds)
        callbacks = try container.decodeIfPresent(Int.self, forKey: .callbacks) ?? 0
        callbacksReached = try container.decodeIfPresent(Int.self, forKey: .callbacksReached) ?? 0
        outbound = try container.decodeIfPresent(Int.self, forKey: .outbound) ?? 0
        outboundReached = try container.decodeIfPresent(Int.self, forKey: .outboundReached) ?? 0
        dialFailures = try container.decodeIfPresent(Int.self, forKey: .dialFailures) ?? 0
    }
}
