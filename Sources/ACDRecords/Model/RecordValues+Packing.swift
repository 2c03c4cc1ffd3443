public import ACDCore

/// The packed forms (see `PackedValue`) of the record values a call in progress holds: their
/// fields in declaration order.

extension QueueEventKind: PackedValue {}
extension OfferResult: PackedValue {}
extension TalkEnding: PackedValue {}
extension DialAttemptResult: PackedValue {}

extension CallKey: PackedValue {
    @usableFromInline package func pack(into writer: inout PackedWriter) {
        call.pack(into: &writer)
        arrived.pack(into: &writer)
        ordinal.pack(into: &writer)
    }

    @usableFromInline package init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        self.init(call: try CallID(unpacking: &reader), arrived: try Instant(unpacking: &reader), ordinal: try Int(unpacking: &reader))
    }
}

extension QueueEvent: PackedValue {
    @usableFromInline package func pack(into writer: inout PackedWriter) {
        at.pack(into: &writer)
        kind.pack(into: &writer)
        queue.pack(into: &writer)
        from.pack(into: &writer)
        agent.pack(into: &writer)
        toAgent.pack(into: &writer)
        requested.pack(into: &writer)
    }

    @usableFromInline package init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        self.init(
            at: try Instant(unpacking: &reader), kind: try QueueEventKind(unpacking: &reader), queue: try QueueID(unpacking: &reader),
            from: try QueueID?(unpacking: &reader), agent: try AgentID?(unpacking: &reader), toAgent: try AgentID?(unpacking: &reader),
            requested: try Instant?(unpacking: &reader)
        )
    }
}

extension SurveyScore: PackedValue {
    @usableFromInline package func pack(into writer: inout PackedWriter) {
        score.pack(into: &writer)
        agent.pack(into: &writer)
        queue.pack(into: &writer)
        at.pack(into: &writer)
    }

    @usableFromInline package init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        self.init(
            score: try Int(unpacking: &reader), agent: try AgentID(unpacking: &reader), queue: try QueueID(unpacking: &reader),
            at: try Instant(unpacking: &reader)
        )
    }
}

extension AgentActivity: PackedValue {}

extension AgentInterval: PackedValue {
    @usableFromInline package func pack(into writer: inout PackedWriter) {
        agent.pack(into: &writer)
        start.pack(into: &writer)
        end.pack(into: &writer)
        activity.pack(into: &writer)
        reason.pack(into: &writer)
        call.pack(into: &writer)
    }

    @usableFromInline package init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        self.init(
            agent: try AgentID(unpacking: &reader), start: try Instant(unpacking: &reader), end: try Instant?(unpacking: &reader),
            activity: try AgentActivity(unpacking: &reader), reason: try NotReadyReason?(unpacking: &reader),
            call: try CallID?(unpacking: &reader)
        )
    }
}
