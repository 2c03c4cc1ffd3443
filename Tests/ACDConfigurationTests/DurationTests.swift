import ACDConfiguration
import ACDCore
import Testing

/// Durations: `30s`, `3m`, `1h`, `1h30m`, `250ms` or a bare number of seconds.
@Suite struct DurationTests {
    func tierWait(_ text: String) throws(ConfigurationFileError) -> Duration {
        try parse("queues: [{id: q, tier_wait: \(text)}]\n").center.queues[0].tierWait
    }

    @Test(arguments: [
        ("30s", Duration.seconds(30)),
        ("3m", .seconds(180)),
        ("1h", .seconds(3600)),
        ("1h30m", .seconds(5400)),
        ("1h30m15s", .seconds(5415)),
        ("250ms", .milliseconds(250)),
        ("1m30s500ms", .milliseconds(90_500)),
        ("45", .seconds(45)),
        ("0", .zero),
        ("0s", .zero),
        ("\"90s\"", .seconds(90)),
        ("'2m'", .seconds(120)),
        ("8760h", .seconds(365 * 24 * 3600)),
    ])
    func valid(text: String, expected: Duration) throws {
        #expect(try tierWait(text) == expected)
    }

    @Test(arguments: [
        ("-5s", "tier_wait must not be negative, found '-5s'"),
        ("-1", "tier_wait must not be negative, found '-1'"),
        ("-1h30m", "tier_wait must not be negative, found '-1h30m'"),
        ("abc", "tier_wait must be a duration such as 30s, 3m, 1h30m or 250ms (a bare number means seconds), not 'abc'"),
        ("30x", "tier_wait must be a duration such as 30s, 3m, 1h30m or 250ms (a bare number means seconds), not '30x'"),
        ("1m1h", "tier_wait must be a duration such as 30s, 3m, 1h30m or 250ms (a bare number means seconds), not '1m1h'"),
        ("1s1s", "tier_wait must be a duration such as 30s, 3m, 1h30m or 250ms (a bare number means seconds), not '1s1s'"),
        ("1m30", "tier_wait must be a duration such as 30s, 3m, 1h30m or 250ms (a bare number means seconds), not '1m30'"),
        ("1.5s", "tier_wait must be a duration such as 30s, 3m, 1h30m or 250ms (a bare number means seconds), not '1.5s'"),
        ("\"30 s\"", "tier_wait must be a duration such as 30s, 3m, 1h30m or 250ms (a bare number means seconds), not '30 s'"),
        ("s", "tier_wait must be a duration such as 30s, 3m, 1h30m or 250ms (a bare number means seconds), not 's'"),
        ("\"\"", "tier_wait must be a duration such as 30s, 3m, 1h30m or 250ms (a bare number means seconds), not ''"),
        ("--5s", "tier_wait must not be negative, found '--5s'"),
        ("8761h", "tier_wait '8761h' is longer than the maximum of 365 days"),
        ("99999999999999999999999999s", "tier_wait '99999999999999999999999999s' is longer than the maximum of 365 days"),
        ("~", "tier_wait must be a duration such as 30s, 3m, 1h30m or 250ms, not an empty value"),
        ("[30s]", "tier_wait must be a duration such as 30s, 3m, 1h30m or 250ms, not a list"),
        ("{s: 30}", "tier_wait must be a duration such as 30s, 3m, 1h30m or 250ms, not a mapping"),
    ])
    func invalid(text: String, message: String) {
        let error = parseError("queues: [{id: q, tier_wait: \(text)}]\n")
        #expect(error?.description == "\(testFile):1:29: \(message)")
    }
}
