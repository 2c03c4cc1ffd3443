/// The packed forms (see `PackedValue`) of the small values inside the engine's calls, agents,
/// indexes and deadlines, and of the call values the record keeper stores: their fields in
/// declaration order; an enumeration with payloads is a byte naming the case, then its values.

extension RoutingStrategy: PackedValue {}
extension RoutingDecision.Trigger: PackedValue {}
extension Party: PackedValue {}

extension DeadlineID: PackedValue {
    func pack(into writer: inout PackedWriter) {
        slot.pack(into: &writer)
        generation.pack(into: &writer)
    }

    init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        self.init(slot: try Int32(unpacking: &reader), generation: try UInt32(unpacking: &reader))
    }
}

extension Deadline: PackedValue {
    func pack(into writer: inout PackedWriter) {
        switch self {
        case .offerExpires(let call, let agent):
            writer.writeByte(0)
            call.pack(into: &writer)
            agent.pack(into: &writer)
        case .tierOpens(let call, let queue):
            writer.writeByte(1)
            call.pack(into: &writer)
            queue.pack(into: &writer)
        case .overflowStep(let call):
            writer.writeByte(2)
            call.pack(into: &writer)
        case .noAgentWait(let call):
            writer.writeByte(3)
            call.pack(into: &writer)
        case .restEnds(let agent):
            writer.writeByte(4)
            agent.pack(into: &writer)
        case .wrapUpEnds(let agent):
            writer.writeByte(5)
            agent.pack(into: &writer)
        case .durationLimit(let call, let hard):
            writer.writeByte(6)
            call.pack(into: &writer)
            hard.pack(into: &writer)
        case .breakQuota(let agent):
            writer.writeByte(7)
            agent.pack(into: &writer)
        case .segmentEscalation(let call):
            writer.writeByte(8)
            call.pack(into: &writer)
        case .segmentBreach(let call):
            writer.writeByte(9)
            call.pack(into: &writer)
        case .segmentMaxWait(let call):
            writer.writeByte(10)
            call.pack(into: &writer)
        case .consultExpires(let call):
            writer.writeByte(11)
            call.pack(into: &writer)
        case .dialDue(let call):
            writer.writeByte(12)
            call.pack(into: &writer)
        }
    }

    init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        switch try reader.readByte() {
        case 0: self = .offerExpires(call: try Int32(unpacking: &reader), agent: try Int32(unpacking: &reader))
        case 1: self = .tierOpens(call: try Int32(unpacking: &reader), queue: try Int32(unpacking: &reader))
        case 2: self = .overflowStep(call: try Int32(unpacking: &reader))
        case 3: self = .noAgentWait(call: try Int32(unpacking: &reader))
        case 4: self = .restEnds(agent: try Int32(unpacking: &reader))
        case 5: self = .wrapUpEnds(agent: try Int32(unpacking: &reader))
        case 6: self = .durationLimit(call: try Int32(unpacking: &reader), hard: try Bool(unpacking: &reader))
        case 7: self = .breakQuota(agent: try Int32(unpacking: &reader))
        case 8: self = .segmentEscalation(call: try Int32(unpacking: &reader))
        case 9: self = .segmentBreach(call: try Int32(unpacking: &reader))
        case 10: self = .segmentMaxWait(call: try Int32(unpacking: &reader))
        case 11: self = .consultExpires(call: try Int32(unpacking: &reader))
        case 12: self = .dialDue(call: try Int32(unpacking: &reader))
        case let byte: throw reader.corrupted("deadline kind \(byte) unknown")
        }
    }
}

extension WaitingCallKey: PackedValue {
    func pack(into writer: inout PackedWriter) {
        priority.pack(into: &writer)
        enteredSystem.pack(into: &writer)
        sequence.pack(into: &writer)
        call.pack(into: &writer)
    }

    init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        self.init(
            priority: try Int8(unpacking: &reader), enteredSystem: try Int64(unpacking: &reader),
            sequence: try UInt64(unpacking: &reader), call: try Int32(unpacking: &reader)
        )
    }
}

extension ReadyAgentKey: PackedValue {
    func pack(into writer: inout PackedWriter) {
        primary.pack(into: &writer)
        secondary.pack(into: &writer)
        readySequence.pack(into: &writer)
        agent.pack(into: &writer)
    }

    init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        self.init(
            primary: try Int64(unpacking: &reader), secondary: try Int64(unpacking: &reader),
            readySequence: try UInt64(unpacking: &reader), agent: try Int32(unpacking: &reader)
        )
    }
}

extension RoutingDecision: PackedValue {
    @usableFromInline package func pack(into writer: inout PackedWriter) {
        at.pack(into: &writer)
        trigger.pack(into: &writer)
        queue.pack(into: &writer)
        tier.pack(into: &writer)
        strategy.pack(into: &writer)
        agents.pack(into: &writer)
        candidates.pack(into: &writer)
        priority.pack(into: &writer)
        waited.pack(into: &writer)
    }

    @usableFromInline package init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        self.init(
            at: try Instant(unpacking: &reader), trigger: try Trigger(unpacking: &reader), queue: try QueueID(unpacking: &reader),
            tier: try Int(unpacking: &reader), strategy: try RoutingStrategy(unpacking: &reader),
            agents: try [AgentID](unpacking: &reader), candidates: try Int(unpacking: &reader),
            priority: try Int(unpacking: &reader), waited: try Duration(unpacking: &reader)
        )
    }
}

extension ServiceLevelClock: PackedValue {
    func pack(into writer: inout PackedWriter) {
        segment.pack(into: &writer)
        queue.pack(into: &writer)
        escalationDeadline.pack(into: &writer)
        breachDeadline.pack(into: &writer)
        maxWaitDeadline.pack(into: &writer)
        escalated.pack(into: &writer)
        breached.pack(into: &writer)
        maxWaitPassed.pack(into: &writer)
        maxWaitDue.pack(into: &writer)
    }

    init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        self.init(segment: try String(unpacking: &reader), queue: try QueueID(unpacking: &reader))
        escalationDeadline = try DeadlineID?(unpacking: &reader)
        breachDeadline = try DeadlineID?(unpacking: &reader)
        maxWaitDeadline = try DeadlineID?(unpacking: &reader)
        escalated = try Bool(unpacking: &reader)
        breached = try Bool(unpacking: &reader)
        maxWaitPassed = try Bool(unpacking: &reader)
        maxWaitDue = try Bool(unpacking: &reader)
    }
}

extension Consult: PackedValue {
    func pack(into writer: inout PackedWriter) {
        from.pack(into: &writer)
        target.pack(into: &writer)
        started.pack(into: &writer)
        expires.pack(into: &writer)
        expiry.pack(into: &writer)
    }

    init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        self.init(
            from: try Int32(unpacking: &reader), target: try Int32(unpacking: &reader), started: try Instant(unpacking: &reader),
            expires: try Instant(unpacking: &reader), expiry: try DeadlineID(unpacking: &reader)
        )
    }
}

extension CallOutcome: PackedValue {
    @usableFromInline package func pack(into writer: inout PackedWriter) {
        switch self {
        case .ended: writer.writeByte(0)
        case .abandoned: writer.writeByte(1)
        case .timedOut: writer.writeByte(2)
        case .leftNoAgents: writer.writeByte(3)
        case .rejectedFull: writer.writeByte(4)
        case .overflowedOut(let destination):
            writer.writeByte(5)
            destination.pack(into: &writer)
        case .queueRemoved: writer.writeByte(6)
        case .closed(let voicemail):
            writer.writeByte(7)
            voicemail.pack(into: &writer)
        case .unreached(let attempts):
            writer.writeByte(8)
            attempts.pack(into: &writer)
        case .cancelled: writer.writeByte(9)
        }
    }

    @usableFromInline package init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        switch try reader.readByte() {
        case 0: self = .ended
        case 1: self = .abandoned
        case 2: self = .timedOut
        case 3: self = .leftNoAgents
        case 4: self = .rejectedFull
        case 5: self = .overflowedOut(destination: try String(unpacking: &reader))
        case 6: self = .queueRemoved
        case 7: self = .closed(voicemail: try String?(unpacking: &reader))
        case 8: self = .unreached(attempts: try Int(unpacking: &reader))
        case 9: self = .cancelled
        case let byte: throw reader.corrupted("call outcome \(byte) unknown")
        }
    }
}

extension CallClassification: PackedValue {
    @usableFromInline package func pack(into writer: inout PackedWriter) {
        callType.pack(into: &writer)
        motive.pack(into: &writer)
        subMotive.pack(into: &writer)
        notes.pack(into: &writer)
    }

    @usableFromInline package init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        self.init(
            callType: try String(unpacking: &reader), motive: try String?(unpacking: &reader),
            subMotive: try String?(unpacking: &reader), notes: try String?(unpacking: &reader)
        )
    }
}

extension BreakDeferral: PackedValue {}

extension AgentState: PackedValue {
    @usableFromInline package func pack(into writer: inout PackedWriter) {
        switch self {
        case .loggedOut: writer.writeByte(0)
        case .ready: writer.writeByte(1)
        case .offered(let call):
            writer.writeByte(2)
            call.pack(into: &writer)
        case .busy(let call):
            writer.writeByte(3)
            call.pack(into: &writer)
        case .wrapUp(let until):
            writer.writeByte(4)
            until.pack(into: &writer)
        case .notReady(let reason):
            writer.writeByte(5)
            reason.pack(into: &writer)
        }
    }

    @usableFromInline package init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        switch try reader.readByte() {
        case 0: self = .loggedOut
        case 1: self = .ready
        case 2: self = .offered(try CallID(unpacking: &reader))
        case 3: self = .busy(try CallID(unpacking: &reader))
        case 4: self = .wrapUp(until: try Instant(unpacking: &reader))
        case 5: self = .notReady(try NotReadyReason(unpacking: &reader))
        case let byte: throw reader.corrupted("agent state \(byte) unknown")
        }
    }
}

extension BreakUsage: PackedValue {
    @usableFromInline package func pack(into writer: inout PackedWriter) {
        count.pack(into: &writer)
        milliseconds.pack(into: &writer)
    }

    @usableFromInline package init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        self.init(count: try Int(unpacking: &reader), milliseconds: try Int64(unpacking: &reader))
    }
}

extension AgentCounters: PackedValue {
    @usableFromInline package func pack(into writer: inout PackedWriter) {
        callsAnswered.pack(into: &writer)
        talkTimeMilliseconds.pack(into: &writer)
        missedOffers.pack(into: &writer)
        rejectedOffers.pack(into: &writer)
        consecutiveMisses.pack(into: &writer)
        breaks.pack(into: &writer)
    }

    @usableFromInline package init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        self.init()
        callsAnswered = try Int(unpacking: &reader)
        talkTimeMilliseconds = try Int64(unpacking: &reader)
        missedOffers = try Int(unpacking: &reader)
        rejectedOffers = try Int(unpacking: &reader)
        consecutiveMisses = try Int(unpacking: &reader)
        breaks = try [NotReadyReason: BreakUsage](unpacking: &reader)
    }
}
