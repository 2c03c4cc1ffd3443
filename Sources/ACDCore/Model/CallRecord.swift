/// The engine's record of a live call.
struct CallRecord: Sendable, Codable {
    /// The call's presence in one queue. The first placement is the call's home queue; more come
    /// when max wait widens it.
    struct Placement: Sendable, Codable {
        var queue: Int32
        var enteredQueue: Instant
        /// Tiers 1...openTier may take the call.
        var openTier: Int
        var tierDeadline: DeadlineID?
    }

    /// An offer ringing for one agent.
    struct Ringing: Sendable, Codable {
        var agent: Int32
        var expiry: DeadlineID
    }

    enum Phase: Sendable, Codable {
        case waiting
        case offered([Ringing])
        case connected(agent: Int32, since: Instant)
        /// The agent accepted a callback or outbound call and dials it.
        case dialing(agent: Int32)
        /// A callback or outbound call out of line: until its deadline (a retry or requested
        /// time), or parked while its queue is closed (nil).
        case scheduled(DeadlineID?)
    }

    var id: CallID
    var sequence: UInt64
    var priority: Int
    var segment: String?
    var attributes: [String: String]
    var enteredSystem: Instant
    var placements: [Placement]
    var phase: Phase = .waiting
    /// The index of the home queue's next overflow step.
    var nextOverflowStep = 0
    var overflowDeadline: DeadlineID?
    /// An overflow step came due while the call rang; it applies if the call comes back.
    var overflowDue = false
    var noAgentDeadline: DeadlineID?
    var durationDeadline: DeadlineID?
    var decision: RoutingDecision?
    /// The queue whose rules (offer timeout, reject delay, max no-answer) govern the current offer.
    var offeringQueue: Int32 = -1
    /// The segment's service-level clock, until the call is first answered; nil for a call of no
    /// configured segment.
    var serviceLevel: ServiceLevelClock?
    /// A consult transfer asked for while connected.
    var consult: Consult?
    /// For a call the center dials (a callback, an outbound call): whom, and the attempts so far.
    var dial: DialTask?

    /// False for a slot of the engine's call table that holds no call.
    var isLive = true

    /// What a free slot of the call table holds.
    static let vacant = CallRecord(
        id: CallID(""), sequence: 0, priority: 0, segment: nil, attributes: [:],
        enteredSystem: Instant(millisecondsSinceEpoch: 0), placements: [], isLive: false
    )

    var home: Int32 { placements[0].queue }

    /// Outbound calls rank in a band below every inbound call (priorities -10...-1), so inbound
    /// calls are always offered first; a callback keeps the inbound place of its caller.
    var waitingKey: WaitingCallKey {
        WaitingCallKey(
            priority: Int8(dial?.target.kind == .outbound ? priority - 10 : priority),
            enteredSystem: enteredSystem.millisecondsSinceEpoch,
            sequence: sequence,
            call: -1
        )
    }
}
