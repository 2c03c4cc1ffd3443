/// What a call that arrives while its queue is closed gets.
public enum ClosedTreatment: Equatable, Sendable, Codable {
    /// It is refused (outcome `closed`); the adapter is told when the queue opens next.
    case refuse
    /// It is taken and leaves at once (outcome `closed`) toward this voicemail destination.
    case voicemail(String)
    /// It goes to this queue instead (and that queue's treatment applies if it is closed too).
    case sendTo(QueueID)
    /// It becomes a callback, kept until the queue opens, when the adapter gave a number to call
    /// back (`NewCall.callbackNumber`); without one it is refused.
    case callback
}

/// What becomes of the calls waiting in a queue when it closes.
public enum ClosingTreatment: String, Equatable, Sendable, Codable, CaseIterable {
    /// They stay and are served (agents may work outside hours).
    case serve
    /// They get the queue's closed treatment: leave (outcome `closed`, toward the voicemail if
    /// there is one) or go to the queue it names.
    case leave
}
