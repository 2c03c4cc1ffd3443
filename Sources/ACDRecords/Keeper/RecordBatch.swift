/// Rows a step of the engine made ready to write: finished calls and agent intervals. Write them
/// in order: an interval written later replaces one written earlier with the same agent and start
/// (an open interval replaced by its closed self, or a zero-length one by its successor).
public struct RecordBatch: Equatable, Sendable {
    public var calls: [RecordedCall] = []
    /// Closed intervals, and the agents' new current intervals (open: `end` nil).
    public var intervals: [AgentInterval] = []

    public init(calls: [RecordedCall] = [], intervals: [AgentInterval] = []) {
        self.calls = calls
        self.intervals = intervals
    }

    public var isEmpty: Bool { calls.isEmpty && intervals.isEmpty }

    /// Adds the rows of a later step.
    public mutating func append(_ later: RecordBatch) {
        calls += later.calls
        intervals += later.intervals
    }
}
