/// How finely a report divides time: 15, 30 or 60 minutes of local time, or whole days.
public enum ReportInterval: String, Sendable, CaseIterable {
    case minutes15 = "15m"
    case minutes30 = "30m"
    case minutes60 = "60m"
    case day

    /// The interval's length in minutes; nil for a day (23 to 25 hours of local time).
    var minutes: Int? {
        switch self {
        case .minutes15: 15
        case .minutes30: 30
        case .minutes60: 60
        case .day: nil
        }
    }
}
