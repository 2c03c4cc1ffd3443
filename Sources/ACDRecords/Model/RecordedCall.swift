public import ACDCore

/// The final record of one call: where it went, who was offered it and who talked, how it left.
/// Written once everything about it is known: when it left acdd and its agents' wrap-up ended.
public struct RecordedCall: Equatable, Sendable, Codable {
    public var key: CallKey
    /// When the call entered the system (the IVR, if the adapter said so): waits count from here.
    public var enteredSystem: Instant
    /// The queue it arrived in: the queue reports count it in.
    public var queue: QueueID
    /// The queue it was in when it left (differs after a transfer, a move or an overflow).
    public var finalQueue: QueueID
    /// Its priority when it left.
    public var priority: Int
    public var segment: String?
    /// The arrival queue's service-level threshold when the call arrived.
    public var serviceLevelThreshold: Duration
    /// When an agent first took it (for a callback or an outbound call: when the customer answered
    /// the agent's dialing); nil if no one did.
    public var answered: Instant?
    /// The agent who first took it.
    public var answeredBy: AgentID?
    /// When it left acdd.
    public var finished: Instant
    public var outcome: CallOutcome
    /// Who hung up the last conversation, as the adapter reported it.
    public var hungUpBy: Party?
    /// Its queue history, arrival first.
    public var history: [QueueEvent]
    /// Every offer, in the order they were made.
    public var offers: [OfferRecord]
    /// Every conversation, in order: more than one after a transfer.
    public var talks: [TalkSegment]
    /// The satisfaction survey's score, if one arrived before the record was written (a later one
    /// is written onto the stored record: `SurveyUpdate`).
    public var survey: SurveyScore?
    /// The service-level target of its segment when it arrived; nil for a call of no configured
    /// segment.
    public var segmentTarget: Duration?
    /// When it was escalated before its segment's target; nil if it was not.
    public var escalated: Instant?
    /// When it passed its segment's target unanswered; nil if it did not.
    public var breached: Instant?
    /// Inbound, or a call the center dialed: a callback or an outbound call.
    public var kind: Kind
    /// For a callback: when the caller asked for it (left the line), or arrived to a closed queue
    /// that takes callbacks; nil for other calls.
    public var callbackRequested: Instant?
    /// For a callback or an outbound call: every attempt to reach the customer, in order (attempt
    /// 1, 2...).
    public var dialAttempts: [DialAttempt]

    public init(
        key: CallKey, enteredSystem: Instant, queue: QueueID, finalQueue: QueueID, priority: Int, segment: String?,
        serviceLevelThreshold: Duration, answered: Instant?, answeredBy: AgentID?, finished: Instant, outcome: CallOutcome,
        hungUpBy: Party?, history: [QueueEvent], offers: [OfferRecord], talks: [TalkSegment], survey: SurveyScore? = nil,
        segmentTarget: Duration? = nil, escalated: Instant? = nil, breached: Instant? = nil, kind: Kind = .inbound,
        callbackRequested: Instant? = nil, dialAttempts: [DialAttempt] = []
    ) {
        self.key = key
        self.enteredSystem = enteredSystem
        self.queue = queue
        self.finalQueue = finalQueue
        self.priority = priority
        self.segment = segment
        self.serviceLevelThreshold = serviceLevelThreshold
        self.answered = answered
        self.answeredBy = answeredBy
        self.finished = finished
        self.outcome = outcome
        self.hungUpBy = hungUpBy
        self.history = history
        self.offers = offers
        self.talks = talks
        self.survey = survey
        self.segmentTarget = segmentTarget
        self.escalated = escalated
        self.breached = breached
        self.kind = kind
        self.callbackRequested = callbackRequested
        self.dialAttempts = dialAttempts
    }

    /// How long the caller waited: until first answered, or until it left unanswered.
    public var wait: Duration { (answered ?? finished) - enteredSystem }

    /// Time in conversation, over every agent who talked.
    public var talkTime: Duration { talks.reduce(.zero) { $0 + ($1.ended - $1.answered) } }

    /// The wrap-up that followed each conversation, summed.
    public var wrapUpTime: Duration { talks.reduce(.zero) { $0 + $1.wrapUp } }
}
