import ACDConfiguration
import ACDCore
import Testing

/// A queue's `dialing` policy (callbacks and outbound calls) and the `callback` closed treatment:
/// parsed into the engine's configuration, in `defaults` and per queue, every mistake reported at
/// FILE:LINE:COLUMN.
@Suite struct DialingConfigurationTests {
    @Test func theKeysAreParsed() throws {
        let configuration = try parse("""
            defaults:
              dialing: {max_attempts: 5}
            queues:
              - id: renewals
                dialing: {retry_delay: 30m, outbound_reserve: 2}
              - id: sales
                hours: {time_zone: Europe/Madrid, week: {monday: ["09:00-18:00"]}, when_closed: callback}

            """)
        #expect(configuration.center.queues[0].dialing == DialPolicy(maxAttempts: 5, retryDelay: .seconds(1800), outboundReserve: 2))
        #expect(configuration.center.queues[1].dialing == DialPolicy(maxAttempts: 5, retryDelay: .seconds(600), outboundReserve: 0))
        #expect(configuration.center.queues[1].hours?.whenClosed == .callback)
    }

    @Test func withoutTheKeysTheDefaultsApply() throws {
        let configuration = try parse(minimal())
        #expect(configuration.center.queues[0].dialing == DialPolicy(maxAttempts: 3, retryDelay: .seconds(600), outboundReserve: 0))
    }

    static let mistakes: [(yaml: String, expected: String)] = [
        ("queues: [{id: q, dialing: {max_attempts: 0}}]\n", "1:42: max_attempts 0 is outside 1-100"),
        ("queues: [{id: q, dialing: {outbound_reserve: -1}}]\n", "1:46: outbound_reserve -1 is outside 0-100000"),
        ("queues: [{id: q, dialing: {retry_delay: soon}}]\n", "1:41: retry_delay must be a duration such as 30s, 3m, 1h30m or 250ms (a bare number means seconds), not 'soon'"),
        ("queues: [{id: q, dialing: {retries: 2}}]\n", "1:28: unknown key 'retries' in dialing; expected one of: max_attempts, retry_delay, outbound_reserve"),
        ("queues: [{id: q, dialing: 3}]\n", "1:27: dialing must be a mapping of keys to values, not '3'"),
    ]

    @Test(arguments: mistakes)
    func mistakesAreReportedWhereTheyAreWritten(yaml: String, expected: String) {
        #expect(parseError(yaml)?.description == "\(testFile):\(expected)")
    }
}
