public import ACDCore

/// How many conversations of one queue, in one interval, agents classified one way (call type,
/// motive, sub-motive; all nil for the conversations left unclassified), and their share of the
/// queue's conversations in that interval.
public struct ClassificationReportRow: Equatable, Sendable {
    public var bucket: ReportBucket
    /// The queue the agent took the call for: the catalogue the classification is from.
    public var queue: QueueID
    public var callType: String?
    public var motive: String?
    public var subMotive: String?
    public var conversations: Int
    /// Every conversation of the queue in the interval, classified or not.
    public var queueConversations: Int

    public init(
        bucket: ReportBucket, queue: QueueID, callType: String?, motive: String?, subMotive: String?, conversations: Int,
        queueConversations: Int
    ) {
        self.bucket = bucket
        self.queue = queue
        self.callType = callType
        self.motive = motive
        self.subMotive = subMotive
        self.conversations = conversations
        self.queueConversations = queueConversations
    }

    /// conversations / queue conversations.
    public var share: Double {
        queueConversations == 0 ? 0 : Double(conversations) / Double(queueConversations)
    }
}
