import ACDCore
public import Foundation

/// The intervals of a report in a time zone. They are computed here rather than in SQL because
/// SQLite knows only UTC and the process's own zone; the queries take them as a JSON array.
public enum ReportCalendar {
    /// The intervals covering the days `from` through `through` (inclusive) of `timeZone`, in order.
    /// Minute intervals start at local midnight; a day's last one ends at the next midnight, so a
    /// day of a daylight-saving change has 4 fewer or more quarter hours.
    public static func buckets(from: ReportDate, through: ReportDate, interval: ReportInterval, timeZone: TimeZone) -> [ReportBucket] {
        let calendar = calendar(timeZone)
        var buckets: [ReportBucket] = []
        var day = startOfDay(from, calendar)
        let last = startOfDay(through, calendar)
        while day <= last {
            let next = calendar.startOfDay(for: calendar.date(byAdding: .hour, value: 36, to: day)!)
            if let minutes = interval.minutes {
                var start = day
                while start < next {
                    let end = min(start.addingTimeInterval(TimeInterval(minutes * 60)), next)
                    buckets.append(ReportBucket(start: instant(start), end: instant(end), label: label(start, calendar, withTime: true)))
                    start = end
                }
            } else {
                buckets.append(ReportBucket(start: instant(day), end: instant(next), label: label(day, calendar, withTime: false)))
            }
            day = next
        }
        return buckets
    }

    static func calendar(_ timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// Local midnight of `date`, or the day's first instant where midnight does not exist.
    private static func startOfDay(_ date: ReportDate, _ calendar: Calendar) -> Date {
        let noon = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: 12))!
        return calendar.startOfDay(for: noon)
    }

    private static func instant(_ date: Date) -> Instant {
        Instant(millisecondsSinceEpoch: Int64((date.timeIntervalSince1970 * 1000).rounded()))
    }

    private static func label(_ date: Date, _ calendar: Calendar, withTime: Bool) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let day = ReportDate(year: parts.year!, month: parts.month!, day: parts.day!).description
        return withTime ? "\(day) \(padded(parts.hour!, 2)):\(padded(parts.minute!, 2))" : day
    }

    static func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
