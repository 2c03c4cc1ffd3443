/// The packed form of an agent (see `PackedValue`), in which snapshots hold the agents: a layout
/// number, then every field in declaration order. A field added to `AgentRecord` is added here
/// too, under a new layout number, and reads as its default from the layouts before it.
extension AgentRecord: PackedValue {
    private static let layout: UInt8 = 1

    func pack(into writer: inout PackedWriter) {
        writer.writeByte(Self.layout)
        id.pack(into: &writer)
        name.pack(into: &writer)
        order.pack(into: &writer)
        wrapUpMilliseconds.pack(into: &writer)
        team.pack(into: &writer)
        dailyTarget.pack(into: &writer)
        memberships.pack(into: &writer)
        state.pack(into: &writer)
        since.pack(into: &writer)
        idleSince.pack(into: &writer)
        readySequence.pack(into: &writer)
        pendingReason.pack(into: &writer)
        pendingBreak.pack(into: &writer)
        breakSince.pack(into: &writer)
        quotaDeadline.pack(into: &writer)
        restingUntil.pack(into: &writer)
        restDeadline.pack(into: &writer)
        wrapUpDeadline.pack(into: &writer)
        wrapUpOf.pack(into: &writer)
        counters.pack(into: &writer)
    }

    init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        let layout = try reader.readByte()
        guard layout == Self.layout else { throw reader.corrupted("agent layout \(layout) unknown") }
        self.init(
            id: try AgentID(unpacking: &reader),
            name: try String(unpacking: &reader),
            order: try Int(unpacking: &reader),
            wrapUpMilliseconds: try Int64?(unpacking: &reader),
            team: try Int32?(unpacking: &reader),
            dailyTarget: try Int?(unpacking: &reader),
            memberships: try [Membership](unpacking: &reader),
            state: try AgentState(unpacking: &reader),
            since: try Instant(unpacking: &reader),
            idleSince: try Instant(unpacking: &reader),
            readySequence: try UInt64(unpacking: &reader),
            pendingReason: try NotReadyReason?(unpacking: &reader),
            pendingBreak: try PendingBreak?(unpacking: &reader),
            breakSince: try Instant?(unpacking: &reader),
            quotaDeadline: try DeadlineID?(unpacking: &reader),
            restingUntil: try Instant?(unpacking: &reader),
            restDeadline: try DeadlineID?(unpacking: &reader),
            wrapUpDeadline: try DeadlineID?(unpacking: &reader),
            wrapUpOf: try WrapUpOrigin?(unpacking: &reader),
            counters: try AgentCounters(unpacking: &reader)
        )
    }
}

extension AgentRecord.Membership: PackedValue {
    func pack(into writer: inout PackedWriter) {
        queue.pack(into: &writer)
        tier.pack(into: &writer)
        proficiency.pack(into: &writer)
        lastOffered.pack(into: &writer)
        readyKey.pack(into: &writer)
        weight.pack(into: &writer)
        capacityShare.pack(into: &writer)
    }

    init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        self.init(
            queue: try Int32(unpacking: &reader), tier: try Int(unpacking: &reader), proficiency: try Int(unpacking: &reader),
            lastOffered: try UInt64(unpacking: &reader), readyKey: try ReadyAgentKey?(unpacking: &reader),
            weight: try Int64(unpacking: &reader), capacityShare: try Double(unpacking: &reader)
        )
    }
}

extension WrapUpOrigin: PackedValue {
    func pack(into writer: inout PackedWriter) {
        queue.pack(into: &writer)
        talkMilliseconds.pack(into: &writer)
        started.pack(into: &writer)
        call.pack(into: &writer)
        catalogue.pack(into: &writer)
    }

    init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        self.init(
            queue: try Int32(unpacking: &reader), talkMilliseconds: try Int64(unpacking: &reader), started: try Instant(unpacking: &reader),
            call: try CallID?(unpacking: &reader), catalogue: try Int32?(unpacking: &reader)
        )
    }
}

extension PendingBreak: PackedValue {
    func pack(into writer: inout PackedWriter) {
        cause.pack(into: &writer)
        forced.pack(into: &writer)
    }

    init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        self.init(cause: try BreakDeferral(unpacking: &reader), forced: try Bool(unpacking: &reader))
    }
}
