import ACDCore

/// The packed form of an entry (see `PackedValue`), in which the journal writes entries since its
/// v6: a layout number, the sequence, the instant and the owner, then the command as its tag and
/// its fields. Much cheaper to write and read than the keyed binary form, and written for every
/// input. A new configuration (`reconfigure`, at a reload) has no packed form: it goes in as a run
/// of bytes in the binary coder's keyed form.
extension JournalEntry {
    private static let layout: UInt8 = 1

    /// The command kinds as written: the numbers never change meaning.
    private enum Tag: UInt8 {
        case enqueue = 1, accept, reject, noAnswer, hangup, abandon, transfer, consultTransfer, acceptConsult
        case declineConsult, escalate, requestCallback, pushOutbound, dialResult, reprioritize, move, login
        case logout, forceLogout, ready, notReady, forceNotReady, wrapUpDone, survey, beginDay, setOpen, reconfigure
    }

    func pack(into writer: inout PackedWriter) throws {
        writer.writeByte(Self.layout)
        sequence.pack(into: &writer)
        at.pack(into: &writer)
        owner.pack(into: &writer)
        try Self.pack(command, into: &writer)
    }

    init(unpacking reader: inout PackedReader) throws {
        let layout = try reader.readByte()
        guard layout == Self.layout else { throw reader.corrupted("entry layout \(layout) unknown") }
        let sequence = try Int64(unpacking: &reader)
        let at = try Instant(unpacking: &reader)
        let owner = try String?(unpacking: &reader)
        self.init(sequence: sequence, at: at, command: try Self.unpackCommand(&reader), owner: owner)
    }

    private static func pack(_ command: Command, into writer: inout PackedWriter) throws {
        func tag(_ tag: Tag) { writer.writeByte(tag.rawValue) }
        func callAndAgent(_ kind: Tag, _ call: CallID, _ agent: AgentID) {
            tag(kind)
            call.pack(into: &writer)
            agent.pack(into: &writer)
        }
        switch command {
        case .enqueue(let call):
            tag(.enqueue)
            call.pack(into: &writer)
        case .accept(let call, let agent):
            callAndAgent(.accept, call, agent)
        case .reject(let call, let agent):
            callAndAgent(.reject, call, agent)
        case .noAnswer(let call, let agent):
            callAndAgent(.noAnswer, call, agent)
        case .hangup(let call, let party):
            tag(.hangup)
            call.pack(into: &writer)
            party.pack(into: &writer)
        case .abandon(let call):
            tag(.abandon)
            call.pack(into: &writer)
        case .transfer(let call, let queue):
            tag(.transfer)
            call.pack(into: &writer)
            queue.pack(into: &writer)
        case .consultTransfer(let call, let from, let to):
            tag(.consultTransfer)
            call.pack(into: &writer)
            from.pack(into: &writer)
            to.pack(into: &writer)
        case .acceptConsult(let call, let agent):
            callAndAgent(.acceptConsult, call, agent)
        case .declineConsult(let call, let agent):
            callAndAgent(.declineConsult, call, agent)
        case .escalate(let call, let agent):
            tag(.escalate)
            call.pack(into: &writer)
            agent.pack(into: &writer)
        case .requestCallback(let call, let number, let notBefore):
            tag(.requestCallback)
            call.pack(into: &writer)
            number.pack(into: &writer)
            notBefore.pack(into: &writer)
        case .pushOutbound(let call):
            tag(.pushOutbound)
            call.pack(into: &writer)
        case .dialResult(let call, let result):
            tag(.dialResult)
            call.pack(into: &writer)
            result.pack(into: &writer)
        case .reprioritize(let call, let priority):
            tag(.reprioritize)
            call.pack(into: &writer)
            priority.pack(into: &writer)
        case .move(let call, let queue):
            tag(.move)
            call.pack(into: &writer)
            queue.pack(into: &writer)
        case .login(let agent, let notReady):
            tag(.login)
            agent.pack(into: &writer)
            notReady.pack(into: &writer)
        case .logout(let agent):
            tag(.logout)
            agent.pack(into: &writer)
        case .forceLogout(let agent):
            tag(.forceLogout)
            agent.pack(into: &writer)
        case .ready(let agent):
            tag(.ready)
            agent.pack(into: &writer)
        case .notReady(let agent, let reason):
            tag(.notReady)
            agent.pack(into: &writer)
            reason.pack(into: &writer)
        case .forceNotReady(let agent, let reason):
            tag(.forceNotReady)
            agent.pack(into: &writer)
            reason.pack(into: &writer)
        case .wrapUpDone(let agent, let classification):
            tag(.wrapUpDone)
            agent.pack(into: &writer)
            classification.pack(into: &writer)
        case .survey(let call, let score):
            tag(.survey)
            call.pack(into: &writer)
            score.pack(into: &writer)
        case .beginDay:
            tag(.beginDay)
        case .setOpen(let queue, let state):
            tag(.setOpen)
            queue.pack(into: &writer)
            state.pack(into: &writer)
        case .reconfigure(let configuration, let removedQueueCalls):
            tag(.reconfigure)
            writer.writeBytes(try BinaryEncoder().encode(configuration, prefix: []))
            removedQueueCalls.pack(into: &writer)
        }
    }

    private static func unpackCommand(_ reader: inout PackedReader) throws -> Command {
        let byte = try reader.readByte()
        guard let tag = Tag(rawValue: byte) else { throw reader.corrupted("command \(byte) unknown") }
        func callAndAgent() throws -> (call: CallID, agent: AgentID) {
            (try CallID(unpacking: &reader), try AgentID(unpacking: &reader))
        }
        switch tag {
        case .enqueue: return .enqueue(try NewCall(unpacking: &reader))
        case .accept:
            let (call, agent) = try callAndAgent()
            return .accept(call: call, agent: agent)
        case .reject:
            let (call, agent) = try callAndAgent()
            return .reject(call: call, agent: agent)
        case .noAnswer:
            let (call, agent) = try callAndAgent()
            return .noAnswer(call: call, agent: agent)
        case .hangup: return .hangup(call: try CallID(unpacking: &reader), by: try Party(unpacking: &reader))
        case .abandon: return .abandon(call: try CallID(unpacking: &reader))
        case .transfer: return .transfer(call: try CallID(unpacking: &reader), to: try QueueID(unpacking: &reader))
        case .consultTransfer:
            return .consultTransfer(
                call: try CallID(unpacking: &reader), from: try AgentID(unpacking: &reader), to: try AgentID(unpacking: &reader)
            )
        case .acceptConsult:
            let (call, agent) = try callAndAgent()
            return .acceptConsult(call: call, agent: agent)
        case .declineConsult:
            let (call, agent) = try callAndAgent()
            return .declineConsult(call: call, agent: agent)
        case .escalate: return .escalate(call: try CallID(unpacking: &reader), by: try AgentID?(unpacking: &reader))
        case .requestCallback:
            return .requestCallback(
                call: try CallID(unpacking: &reader), number: try String(unpacking: &reader), notBefore: try Instant?(unpacking: &reader)
            )
        case .pushOutbound: return .pushOutbound(try OutboundCall(unpacking: &reader))
        case .dialResult: return .dialResult(call: try CallID(unpacking: &reader), result: try DialResult(unpacking: &reader))
        case .reprioritize: return .reprioritize(call: try CallID(unpacking: &reader), priority: try Int(unpacking: &reader))
        case .move: return .move(call: try CallID(unpacking: &reader), to: try QueueID(unpacking: &reader))
        case .login: return .login(agent: try AgentID(unpacking: &reader), notReady: try NotReadyReason?(unpacking: &reader))
        case .logout: return .logout(agent: try AgentID(unpacking: &reader))
        case .forceLogout: return .forceLogout(agent: try AgentID(unpacking: &reader))
        case .ready: return .ready(agent: try AgentID(unpacking: &reader))
        case .notReady: return .notReady(agent: try AgentID(unpacking: &reader), reason: try NotReadyReason(unpacking: &reader))
        case .forceNotReady: return .forceNotReady(agent: try AgentID(unpacking: &reader), reason: try NotReadyReason(unpacking: &reader))
        case .wrapUpDone:
            return .wrapUpDone(agent: try AgentID(unpacking: &reader), classification: try CallClassification?(unpacking: &reader))
        case .survey: return .survey(call: try CallID(unpacking: &reader), score: try Int(unpacking: &reader))
        case .beginDay: return .beginDay
        case .setOpen: return .setOpen(queue: try QueueID(unpacking: &reader), state: try OpeningState(unpacking: &reader))
        case .reconfigure:
            let configuration = try BinaryDecoder().decode(CenterConfiguration.self, from: try reader.readBytes())
            return .reconfigure(configuration, removedQueueCalls: try RemovedQueueTreatment(unpacking: &reader))
        }
    }
}
