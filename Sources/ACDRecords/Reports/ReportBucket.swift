public import ACDCore

/// One interval of a report: from `start` (included) to `end` (excluded), named in local time
/// (`2025-03-14 09:30`, or `2025-03-14` for a day).
public struct ReportBucket: Equatable, Sendable {
    public var start: Instant
    public var end: Instant
    public var label: String

    public init(start: Instant, end: Instant, label: String) {
        self.start = start
        self.end = end
        self.label = label
    }
}
