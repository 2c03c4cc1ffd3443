import ACDConfiguration
import ACDCore
import Testing

/// A queue's `hours`: parsed into the engine's business hours, and every mistake reported at
/// FILE:LINE:COLUMN.
@Suite struct HoursConfigurationTests {
    @Test func fullHoursAreParsed() throws {
        let configuration = try parse("""
            defaults:
              hours:
                time_zone: Europe/Madrid
                week:
                  monday: ["08:15-14:00", "15:00-17:15"]
                  friday: ["08:15-15:00"]
                  saturday: []
                  sunday: ["22:00-02:00"]
                holidays:
                  - 2026-12-25
                  - {date: 2026-12-24, hours: ["08:15-13:00"]}
                when_closed: {voicemail: "sip:buzon@pbx.local"}
                at_closing: leave
            queues:
              - id: q
              - {id: night, hours: {time_zone: UTC, week: {monday: ["00:00-24:00"]}, when_closed: {queue: q}}}
              - {id: open, hours: ~}

            """)
        let hours = try #require(configuration.center.queues[0].hours)
        #expect(hours == BusinessHours(
            timeZone: "Europe/Madrid",
            week: [
                .monday: [DailySpan(opens: 495, closes: 840), DailySpan(opens: 900, closes: 1035)],
                .friday: [DailySpan(opens: 495, closes: 900)], .saturday: [], .sunday: [DailySpan(opens: 1320, closes: 120)],
            ],
            holidays: [Holiday(year: 2026, month: 12, day: 25), Holiday(year: 2026, month: 12, day: 24, spans: [DailySpan(opens: 495, closes: 780)])],
            whenClosed: .voicemail("sip:buzon@pbx.local"), atClosing: .leave
        ))
        #expect(configuration.center.queues[1].hours == BusinessHours(
            timeZone: "UTC", week: [.monday: [DailySpan(opens: 0, closes: 1440)]], whenClosed: .sendTo("q")
        ))
        #expect(configuration.center.queues[2].hours == nil)
    }

    @Test func withoutHoursAQueueIsAlwaysOpen() throws {
        #expect(try parse(minimal()).center.queues[0].hours == nil)
        let plain = try #require(try parse(minimal("defaults: {hours: {time_zone: UTC}}\n")).center.queues[0].hours)
        #expect(plain == BusinessHours(timeZone: "UTC", week: [:], whenClosed: .refuse, atClosing: .serve))
    }

    static let mistakes: [(yaml: String, expected: String)] = [
        ("defaults: {hours: {time_zone: Mars/Olympus}}\n", "2:31: unknown time zone 'Mars/Olympus'; use an IANA name such as Europe/Madrid or America/New_York"),
        ("defaults: {hours: {week: {monday: []}}}\n", "2:19: hours needs 'time_zone', the IANA time zone of its times (e.g. Europe/Madrid)"),
        ("defaults: {hours: {time_zone: UTC, week: {monday: [\"25:00-26:00\"]}}}\n", "2:52: hour 25 is outside 00-24 in '25:00-26:00'"),
        ("defaults: {hours: {time_zone: UTC, week: {monday: [\"08:00-24:30\"]}}}\n", "2:52: '24:30' is past 24:00"),
        ("defaults: {hours: {time_zone: UTC, week: {monday: [\"08:00-12:60\"]}}}\n", "2:52: minute 60 is outside 00-59 in '08:00-12:60'"),
        ("defaults: {hours: {time_zone: UTC, week: {monday: [\"8-17\"]}}}\n", "2:52: a span is written \"HH:MM-HH:MM\" (e.g. \"08:15-17:15\"), not '8-17'"),
        ("defaults: {hours: {time_zone: UTC, week: {monday: [\"09:00-09:00\"]}}}\n", "2:52: a span must not open and close at the same time ('09:00-09:00'); 00:00-24:00 is the whole day"),
        ("defaults: {hours: {time_zone: UTC, week: {monday: [\"08:00-12:00\", \"11:00-13:00\"]}}}\n", "2:67: span overlaps another span of monday (at 2:52)"),
        ("defaults: {hours: {time_zone: UTC, week: {monday: [\"20:00-02:00\", \"23:00-23:30\"]}}}\n", "2:67: span overlaps another span of monday (at 2:52)"),
        ("defaults: {hours: {time_zone: UTC, week: {mondy: []}}}\n", "2:43: unknown key 'mondy' in week; did you mean 'monday'?"),
        ("defaults: {hours: {time_zone: UTC, holidays: [2026-02-30]}}\n", "2:47: '2026-02-30' is not a date"),
        ("defaults: {hours: {time_zone: UTC, holidays: [25/12/2026]}}\n", "2:47: a holiday date is written YYYY-MM-DD (e.g. 2026-12-25), not '25/12/2026'"),
        ("defaults: {hours: {time_zone: UTC, holidays: [2026-12-25, {date: 2026-12-25}]}}\n", "2:59: this date is listed twice in holidays (first at 2:47)"),
        ("defaults: {hours: {time_zone: UTC, when_closed: voicemail}}\n", "2:49: when_closed must be 'refuse', 'callback', {voicemail: DESTINATION} or {queue: QUEUE}, not 'voicemail'"),
        ("defaults: {hours: {time_zone: UTC, when_closed: {queue: nowhere}}}\n", "2:49: queue 'q': hours.when_closed names queue 'nowhere', which is not defined"),
        ("defaults: {hours: {time_zone: UTC, at_closing: stay}}\n", "2:48: at_closing must be 'serve' or 'leave', not 'stay'"),
        ("defaults: {hours: {time_zone: UTC, timezone: UTC}}\n", "2:36: unknown key 'timezone' in hours; did you mean 'time_zone'?"),
    ]

    @Test(arguments: mistakes)
    func mistakesAreReportedWhereTheyAreWritten(yaml: String, expected: String) {
        #expect(parseError(minimal(yaml))?.description == "\(testFile):\(expected)")
    }

    @Test func aQueueCannotSendItsCallsToItself() {
        let error = parseError("queues: [{id: q, hours: {time_zone: UTC, when_closed: {queue: q}}}]\n")
        #expect(error?.description == "\(testFile):1:55: queue 'q': hours.when_closed cannot send calls to the queue itself")
    }
}
