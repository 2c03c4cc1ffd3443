/// A call's service-level clock under its segment's agreement, from the instant it entered the
/// system until it is first answered (then the call no longer has one).
struct ServiceLevelClock: Sendable, Codable {
    /// The configured segment.
    var segment: String
    /// The queue the call entered: its segment figures count there.
    var queue: QueueID
    var escalationDeadline: DeadlineID?
    var breachDeadline: DeadlineID?
    var maxWaitDeadline: DeadlineID?
    var escalated = false
    var breached = false
    /// The segment's max wait passed (or the call took its treatment while ringing).
    var maxWaitPassed = false
    /// The segment's max wait passed while the call rang; it applies if the call comes back.
    var maxWaitDue = false

    init(segment: String, queue: QueueID) {
        self.segment = segment
        self.queue = queue
    }
}
