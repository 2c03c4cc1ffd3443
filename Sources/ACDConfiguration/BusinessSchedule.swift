public import ACDCore
import Foundation

/// A queue's business hours on the clock: whether it is open at an instant and when that next
/// changes, in the schedule's own time zone (whatever the machine's), with its daylight-saving
/// changes and holidays. The shell uses it to tell the engine (`Command.setOpen`), which cannot
/// read a calendar.
///
/// Conventions: a span is open from its opening instant (included) to its closing instant
/// (excluded), so a call exactly at the opening is served and one exactly at the closing is not.
/// A local time is the first instant the local clock shows it: in the hour repeated when clocks go
/// back, its first occurrence; in the hour skipped when they go forward, the instant they jump
/// (so 02:30 on that day is 03:00). A span that crosses midnight belongs to the day it opens;
/// spans that touch or overlap (across days too) make one opening.
public struct BusinessSchedule: Sendable {
    public let hours: BusinessHours
    private let timeZone: TimeZone
    /// Each holiday's spans, by local day number (days since 1970-01-01).
    private let holidays: [Int64: [DailySpan]]

    /// The schedule of `hours`; nil when its time zone is unknown.
    public init?(_ hours: BusinessHours) {
        guard let timeZone = TimeZone(identifier: hours.timeZone) else { return nil }
        self.hours = hours
        self.timeZone = timeZone
        var holidays: [Int64: [DailySpan]] = [:]
        for holiday in hours.holidays {
            holidays[Self.dayNumber(year: holiday.year, month: holiday.month, day: holiday.day)] = holiday.spans
        }
        self.holidays = holidays
    }

    /// Whether the queue is open at `instant`.
    public func isOpen(at instant: Instant) -> Bool {
        let day = localDay(of: instant.millisecondsSinceEpoch)
        return openings(days: (day - 1)...day).contains { $0.start <= instant.millisecondsSinceEpoch && instant.millisecondsSinceEpoch < $0.end }
    }

    /// The first instant after `instant` at which the queue opens or closes; nil when that does
    /// not happen within about a year.
    public func nextTransition(after instant: Instant) -> Instant? {
        let time = instant.millisecondsSinceEpoch
        let day = localDay(of: time)
        for window: Int64 in [8, 400] {
            // Openings of later days are not computed: a change found at or after the first
            // instant of the last day computed may be wrong, so the window grows.
            let limit = self.instant(localSeconds: (day + window) * 86_400)
            let merged = Self.merged(openings(days: (day - 1)...(day + window)))
            let change = merged.first(where: { $0.start <= time && time < $0.end })?.end
                ?? merged.first(where: { $0.start > time })?.start
            if let change, change < limit { return Instant(millisecondsSinceEpoch: change) }
        }
        return nil
    }

    /// Open or closed at `instant`, until the next change.
    public func state(at instant: Instant) -> OpeningState {
        OpeningState(isOpen: isOpen(at: instant), until: nextTransition(after: instant))
    }

    // MARK: Days and instants

    /// The opening intervals (milliseconds, end excluded) of the spans of each local day, in order.
    private func openings(days: ClosedRange<Int64>) -> [(start: Int64, end: Int64)] {
        var result: [(start: Int64, end: Int64)] = []
        for day in days {
            for span in holidays[day] ?? hours.week[Self.weekday(of: day)] ?? [] {
                let start = instant(localSeconds: day * 86_400 + Int64(span.opens) * 60)
                let end = instant(localSeconds: (span.crossesMidnight ? day + 1 : day) * 86_400 + Int64(span.closes) * 60)
                // A span inside the hour the clocks skip never opens.
                if end > start { result.append((start, end)) }
            }
        }
        return result
    }

    private static func merged(_ intervals: [(start: Int64, end: Int64)]) -> [(start: Int64, end: Int64)] {
        var result: [(start: Int64, end: Int64)] = []
        for interval in intervals.sorted(by: { $0.start < $1.start }) {
            if let last = result.last, interval.start <= last.end {
                result[result.count - 1].end = max(last.end, interval.end)
            } else {
                result.append(interval)
            }
        }
        return result
    }

    /// The local day number of an instant (milliseconds).
    private func localDay(of milliseconds: Int64) -> Int64 {
        let seconds = Self.floorDivide(milliseconds, 1000)
        return Self.floorDivide(seconds + offset(atSeconds: seconds), 86_400)
    }

    /// The instant (milliseconds) of a local wall time given as seconds since 1970-01-01 00:00
    /// local: its first occurrence, or the instant the clocks jump over it.
    private func instant(localSeconds wall: Int64) -> Int64 {
        // Offsets change at most once within two days anywhere on Earth: the offsets a day
        // before and a day after are the only candidates.
        let before = offset(atSeconds: wall - 86_400)
        let after = offset(atSeconds: wall + 86_400)
        let candidates = [wall - before, wall - after].filter { offset(atSeconds: $0) == wall - $0 }
        if let first = candidates.min() { return first * 1000 }
        // Skipped: find the jump between the two readings.
        var low = wall - after
        var high = wall - before
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if offset(atSeconds: middle) == after { high = middle } else { low = middle }
        }
        return high * 1000
    }

    private func offset(atSeconds seconds: Int64) -> Int64 {
        Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))))
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date.
    static func dayNumber(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = floorDivide(y, 400)
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// 1970-01-01 was a Thursday.
    static func weekday(of day: Int64) -> Weekday {
        Weekday.allCases[Int(floorDivide(day + 3, 7) * -7 + day + 3)]
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return value % divisor < 0 ? quotient - 1 : quotient
    }
}
