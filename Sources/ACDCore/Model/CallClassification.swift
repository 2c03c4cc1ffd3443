/// How an agent classified a call in its wrap-up: the call type, the motive and sub-motive from the
/// catalogue of the queue it took the call for, and free notes.
public struct CallClassification: Equatable, Sendable, Codable {
    public var callType: String
    public var motive: String?
    public var subMotive: String?
    public var notes: String?

    public init(callType: String, motive: String? = nil, subMotive: String? = nil, notes: String? = nil) {
        self.callType = callType
        self.motive = motive
        self.subMotive = subMotive
        self.notes = notes
    }
}
