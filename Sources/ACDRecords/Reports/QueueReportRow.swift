public import ACDCore

/// One queue's figures for one interval, over the calls that arrived in the queue then.
public struct QueueReportRow: Equatable, Sendable {
    public var bucket: ReportBucket
    public var queue: QueueID
    /// Inbound calls that arrived, those that became callbacks included (outbound calls are not
    /// offered: they are counted apart).
    public var offered: Int
    /// Inbound calls an agent took (at least once); a callback that was reached is not one.
    public var answered: Int
    /// Of those, taken within the call's service-level threshold (wait <= threshold).
    public var answeredInTime: Int
    /// Calls whose caller hung up before any agent took them.
    public var abandoned: Int
    /// Of those, abandoned within the short-abandon threshold (wait <= threshold).
    public var shortAbandoned: Int
    /// Inbound calls that left unanswered otherwise: timed out, no agents, queue full, diverted,
    /// queue removed (not callbacks: `offered = answered + abandoned + otherUnanswered + callbacks`).
    public var otherUnanswered: Int
    /// Sum of the answered (inbound) calls' waits.
    public var answeredWait: Duration
    /// Sum of the answered (inbound) calls' talk and wrap-up times.
    public var handleTime: Duration
    /// The longest wait on the line of any inbound call: until answered, or until it left (a
    /// callback: until the caller asked to be called back).
    public var longestWait: Duration
    /// Calls that left because the queue was closed (business hours): refused, sent to voicemail,
    /// or sent away at closing. Part of `otherUnanswered`.
    public var closed: Int
    /// Calls the closed queue sent to another queue (on arrival or at closing); they count here
    /// whatever happened to them there.
    public var redirected: Int
    /// Calls that became callbacks (their callers left the line, or arrived while the queue was
    /// closed and took a callback), and of those, the ones an agent reached.
    public var callbacks: Int
    public var callbacksReached: Int
    /// Outbound calls pushed to the queue, and of those, the ones an agent reached.
    public var outbound: Int
    public var outboundReached: Int
    /// Dial attempts made on those callbacks and outbound calls (reached or not).
    public var dialAttempts: Int
    /// Callbacks and outbound calls that ended without reaching the customer (attempts used up,
    /// or the number failed).
    public var unreached: Int

    public init(
        bucket: ReportBucket, queue: QueueID, offered: Int, answered: Int, answeredInTime: Int, abandoned: Int, shortAbandoned: Int,
        otherUnanswered: Int, answeredWait: Duration, handleTime: Duration, longestWait: Duration, closed: Int = 0, redirected: Int = 0,
        callbacks: Int = 0, callbacksReached: Int = 0, outbound: Int = 0, outboundReached: Int = 0, dialAttempts: Int = 0, unreached: Int = 0
    ) {
        self.bucket = bucket
        self.queue = queue
        self.offered = offered
        self.answered = answered
        self.answeredInTime = answeredInTime
        self.abandoned = abandoned
        self.shortAbandoned = shortAbandoned
        self.otherUnanswered = otherUnanswered
        self.answeredWait = answeredWait
        self.handleTime = handleTime
        self.longestWait = longestWait
        self.closed = closed
        self.redirected = redirected
        self.callbacks = callbacks
        self.callbacksReached = callbacksReached
        self.outbound = outbound
        self.outboundReached = outboundReached
        self.dialAttempts = dialAttempts
        self.unreached = unreached
    }

    /// answeredInTime / (answered + abandoned - shortAbandoned); nil when that is 0.
    public var serviceLevel: Double? {
        let base = answered + abandoned - shortAbandoned
        return base == 0 ? nil : Double(answeredInTime) / Double(base)
    }

    /// Average speed of answer: answeredWait / answered.
    public var averageSpeedOfAnswer: Duration? {
        answered == 0 ? nil : .milliseconds(answeredWait.milliseconds / Int64(answered))
    }

    /// Average handle time: handleTime / answered.
    public var averageHandleTime: Duration? {
        answered == 0 ? nil : .milliseconds(handleTime.milliseconds / Int64(answered))
    }
}
