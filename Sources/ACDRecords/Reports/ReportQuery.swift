public import ACDCore

/// What a report covers: its intervals, an optional queue or agent, the short-abandon threshold,
/// and the instant an agent's current state counts until.
public struct ReportQuery: Sendable {
    public var buckets: [ReportBucket]
    /// Only this queue's calls (queue reports).
    public var queue: QueueID?
    /// Only this agent (agent reports).
    public var agent: AgentID?
    /// Calls abandoned within this wait are short abandons, left out of the service level.
    public var shortAbandon: Duration
    /// Open intervals (the agents' current states) count until this instant.
    public var now: Instant

    public static let defaultShortAbandon = Duration.seconds(5)

    public init(buckets: [ReportBucket], queue: QueueID? = nil, agent: AgentID? = nil, shortAbandon: Duration = defaultShortAbandon, now: Instant) {
        self.buckets = buckets
        self.queue = queue
        self.agent = agent
        self.shortAbandon = shortAbandon
        self.now = now
    }

    /// The intervals as the JSON array of `[start, end]` pairs the queries read with `json_each`.
    var bucketsJSON: String {
        "[" + buckets.map { "[\($0.start.millisecondsSinceEpoch),\($0.end.millisecondsSinceEpoch)]" }.joined(separator: ",") + "]"
    }
}
