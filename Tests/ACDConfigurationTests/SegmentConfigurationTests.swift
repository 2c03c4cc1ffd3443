import ACDConfiguration
import ACDCore
import Testing

/// The `segments` section: each customer segment's service-level agreement, parsed into the
/// engine's segment policies, and every mistake reported at FILE:LINE:COLUMN.
@Suite struct SegmentConfigurationTests {
    @Test func segmentsAreParsedWithTheirDefaults() throws {
        let configuration = try parse(minimal("""
            segments:
              vip: {priority: 5, target: 20s, escalate_at: 75%, escalated_priority: 8, max_wait: 5m}
              acme-corp: {target: 1m, escalate_before: 15s}
              basic: {target: 2m}

            """))
        #expect(configuration.center.segments == [
            SegmentPolicy(id: "vip", priority: 5, target: .seconds(20), escalation: .percent(75), escalatedPriority: 8, maxWait: .seconds(300)),
            SegmentPolicy(id: "acme-corp", target: .seconds(60), escalation: .before(.seconds(15))),
            SegmentPolicy(id: "basic", priority: 0, target: .seconds(120), escalation: .percent(80), escalatedPriority: 9, maxWait: nil),
        ])
        #expect(configuration.center.segments[0].escalationWait == .seconds(15))
        #expect(configuration.center.segments[1].escalationWait == .seconds(45))
        #expect(configuration.center.segments[2].escalationWait == .seconds(96))
    }

    @Test func withoutTheSectionNoSegmentIsConfigured() throws {
        #expect(try parse(minimal()).center.segments == [])
        #expect(try parse(minimal("segments:\n")).center.segments == [])
    }

    static let mistakes: [(yaml: String, expected: String)] = [
        ("segments: {vip: {target: 20s, escalate: 80%}}\n", "2:31: unknown key 'escalate' in segment 'vip'; expected one of: priority, target, escalate_at, escalate_before, escalated_priority, max_wait"),
        ("segments: {vip: {priority: 5}}\n", "2:12: segment 'vip' needs a 'target' (the wait it promises, such as 20s)"),
        ("segments: {vip: {target: 20s, escalate_at: 80%, escalate_before: 5s}}\n", "2:44: segment 'vip': give escalate_at or escalate_before, not both"),
        ("segments: {vip: {target: 20s, escalate_at: 100%}}\n", "2:44: escalate_at must be a share of the target from 0% to 99%, such as 80%, not '100%'"),
        ("segments: {vip: {target: 20s, escalate_at: 80}}\n", "2:44: escalate_at must be a share of the target from 0% to 99%, such as 80%, not '80'"),
        ("segments: {vip: {target: 20s, escalate_before: 30s}}\n", "2:48: segment 'vip': escalate_before must be more than zero and at most the target"),
        ("segments: {vip: {target: 0s}}\n", "2:26: segment 'vip': target must be positive"),
        ("segments: {vip: {target: soon}}\n", "2:26: target must be a duration such as 30s, 3m, 1h30m or 250ms (a bare number means seconds), not 'soon'"),
        ("segments: {vip: {target: 20s, priority: 10}}\n", "2:41: priority 10 is outside 0-9"),
        ("segments: {vip: {target: 20s, escalated_priority: -1}}\n", "2:51: escalated_priority -1 is outside 0-9"),
        ("segments: {vip: {target: 20s, max_wait: 0s}}\n", "2:41: segment 'vip': max_wait must be positive"),
        ("segments: {vip: 20s}\n", "2:17: segment 'vip' must be a mapping of keys to values, not '20s'"),
        ("segments: [vip]\n", "2:11: segments must be a mapping of keys to values, not a list"),
        ("segments: {vip: {target: 20s}, vip: {target: 30s}}\n", "2:32: duplicate key 'vip' (first given at 2:12)"),
    ]

    @Test(arguments: mistakes)
    func mistakesAreReportedWhereTheyAreWritten(yaml: String, expected: String) {
        #expect(parseError(minimal(yaml))?.description == "\(testFile):\(expected)")
    }
}
