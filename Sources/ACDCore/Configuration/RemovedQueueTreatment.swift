/// What becomes of the calls waiting or ringing in a queue that a reconfiguration removes. Calls
/// already connected stay with their agents until they end, whatever this says.
public enum RemovedQueueTreatment: Equatable, Sendable, Codable {
    /// They leave with outcome `queueRemoved`, so the adapter can send them elsewhere.
    case leave
    /// They move to this queue, keeping their age and priority.
    case moveTo(QueueID)
}
