import ACDCore

/// The packed form of a call in progress (see `PackedValue`), in which snapshots hold the
/// keeper's calls: a layout number, then every field in declaration order. A field added to
/// `CallInProgress` is added here too, under a new layout number, and reads as its default from
/// the layouts before it. Layout 2 added `dial`.
extension CallInProgress: PackedValue {
    private static let layout: UInt8 = 2

    func pack(into writer: inout PackedWriter) {
        writer.writeByte(Self.layout)
        key.pack(into: &writer)
        enteredSystem.pack(into: &writer)
        queue.pack(into: &writer)
        currentQueue.pack(into: &writer)
        priority.pack(into: &writer)
        segment.pack(into: &writer)
        serviceLevelThreshold.pack(into: &writer)
        segmentTarget.pack(into: &writer)
        escalated.pack(into: &writer)
        breached.pack(into: &writer)
        answered.pack(into: &writer)
        answeredBy.pack(into: &writer)
        finished.pack(into: &writer)
        outcome.pack(into: &writer)
        hungUpBy.pack(into: &writer)
        history.pack(into: &writer)
        offers.pack(into: &writer)
        connection.pack(into: &writer)
        talks.pack(into: &writer)
        survey.pack(into: &writer)
        dial.pack(into: &writer)
    }

    init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        let layout = try reader.readByte()
        guard (1...Self.layout).contains(layout) else { throw reader.corrupted("call record layout \(layout) unknown") }
        key = try CallKey(unpacking: &reader)
        enteredSystem = try Instant(unpacking: &reader)
        queue = try QueueID(unpacking: &reader)
        currentQueue = try QueueID(unpacking: &reader)
        priority = try Int(unpacking: &reader)
        segment = try String?(unpacking: &reader)
        serviceLevelThreshold = try Duration(unpacking: &reader)
        segmentTarget = try Duration?(unpacking: &reader)
        escalated = try Instant?(unpacking: &reader)
        breached = try Instant?(unpacking: &reader)
        answered = try Instant?(unpacking: &reader)
        answeredBy = try AgentID?(unpacking: &reader)
        finished = try Instant?(unpacking: &reader)
        outcome = try CallOutcome?(unpacking: &reader)
        hungUpBy = try Party?(unpacking: &reader)
        history = try [QueueEvent](unpacking: &reader)
        offers = try [OfferDraft](unpacking: &reader)
        connection = try Connection?(unpacking: &reader)
        talks = try [TalkDraft](unpacking: &reader)
        survey = try SurveyScore?(unpacking: &reader)
        dial = layout >= 2 ? try DialDraft?(unpacking: &reader) : nil
    }
}

extension DialDraft: PackedValue {
    func pack(into writer: inout PackedWriter) {
        kind.pack(into: &writer)
        since.pack(into: &writer)
        attempts.pack(into: &writer)
    }

    init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        self.init(kind: try DialKind(unpacking: &reader), since: try Instant(unpacking: &reader))
        attempts = try [AttemptDraft](unpacking: &reader)
    }
}

extension DialDraft.AttemptDraft: PackedValue {
    func pack(into writer: inout PackedWriter) {
        agent.pack(into: &writer)
        queue.pack(into: &writer)
        started.pack(into: &writer)
        ended.pack(into: &writer)
        result.pack(into: &writer)
        retryAt.pack(into: &writer)
    }

    init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        self.init(
            agent: try AgentID(unpacking: &reader), queue: try QueueID(unpacking: &reader), started: try Instant(unpacking: &reader),
            ended: try Instant?(unpacking: &reader), result: try DialAttemptResult?(unpacking: &reader), retryAt: try Instant?(unpacking: &reader)
        )
    }
}

extension CallInProgress.OfferDraft: PackedValue {
    func pack(into writer: inout PackedWriter) {
        agent.pack(into: &writer)
        queue.pack(into: &writer)
        offered.pack(into: &writer)
        ended.pack(into: &writer)
        result.pack(into: &writer)
    }

    init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        self.init(
            agent: try AgentID(unpacking: &reader), queue: try QueueID(unpacking: &reader), offered: try Instant(unpacking: &reader),
            ended: try Instant?(unpacking: &reader), result: try OfferResult?(unpacking: &reader)
        )
    }
}

extension CallInProgress.Connection: PackedValue {
    func pack(into writer: inout PackedWriter) {
        agent.pack(into: &writer)
        queue.pack(into: &writer)
        answered.pack(into: &writer)
    }

    init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        self.init(agent: try AgentID(unpacking: &reader), queue: try QueueID(unpacking: &reader), answered: try Instant(unpacking: &reader))
    }
}

extension CallInProgress.TalkDraft: PackedValue {
    func pack(into writer: inout PackedWriter) {
        agent.pack(into: &writer)
        queue.pack(into: &writer)
        answered.pack(into: &writer)
        ended.pack(into: &writer)
        ending.pack(into: &writer)
        wrapUp.pack(into: &writer)
        classification.pack(into: &writer)
    }

    init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        self.init(
            agent: try AgentID(unpacking: &reader), queue: try QueueID(unpacking: &reader), answered: try Instant(unpacking: &reader),
            ended: try Instant(unpacking: &reader), ending: try TalkEnding(unpacking: &reader), wrapUp: try Duration?(unpacking: &reader),
            classification: try CallClassification?(unpacking: &reader)
        )
    }
}
