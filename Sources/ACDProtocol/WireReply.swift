/// A reply line: `{"id":..,"ok":true,"type":..,...}` or `{"id":..,"ok":false,"error":{...}}`.
/// Exactly one per request; fields other than `id`, `ok`, `type` and `error` depend on the request.
/// Its JSON is written and read by hand (JSON/WireReply+JSON.swift, and one file per view): a new
/// field goes there too, in `encodeJSON` (keys sorted) and `JSONField`.
public struct WireReply: Codable, Sendable, Equatable {
    public var id: RequestID?
    public var ok: Bool
    /// The request type answered; `welcome` for a hello.
    public var type: String?
    public var error: ProtocolError?
    // welcome
    public var server: String?
    public var session: String?
    public var `protocol`: Int?
    // call.enqueue, call.transfer
    public var call: String?
    public var queue: String?
    public var priority: Int?
    public var position: Int?
    public var ewtMs: Int64?
    // agent.status, status, calls
    public var agent: AgentView?
    public var agents: [AgentView]?
    public var queues: [QueueView]?
    public var calls: [CallView]?
    // explain
    public var explanation: [String]?
    // subscribe
    public var topics: [String]?
    // agent.not_ready, agent.force_state: why the break has not started (on_call, calls_waiting,
    // team_limit); absent when it started.
    public var pending: String?
    // call.enqueue (a closed queue's callback), call.callback, call.outbound: the call waits to be
    // dialed (callback or outbound), out of line until `due_ms` when present.
    public var kind: String?
    public var dueMs: Int64?

    public init(id: RequestID?, type: String?) {
        self.id = id
        ok = true
        self.type = type
    }

    public init(id: RequestID?, error: ProtocolError) {
        self.id = id
        ok = false
        self.error = error
    }
}

/// An agent as the server reports it.
public struct AgentView: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    /// logged_out, ready, offered, busy, wrap_up, not_ready.
    public var state: String
    public var reason: String?
    public var call: String?
    public var sinceMs: Int64
    public var untilMs: Int64?
    public var restingUntilMs: Int64?
    public var pendingReason: String?
    public var callsAnswered: Int
    public var talkTimeMs: Int64
    public var missedOffers: Int
    public var queues: [String]
    /// Why `pendingReason` has not started: on_call, calls_waiting, team_limit.
    public var pending: String?
    /// The agent's team (break limits).
    public var team: String?
    /// Today's use of each configured break reason; absent when the center configures none.
    public var breaks: [BreakView]?
    /// Calls the agent should answer per day (`calls_answered` is today's progress).
    public var dailyTarget: Int?

    public init(id: String, name: String, state: String, reason: String? = nil, call: String? = nil, sinceMs: Int64,
                untilMs: Int64? = nil, restingUntilMs: Int64? = nil, pendingReason: String? = nil, callsAnswered: Int,
                talkTimeMs: Int64, missedOffers: Int, queues: [String], pending: String? = nil, team: String? = nil,
                breaks: [BreakView]? = nil, dailyTarget: Int? = nil) {
        self.id = id
        self.name = name
        self.state = state
        self.reason = reason
        self.call = call
        self.sinceMs = sinceMs
        self.untilMs = untilMs
        self.restingUntilMs = restingUntilMs
        self.pendingReason = pendingReason
        self.callsAnswered = callsAnswered
        self.talkTimeMs = talkTimeMs
        self.missedOffers = missedOffers
        self.queues = queues
        self.pending = pending
        self.team = team
        self.breaks = breaks
        self.dailyTarget = dailyTarget
    }
}

/// An agent's use today of one break reason, and what is left of its quota.
public struct BreakView: Codable, Sendable, Equatable {
    public var reason: String
    /// Breaks of this reason started today.
    public var count: Int
    /// Time spent on it today, the break going on included.
    public var usedMs: Int64
    /// Breaks it may still start today; absent without a count quota.
    public var countLeft: Int?
    /// Time left of its daily quota; absent without a time quota.
    public var timeLeftMs: Int64?

    public init(reason: String, count: Int, usedMs: Int64, countLeft: Int? = nil, timeLeftMs: Int64? = nil) {
        self.reason = reason
        self.count = count
        self.usedMs = usedMs
        self.countLeft = countLeft
        self.timeLeftMs = timeLeftMs
    }
}

/// A queue's live figures.
public struct QueueView: Codable, Sendable, Equatable {
    public var id: String
    public var waiting: Int
    public var oldestEnteredMs: Int64?
    public var loggedIn: Int
    public var ready: Int
    public var notReady: Int
    public var averageHandleMs: Int64
    /// The wait a call arriving now would be told; absent with no staffed agent.
    public var ewtMs: Int64?
    /// Today's figures (`stats` replies only).
    public var stats: QueueStats?
    /// Whether the queue is open now; absent for a queue without business hours (always open).
    public var open: Bool?
    /// When `open` next changes; absent when not in sight.
    public var untilMs: Int64?
    /// Outbound calls waiting in line (not in `waiting`); absent when none.
    public var outboundWaiting: Int?
    /// Callbacks kept out of line until the queue opens; absent when none.
    public var parkedCallbacks: Int?

    public init(id: String, waiting: Int, oldestEnteredMs: Int64?, loggedIn: Int, ready: Int, notReady: Int,
                averageHandleMs: Int64, ewtMs: Int64?) {
        self.id = id
        self.waiting = waiting
        self.oldestEnteredMs = oldestEnteredMs
        self.loggedIn = loggedIn
        self.ready = ready
        self.notReady = notReady
        self.averageHandleMs = averageHandleMs
        self.ewtMs = ewtMs
    }
}

/// A queue's figures for the day.
public struct QueueStats: Codable, Sendable, Equatable {
    public var offered: Int
    public var answered: Int
    public var answeredInTime: Int
    public var abandoned: Int
    /// Answered within the threshold, of the calls answered or abandoned (0-1).
    public var serviceLevel: Double?
    public var asaMs: Int64?
    public var ahtMs: Int64?
    public var abandonRate: Double?
    /// Per customer segment whose calls entered the queue today; absent when none did.
    public var segments: [SegmentStats]?
    /// Callbacks asked for (or taken while closed) and reached; outbound calls pushed and
    /// reached; dial attempts that reached no one.
    public var callbacks: Int?
    public var callbacksReached: Int?
    public var outbound: Int?
    public var outboundReached: Int?
    public var dialFailures: Int?

    public init(offered: Int, answered: Int, answeredInTime: Int, abandoned: Int, serviceLevel: Double?, asaMs: Int64?,
                ahtMs: Int64?, abandonRate: Double?, segments: [SegmentStats]? = nil) {
        self.offered = offered
        self.answered = answered
        self.answeredInTime = answeredInTime
        self.abandoned = abandoned
        self.serviceLevel = serviceLevel
        self.asaMs = asaMs
        self.ahtMs = ahtMs
        self.abandonRate = abandonRate
        self.segments = segments
    }
}

/// A live call.
public struct CallView: Codable, Sendable, Equatable {
    public var id: String
    /// waiting, offered, connected, dialing, scheduled.
    public var state: String
    public var queue: String
    public var queues: [String]
    public var priority: Int
    public var segment: String?
    public var enteredMs: Int64
    /// The agents it rings for, or the one it is connected to.
    public var agents: [String]
    public var position: Int?
    public var ewtMs: Int64?
    /// While connected: the agent asked to take it over (a consult transfer in progress).
    public var consultAgent: String?
    /// A callback or outbound call not reached yet: its kind, number, failed attempts, and
    /// while scheduled, when it goes back in line.
    public var kind: String?
    public var number: String?
    public var attempts: Int?
    public var dueMs: Int64?

    public init(id: String, state: String, queue: String, queues: [String], priority: Int, segment: String?,
                enteredMs: Int64, agents: [String], position: Int?, ewtMs: Int64?, consultAgent: String? = nil) {
        self.id = id
        self.state = state
        self.queue = queue
        self.queues = queues
        self.priority = priority
        self.segment = segment
        self.enteredMs = enteredMs
        self.agents = agents
        self.position = position
        self.ewtMs = ewtMs
        self.consultAgent = consultAgent
    }
}
