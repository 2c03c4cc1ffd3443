/// A queue's wrap-up classification [tipificación]: the call types and motives (with their
/// sub-motives) its agents classify calls with after them, and whether a classification is
/// required before the agent is ready again. Queues may share one through the defaults.
public struct ClassificationCatalogue: Equatable, Sendable, Codable {
    /// A motive and the sub-motives it is refined into (none: the motive alone is complete).
    public struct Motive: Equatable, Sendable, Codable {
        public var id: String
        public var subMotives: [String]

        public init(_ id: String, subMotives: [String] = []) {
            self.id = id
            self.subMotives = subMotives
        }
    }

    /// The call types of the domain: solved at the position, pertinent but outside the catalogue,
    /// and not the center's business.
    public static let defaultCallTypes = ["perfect", "imperfect", "improper"]
    public static let defaultMaxNotesLength = 500

    /// Whether ending wrap-up (`wrapUpDone`, or `ready` during wrap-up) needs a classification.
    /// A wrap-up that ends by its timeout ends anyway and leaves the call unclassified.
    public var required: Bool
    public var callTypes: [String]
    /// Empty: a classification names a call type only.
    public var motives: [Motive]
    /// The longest notes accepted, in characters.
    public var maxNotesLength: Int

    public init(
        required: Bool = false, callTypes: [String] = Self.defaultCallTypes, motives: [Motive] = [],
        maxNotesLength: Int = Self.defaultMaxNotesLength
    ) {
        self.required = required
        self.callTypes = callTypes
        self.motives = motives
        self.maxNotesLength = maxNotesLength
    }

    /// Checks `classification` against the catalogue of `queue`: known call type, motive and
    /// sub-motive, complete (a motive when the catalogue has motives, a sub-motive when the motive
    /// has some), notes within bounds.
    func check(_ classification: CallClassification, agent: AgentID, queue: QueueID) throws(EngineError) {
        guard callTypes.contains(classification.callType) else {
            throw .unknownCallType(agent: agent, callType: classification.callType, queue: queue)
        }
        if let motiveID = classification.motive {
            guard let motive = motives.first(where: { $0.id == motiveID }) else {
                throw .unknownMotive(agent: agent, motive: motiveID, queue: queue)
            }
            if let subMotive = classification.subMotive {
                guard motive.subMotives.contains(subMotive) else {
                    throw .unknownSubMotive(agent: agent, motive: motiveID, subMotive: subMotive, queue: queue)
                }
            } else if !motive.subMotives.isEmpty {
                throw .classificationIncomplete(agent: agent, missing: "a sub-motive of '\(motiveID)'", queue: queue)
            }
        } else if let subMotive = classification.subMotive {
            throw .classificationIncomplete(agent: agent, missing: "the motive of sub-motive '\(subMotive)'", queue: queue)
        } else if !motives.isEmpty {
            throw .classificationIncomplete(agent: agent, missing: "a motive", queue: queue)
        }
        if let notes = classification.notes, notes.count > maxNotesLength {
            throw .notesTooLong(agent: agent, length: notes.count, limit: maxNotesLength)
        }
    }
}
