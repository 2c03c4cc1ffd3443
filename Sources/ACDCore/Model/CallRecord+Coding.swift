/// The packed form of a call (see `PackedValue`), in which snapshots hold the call table: a
/// layout number, then every field in declaration order. A field added to `CallRecord` is added
/// here too, under a new layout number, and reads as its default from the layouts before it.
/// Layout 2 added `dial`.
extension CallRecord: PackedValue {
    private static let layout: UInt8 = 2

    func pack(into writer: inout PackedWriter) {
        writer.writeByte(Self.layout)
        id.pack(into: &writer)
        sequence.pack(into: &writer)
        priority.pack(into: &writer)
        segment.pack(into: &writer)
        attributes.pack(into: &writer)
        enteredSystem.pack(into: &writer)
        placements.pack(into: &writer)
        phase.pack(into: &writer)
        nextOverflowStep.pack(into: &writer)
        overflowDeadline.pack(into: &writer)
        overflowDue.pack(into: &writer)
        noAgentDeadline.pack(into: &writer)
        durationDeadline.pack(into: &writer)
        decision.pack(into: &writer)
        offeringQueue.pack(into: &writer)
        serviceLevel.pack(into: &writer)
        consult.pack(into: &writer)
        isLive.pack(into: &writer)
        dial.pack(into: &writer)
    }

    init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        let layout = try reader.readByte()
        guard (1...Self.layout).contains(layout) else { throw reader.corrupted("call layout \(layout) unknown") }
        self.init(
            id: try CallID(unpacking: &reader),
            sequence: try UInt64(unpacking: &reader),
            priority: try Int(unpacking: &reader),
            segment: try String?(unpacking: &reader),
            attributes: try [String: String](unpacking: &reader),
            enteredSystem: try Instant(unpacking: &reader),
            placements: try [Placement](unpacking: &reader),
            phase: try Phase(unpacking: &reader),
            nextOverflowStep: try Int(unpacking: &reader),
            overflowDeadline: try DeadlineID?(unpacking: &reader),
            overflowDue: try Bool(unpacking: &reader),
            noAgentDeadline: try DeadlineID?(unpacking: &reader),
            durationDeadline: try DeadlineID?(unpacking: &reader),
            decision: try RoutingDecision?(unpacking: &reader),
            offeringQueue: try Int32(unpacking: &reader),
            serviceLevel: try ServiceLevelClock?(unpacking: &reader),
            consult: try Consult?(unpacking: &reader),
            isLive: try Bool(unpacking: &reader)
        )
        if layout >= 2 {
            dial = try DialTask?(unpacking: &reader)
        }
    }
}

extension DialKind: PackedValue {}

extension DialTask: PackedValue {
    func pack(into writer: inout PackedWriter) {
        target.kind.pack(into: &writer)
        target.number.pack(into: &writer)
        failedAttempts.pack(into: &writer)
        due.pack(into: &writer)
    }

    init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        self.init(target: DialTarget(kind: try DialKind(unpacking: &reader), number: try String(unpacking: &reader)))
        failedAttempts = try Int(unpacking: &reader)
        due = try Instant?(unpacking: &reader)
    }
}

extension CallRecord.Placement: PackedValue {
    func pack(into writer: inout PackedWriter) {
        queue.pack(into: &writer)
        enteredQueue.pack(into: &writer)
        openTier.pack(into: &writer)
        tierDeadline.pack(into: &writer)
    }

    init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        self.init(
            queue: try Int32(unpacking: &reader), enteredQueue: try Instant(unpacking: &reader),
            openTier: try Int(unpacking: &reader), tierDeadline: try DeadlineID?(unpacking: &reader)
        )
    }
}

extension CallRecord.Ringing: PackedValue {
    func pack(into writer: inout PackedWriter) {
        agent.pack(into: &writer)
        expiry.pack(into: &writer)
    }

    init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        self.init(agent: try Int32(unpacking: &reader), expiry: try DeadlineID(unpacking: &reader))
    }
}

/// A byte naming the case, then its values.
extension CallRecord.Phase: PackedValue {
    func pack(into writer: inout PackedWriter) {
        switch self {
        case .waiting:
            writer.writeByte(0)
        case .offered(let ringing):
            writer.writeByte(1)
            ringing.pack(into: &writer)
        case .connected(let agent, let since):
            writer.writeByte(2)
            agent.pack(into: &writer)
            since.pack(into: &writer)
        case .dialing(let agent):
            writer.writeByte(3)
            agent.pack(into: &writer)
        case .scheduled(let deadline):
            writer.writeByte(4)
            deadline.pack(into: &writer)
        }
    }

    init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        switch try reader.readByte() {
        case 0: self = .waiting
        case 1: self = .offered(try [CallRecord.Ringing](unpacking: &reader))
        case 2: self = .connected(agent: try Int32(unpacking: &reader), since: try Instant(unpacking: &reader))
        case 3: self = .dialing(agent: try Int32(unpacking: &reader))
        case 4: self = .scheduled(try DeadlineID?(unpacking: &reader))
        case let byte: throw reader.corrupted("call phase \(byte) unknown")
        }
    }
}
