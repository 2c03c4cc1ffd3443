/// An event the server pushes: `{"event":"offer","seq":12,...}`. `seq` increases by one per
/// connection, so a client sees a gap if it ever misses one. Fields besides `event` and `seq`
/// depend on the event (docs/protocol.md lists them). Its JSON is written and read by hand
/// (JSON/WireEvent+JSON.swift): a new field goes there too, in `encodeJSON` (keys sorted) and
/// `JSONField`.
public struct WireEvent: Codable, Sendable, Equatable {
    public var event: EventName
    public var seq: UInt64
    public var call: String?
    public var agent: String?
    public var queue: String?
    public var from: String?
    public var to: String?
    public var queues: [String]?
    public var reason: String?
    public var outcome: String?
    public var destination: String?
    public var state: String?
    public var contact: String?
    public var position: Int?
    public var tier: Int?
    public var priority: Int?
    public var segment: String?
    public var attributes: [String: String]?
    public var ewtMs: Int64?
    public var waitedMs: Int64?
    public var expiresMs: Int64?
    public var untilMs: Int64?
    public var sinceMs: Int64?
    public var hard: Bool?
    public var consecutive: Int?
    /// A daily-target notice: the target reached.
    public var target: Int?
    public var message: String?
    public var rule: String?
    /// Break notices: the not-ready reason concerned.
    public var breakReason: String?
    /// Break notices: why the break is pending (on_call, calls_waiting, team_limit).
    public var pending: String?
    /// Break notices: the error code that dropped a pending break.
    public var code: String?
    /// Callbacks and outbound calls: callback or outbound.
    public var kind: String?
    /// Callbacks and outbound calls: the number to dial.
    public var number: String?
    /// Callbacks and outbound calls: the dial attempt (1, 2, ...).
    public var attempt: Int?
    /// Callbacks and outbound calls: kept out of line until then.
    public var dueMs: Int64?
    /// call.dial_failed: no_answer, retry or failed.
    public var result: String?
    /// wrapup.started: the catalogue of the queue the call was taken for: whether a classification
    /// is required, its call types, motives, and sub-motives as `motive/sub-motive`.
    public var classificationRequired: Bool?
    public var callTypes: [String]?
    public var motives: [String]?
    public var subMotives: [String]?

    public init(_ event: EventName, seq: UInt64 = 0) {
        self.event = event
        self.seq = seq
    }
}

/// The events, by name.
public enum EventName: String, Codable, Sendable, CaseIterable {
    // To the adapter that owns the call (and to supervisors subscribed to calls)
    /// Connect the call to this agent (its `contact`): ring it.
    case callOffer = "call.offer"
    /// Stop ringing this agent for the call.
    case callWithdraw = "call.withdraw"
    case callConnected = "call.connected"
    case callQueued = "call.queued"
    case callTierOpened = "call.tier_opened"
    case callOverflow = "call.overflow"
    case callWidened = "call.widened"
    case callTransferred = "call.transferred"
    /// An agent consented to a consult transfer: connect the call to this agent (its `contact`).
    case callHandover = "call.handover"
    /// The call was escalated and waits again.
    case callEscalated = "call.escalated"
    /// A supervisor moved the call to another queue.
    case callMoved = "call.moved"
    /// The call's queue is closed and sends its calls to another queue: it waits there.
    case callRedirected = "call.redirected"
    /// A supervisor changed the call's priority.
    case callReprioritized = "call.reprioritized"
    /// The call left the queue without an agent: timeout, no_agents, full, diverted.
    case callLeave = "call.leave"
    case callEnded = "call.ended"
    case callPosition = "call.position"
    case callMaxDuration = "call.max_duration"
    /// A callback or outbound call waits to be dialed: in line, or out of it until `due_ms` (or,
    /// a callback without `due_ms`, until its queue opens).
    case callDialQueued = "call.dial_queued"
    /// An agent accepted a callback or outbound call: dial `number` and connect it to the agent
    /// (its `contact`), then report with call.dial_result. Also to the agent.
    case callDial = "call.dial"
    /// A dial attempt did not reach the customer (to the agent and supervisors).
    case callDialFailed = "call.dial_failed"
    // To supervisors subscribed to queues
    /// A queue with business hours opened (until `until_ms`, its next closing).
    case queueOpened = "queue.opened"
    /// A queue with business hours closed (until `until_ms`, its next opening).
    case queueClosed = "queue.closed"
    /// For supervisors: a call of a segment is about to pass its service-level target; it was
    /// raised in priority and every tier of its queues opened to it (`reason` `sla`).
    case callServiceLevelEscalated = "call.sla_escalated"
    /// For supervisors: a call of a segment passed its service-level target unanswered.
    case callServiceLevelBreached = "call.sla_breached"
    // To the agent
    case offer
    case offerWithdrawn = "offer.withdrawn"
    case wrapUpStarted = "wrapup.started"
    /// Another agent asks this agent to take over its call; it answers with consult_accept or
    /// consult_decline before `expires_ms`.
    case consultOffered = "consult.offered"
    /// A consult transfer ended with no handover (declined, timed_out, unavailable, call_ended).
    case consultEnded = "consult.ended"
    case stateChanged = "state.changed"
    /// Max call time, missed offers, supervisor messages, breaks pending, started, dropped or past
    /// their quota.
    case notice
    // To everyone
    /// The server is stopping; the connection closes after this.
    case shutdown
}
