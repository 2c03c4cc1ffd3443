public import ACDCore

/// The packed form of the keeper (see `PackedValue`), in which snapshots hold it: a layout number,
/// then every field in declaration order. A field added to `RecordKeeper` is added here too, under
/// a new layout number, and reads as its default from the layouts before it.
extension RecordKeeper: PackedBlock {
    private static let layout: UInt8 = 1

    @usableFromInline package func pack(into writer: inout PackedWriter) {
        writer.writeByte(Self.layout)
        serviceLevelThresholds.pack(into: &writer)
        segmentTargets.pack(into: &writer)
        calls.pack(into: &writer)
        live.pack(into: &writer)
        agents.pack(into: &writer)
        latestArrival.pack(into: &writer)
        arrivalsAtLatest.pack(into: &writer)
    }

    @usableFromInline package init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        let layout = try reader.readByte()
        guard layout == Self.layout else { throw reader.corrupted("record keeper layout \(layout) unknown") }
        self.init(serviceLevelThresholds: try [QueueID: Duration](unpacking: &reader))
        segmentTargets = try [String: Duration]?(unpacking: &reader)
        calls = try [CallKey: CallInProgress](unpacking: &reader)
        live = try [CallID: CallKey](unpacking: &reader)
        agents = try [AgentID: AgentTrack](unpacking: &reader)
        latestArrival = try Instant?(unpacking: &reader)
        arrivalsAtLatest = try [CallID: Int](unpacking: &reader)
    }
}

extension AgentTrack: PackedValue {
    func pack(into writer: inout PackedWriter) {
        current.pack(into: &writer)
        endedTalk.pack(into: &writer)
        wrappingUp.pack(into: &writer)
    }

    init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        self.init(
            current: try AgentInterval?(unpacking: &reader), endedTalk: try TalkReference?(unpacking: &reader),
            wrappingUp: try TalkReference?(unpacking: &reader)
        )
    }
}

extension TalkReference: PackedValue {
    func pack(into writer: inout PackedWriter) {
        call.pack(into: &writer)
        index.pack(into: &writer)
    }

    init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        self.init(call: try CallKey(unpacking: &reader), index: try Int(unpacking: &reader))
    }
}
