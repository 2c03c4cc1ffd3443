public import ACDCore

/// Satisfaction survey figures for one interval: for the whole center, one queue or one agent.
public struct SurveyReportRow: Equatable, Sendable {
    /// What the row covers.
    public enum Scope: Equatable, Sendable {
        case center
        case queue(QueueID)
        case agent(AgentID)
    }

    public var bucket: ReportBucket
    public var scope: Scope
    /// Calls scored.
    public var scores: Int
    /// The scores, summed.
    public var total: Int
    /// Calls scored 4 or 5.
    public var satisfied: Int
    /// Calls scored 1 or 2.
    public var dissatisfied: Int

    public init(bucket: ReportBucket, scope: Scope, scores: Int, total: Int, satisfied: Int, dissatisfied: Int) {
        self.bucket = bucket
        self.scope = scope
        self.scores = scores
        self.total = total
        self.satisfied = satisfied
        self.dissatisfied = dissatisfied
    }

    /// total / scores.
    public var average: Double? { scores == 0 ? nil : Double(total) / Double(scores) }

    /// satisfied / scores (CSAT).
    public var satisfiedShare: Double? { scores == 0 ? nil : Double(satisfied) / Double(scores) }

    /// dissatisfied / scores.
    public var dissatisfiedShare: Double? { scores == 0 ? nil : Double(dissatisfied) / Double(scores) }
}
