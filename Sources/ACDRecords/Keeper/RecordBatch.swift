/// Rows a step of the engine made ready to write: finished calls, agent intervals, and survey
/// scores of calls written before. Write them in order: an interval written later replaces one
/// written earlier with the same agent and start (an open interval replaced by its closed self, or
/// a zero-length one by its successor).
public struct RecordBatch: Equatable, Sendable {
    public var calls: [RecordedCall] = []
    /// Closed intervals, and the agents' new current intervals (open: `end` nil).
    public var intervals: [AgentInterval] = []
    /// Scores for calls whose record is already written.
    public var surveys: [SurveyUpdate] = []

    public init(calls: [RecordedCall] = [], intervals: [AgentInterval] = [], surveys: [SurveyUpdate] = []) {
        self.calls = calls
        self.intervals = intervals
        self.surveys = surveys
    }

    public var isEmpty: Bool { calls.isEmpty && intervals.isEmpty && surveys.isEmpty }

    /// Adds the rows of a later step.
    public mutating func append(_ later: RecordBatch) {
        calls += later.calls
        intervals += later.intervals
        surveys += later.surveys
    }
}
