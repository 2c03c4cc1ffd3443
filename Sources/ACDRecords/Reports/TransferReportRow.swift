public import ACDCore

/// How many calls one queue's agents passed on in one interval (by the instant it happened):
/// blind transfers to a queue, consult transfers to another agent, and escalations.
public struct TransferReportRow: Equatable, Sendable {
    public var bucket: ReportBucket
    /// The queue the call was in when it was passed on.
    public var queue: QueueID
    /// Blind transfers out of the queue (`call.transfer`).
    public var transfers: Int
    /// Consult transfers consented to (the call stays in the queue, with another agent).
    public var consultTransfers: Int
    /// Escalations out of the queue (to its escalation queue, or its next tier).
    public var escalations: Int

    public init(bucket: ReportBucket, queue: QueueID, transfers: Int, consultTransfers: Int, escalations: Int) {
        self.bucket = bucket
        self.queue = queue
        self.transfers = transfers
        self.consultTransfers = consultTransfers
        self.escalations = escalations
    }
}
