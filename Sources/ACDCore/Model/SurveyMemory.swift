/// The answered calls that ended within the survey window, oldest first: what a survey score may
/// be given for. Forgetting follows the engine's time, so replay forgets the same calls.
struct SurveyMemory: Sendable, Codable {
    /// An ended call and who it is scored for.
    struct EndedCall: Sendable, Codable {
        var call: CallID
        /// The agent of the last conversation.
        var agent: AgentID
        /// The queue the last conversation was taken for.
        var queue: QueueID
        var ended: Instant
        var scored = false
    }

    var windowMilliseconds: Int64
    /// Oldest first (calls end in the engine's time order); `start` is the first one kept.
    private var ended: [EndedCall] = []
    private var start = 0
    /// Each remembered call's index in `ended`.
    private var byCall: [CallID: Int] = [:]

    init(window: Duration) {
        windowMilliseconds = window.milliseconds
    }

    /// The call, if it ended within the window before `now`.
    func call(_ id: CallID, at now: Instant) -> EndedCall? {
        guard let index = byCall[id], ended[index].ended.adding(milliseconds: windowMilliseconds) >= now else { return nil }
        return ended[index]
    }

    /// Remembers a call that just ended; a call of the same id remembered before is replaced.
    mutating func remember(_ call: EndedCall, at now: Instant) {
        forget(before: now)
        ended.append(call)
        byCall[call.call] = ended.count - 1
    }

    mutating func markScored(_ id: CallID) {
        guard let index = byCall[id] else { return }
        ended[index].scored = true
    }

    /// Drops the calls whose window closed before `now`.
    mutating func forget(before now: Instant) {
        while start < ended.count, ended[start].ended.adding(milliseconds: windowMilliseconds) < now {
            if byCall[ended[start].call] == start { byCall[ended[start].call] = nil }
            start += 1
        }
        if start > 64 && start * 2 > ended.count {
            ended.removeFirst(start)
            start = 0
            byCall = [:]
            for (index, call) in ended.enumerated() { byCall[call.call] = index }
        }
    }

    /// How many calls are remembered (some may be past the window until the next forgetting).
    var count: Int { ended.count - start }
}
