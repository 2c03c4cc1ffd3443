import ACDConfiguration
import ACDCore
import Foundation
import Testing

/// Business hours on the clock: daylight-saving changes, spans across midnight, holidays, time
/// zones other than the machine's, and the boundaries (open from the opening instant included to
/// the closing instant excluded).
@Suite struct BusinessScheduleTests {
    /// The instant of a UTC date and time.
    func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0) -> Instant {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let date = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
        return Instant(millisecondsSinceEpoch: Int64(date.timeIntervalSince1970) * 1000)
    }

    func schedule(_ zone: String, _ week: [Weekday: [DailySpan]], holidays: [Holiday] = []) -> BusinessSchedule {
        BusinessSchedule(BusinessHours(timeZone: zone, week: week, holidays: holidays))!
    }

    func span(_ opens: Int, _ closes: Int) -> DailySpan {
        DailySpan(opens: opens, closes: closes)
    }

    func before(_ instant: Instant) -> Instant {
        Instant(millisecondsSinceEpoch: instant.millisecondsSinceEpoch - 1)
    }

    @Test func springForwardInParis() {
        // 2026-03-29: at 02:00 CET (01:00 UTC) the clocks jump to 03:00 CEST. 01:30-03:30 local is
        // 00:30-01:30 UTC: one hour open.
        let paris = schedule("Europe/Paris", [.sunday: [span(90, 210)]])
        let opens = utc(2026, 3, 29, 0, 30)
        let closes = utc(2026, 3, 29, 1, 30)
        #expect(!paris.isOpen(at: before(opens)))
        #expect(paris.isOpen(at: opens))
        #expect(paris.isOpen(at: before(closes)))
        #expect(!paris.isOpen(at: closes))
        #expect(paris.nextTransition(after: utc(2026, 3, 28, 12)) == opens)
        #expect(paris.nextTransition(after: opens) == closes)
        #expect(paris.nextTransition(after: closes) == utc(2026, 4, 4, 23, 30))  // 01:30 CEST a week later
    }

    @Test func aTimeTheClocksSkipIsTheInstantTheyJump() {
        // 02:30 does not exist on 2026-03-29 in Paris: a span 02:30-05:00 opens at 03:00 CEST; a
        // span 02:15-02:45 never opens that day.
        let paris = schedule("Europe/Paris", [.sunday: [span(150, 300)]])
        #expect(paris.nextTransition(after: utc(2026, 3, 29, 0)) == utc(2026, 3, 29, 1))
        let skipped = schedule("Europe/Paris", [.sunday: [span(135, 165)]])
        #expect(skipped.nextTransition(after: utc(2026, 3, 29, 0)) == utc(2026, 4, 5, 0, 15))
        #expect(!skipped.isOpen(at: utc(2026, 3, 29, 1)))
    }

    @Test func fallBackInParis() {
        // 2026-10-25: at 03:00 CEST (01:00 UTC) the clocks go back to 02:00 CET. 01:30 is 23:30 UTC
        // the day before; 03:30 CET is 02:30 UTC: three hours open.
        let paris = schedule("Europe/Paris", [.sunday: [span(90, 210)]])
        let opens = utc(2026, 10, 24, 23, 30)
        let closes = utc(2026, 10, 25, 2, 30)
        #expect(paris.nextTransition(after: utc(2026, 10, 24, 12)) == opens)
        #expect(paris.isOpen(at: utc(2026, 10, 25, 1, 30)))  // 02:30 CET, the repeated hour
        #expect(paris.nextTransition(after: opens) == closes)
        #expect(!paris.isOpen(at: closes))
        // A time in the repeated hour is its first occurrence: 02:30 CEST.
        let repeated = schedule("Europe/Paris", [.sunday: [span(150, 240)]])
        #expect(repeated.nextTransition(after: utc(2026, 10, 24, 12)) == utc(2026, 10, 25, 0, 30))
    }

    @Test func aSpanAcrossMidnight() {
        // Fridays 22:00-02:00 in Paris in winter (UTC+1): Friday 21:00 to Saturday 01:00 UTC.
        let paris = schedule("Europe/Paris", [.friday: [span(1320, 120)]])
        #expect(paris.nextTransition(after: utc(2026, 1, 9, 12)) == utc(2026, 1, 9, 21))
        #expect(paris.isOpen(at: utc(2026, 1, 9, 23, 30)))  // 00:30 Saturday local
        #expect(paris.nextTransition(after: utc(2026, 1, 9, 23, 30)) == utc(2026, 1, 10, 1))
        #expect(!paris.isOpen(at: utc(2026, 1, 10, 1)))
        // Across the spring-forward night: Saturday 22:00 CET to Sunday 04:00 CEST is five hours.
        let night = schedule("Europe/Paris", [.saturday: [span(1320, 240)]])
        #expect(night.nextTransition(after: utc(2026, 3, 28, 12)) == utc(2026, 3, 28, 21))
        #expect(night.nextTransition(after: utc(2026, 3, 28, 21)) == utc(2026, 3, 29, 2))
    }

    @Test func holidaysCloseOrHaveTheirOwnHours() {
        // Weekdays 09:00-17:00 in Madrid (UTC+1 in December); Christmas Eve 09:00-13:00, Christmas
        // closed, and the weekend closed: from Thursday 24 at 13:00 the next opening is Monday 28.
        let weekdays = [DailySpan(opens: 540, closes: 1020)]
        let madrid = schedule(
            "Europe/Madrid",
            [.monday: weekdays, .tuesday: weekdays, .wednesday: weekdays, .thursday: weekdays, .friday: weekdays],
            holidays: [Holiday(year: 2026, month: 12, day: 24, spans: [span(540, 780)]), Holiday(year: 2026, month: 12, day: 25)]
        )
        #expect(madrid.nextTransition(after: utc(2026, 12, 24, 9)) == utc(2026, 12, 24, 12))
        #expect(!madrid.isOpen(at: utc(2026, 12, 24, 13)))
        #expect(!madrid.isOpen(at: utc(2026, 12, 25, 10)))
        #expect(madrid.nextTransition(after: utc(2026, 12, 24, 12)) == utc(2026, 12, 28, 8))
    }

    @Test func timeZonesOtherThanTheMachines() {
        // 09:00-17:00 on Mondays: New York (UTC-5 in January) and Tokyo (UTC+9, no DST).
        let newYork = schedule("America/New_York", [.monday: [span(540, 1020)]])
        #expect(newYork.nextTransition(after: utc(2026, 1, 12, 0)) == utc(2026, 1, 12, 14))
        #expect(newYork.isOpen(at: utc(2026, 1, 12, 21, 59)))
        #expect(!newYork.isOpen(at: utc(2026, 1, 12, 22)))
        let tokyo = schedule("Asia/Tokyo", [.monday: [span(540, 1020)]])
        #expect(tokyo.state(at: utc(2026, 1, 11, 12)) == OpeningState(isOpen: false, until: utc(2026, 1, 12, 0)))
        #expect(tokyo.state(at: utc(2026, 1, 12, 0)) == OpeningState(isOpen: true, until: utc(2026, 1, 12, 8)))
    }

    @Test func touchingSpansAreOneOpeningAndAlwaysOpenNeverChanges() {
        let split = schedule("UTC", [.monday: [span(480, 720), span(720, 1080)]])
        #expect(split.nextTransition(after: utc(2026, 1, 12, 9)) == utc(2026, 1, 12, 18))
        let allDay = Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0, [span(0, 1440)]) })
        let always = schedule("Europe/Paris", allDay)
        #expect(always.state(at: utc(2026, 3, 29, 1)) == OpeningState(isOpen: true, until: nil))
        let never = schedule("Europe/Paris", [:])
        #expect(never.state(at: utc(2026, 3, 29, 1)) == OpeningState(isOpen: false, until: nil))
    }

    @Test func anUnknownTimeZoneHasNoSchedule() {
        #expect(BusinessSchedule(BusinessHours(timeZone: "Mars/Olympus", week: [:])) == nil)
    }
}
