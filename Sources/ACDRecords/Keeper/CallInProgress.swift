import ACDCore

/// What the keeper knows of a call it has not written yet: live in the engine, or gone with an
/// agent's wrap-up after it still running.
struct CallInProgress: Sendable, Codable {
    /// An offer; `ended` and `result` are set when it stops ringing.
    struct OfferDraft: Sendable, Codable {
        var agent: AgentID
        var queue: QueueID
        var offered: Instant
        var ended: Instant?
        var result: OfferResult?
    }

    /// The conversation going on.
    struct Connection: Sendable, Codable {
        var agent: AgentID
        var queue: QueueID
        var answered: Instant
    }

    /// A conversation that ended; `wrapUp` is set when the agent's wrap-up after it ends.
    struct TalkDraft: Sendable, Codable {
        var agent: AgentID
        var queue: QueueID
        var answered: Instant
        var ended: Instant
        var ending: TalkEnding
        var wrapUp: Duration?
        var classification: CallClassification? = nil
    }

    var key: CallKey
    var enteredSystem: Instant
    var queue: QueueID
    var currentQueue: QueueID
    var priority: Int
    var segment: String?
    var serviceLevelThreshold: Duration
    /// The segment's service-level target, for a call of a configured segment.
    var segmentTarget: Duration?
    /// When the call was escalated before its segment's target, and when it breached it.
    var escalated: Instant?
    var breached: Instant?
    var answered: Instant?
    var answeredBy: AgentID?
    var finished: Instant?
    var outcome: CallOutcome?
    var hungUpBy: Party?
    var history: [QueueEvent]
    var offers: [OfferDraft] = []
    var connection: Connection?
    var talks: [TalkDraft] = []
    var survey: SurveyScore?
    /// For a callback or an outbound call; nil for an inbound call (and in a keeper saved before
    /// callbacks).
    var dial: DialDraft?

    init(key: CallKey, new: NewCall, threshold: Duration) {
        self.key = key
        enteredSystem = new.enteredSystem ?? key.arrived
        queue = new.queue
        currentQueue = new.queue
        priority = new.priority
        segment = new.segment
        serviceLevelThreshold = threshold
        history = [QueueEvent(at: key.arrived, kind: .entered, queue: new.queue)]
    }

    /// An outbound call's record opens when it is pushed: it enters the system then.
    init(key: CallKey, outbound: OutboundCall, threshold: Duration) {
        self.key = key
        enteredSystem = key.arrived
        queue = outbound.queue
        currentQueue = outbound.queue
        priority = outbound.priority
        serviceLevelThreshold = threshold
        history = [QueueEvent(at: key.arrived, kind: .entered, queue: outbound.queue)]
        dial = DialDraft(kind: .outbound, since: key.arrived)
    }

    /// The final record, once the call left and every wrap-up after it ended; nil before.
    var recorded: RecordedCall? {
        guard let finished, let outcome else { return nil }
        var talks: [TalkSegment] = []
        for talk in self.talks {
            guard let wrapUp = talk.wrapUp else { return nil }
            talks.append(TalkSegment(
                agent: talk.agent, queue: talk.queue, answered: talk.answered, ended: talk.ended, ending: talk.ending, wrapUp: wrapUp,
                classification: talk.classification
            ))
        }
        // The engine withdraws every offer before the call leaves, in the same step.
        let offers = offers.compactMap { offer in
            offer.ended.flatMap { ended in
                offer.result.map { OfferRecord(agent: offer.agent, queue: offer.queue, offered: offer.offered, ended: ended, result: $0) }
            }
        }
        return RecordedCall(
            key: key, enteredSystem: enteredSystem, queue: queue, finalQueue: currentQueue, priority: priority, segment: segment,
            serviceLevelThreshold: serviceLevelThreshold, answered: answered, answeredBy: answeredBy, finished: finished,
            outcome: outcome, hungUpBy: hungUpBy, history: history, offers: offers, talks: talks, survey: survey,
            segmentTarget: segmentTarget, escalated: escalated, breached: breached, kind: dial.map { RecordedCall.Kind($0.kind) } ?? .inbound,
            callbackRequested: dial.flatMap { $0.kind == .callback ? $0.since : nil }, dialAttempts: dial?.recorded ?? []
        )
    }

    /// Ends the agent's ringing offer with `result` and returns it; nil if none rang for it.
    mutating func endOffer(agent: AgentID, at instant: Instant, result: OfferResult) -> OfferDraft? {
        guard let index = offers.lastIndex(where: { $0.agent == agent && $0.result == nil }) else { return nil }
        offers[index].ended = instant
        offers[index].result = result
        return offers[index]
    }
}
