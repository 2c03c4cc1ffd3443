import ACDConfiguration
import ACDCore
import Testing

/// The `transfers` section (the consult timeout) and a queue's `escalation_queue`: parsed into
/// the engine's configuration, every mistake reported at FILE:LINE:COLUMN.
@Suite struct TransferConfigurationTests {
    @Test func theKeysAreParsed() throws {
        let configuration = try parse("""
            queues:
              - {id: sales, escalation_queue: supervisors}
              - {id: supervisors}
              - {id: support, escalation_queue: null}
            transfers: {consult_timeout: 45s}

            """)
        #expect(configuration.center.queues.map(\.escalationQueue) == ["supervisors", nil, nil])
        #expect(configuration.center.transfers == TransferPolicy(consultTimeout: .seconds(45)))
    }

    @Test func withoutTheKeysTheDefaultsApply() throws {
        let configuration = try parse(minimal())
        #expect(configuration.center.queues[0].escalationQueue == nil)
        #expect(configuration.center.transfers.consultTimeout == .seconds(20))
    }

    static let mistakes: [(yaml: String, expected: String)] = [
        ("queues: [{id: q}]\ntransfers: {consult_timeout: 0s}\n", "2:30: consult_timeout must be more than 0 and at most 10m, not '0s'"),
        ("queues: [{id: q}]\ntransfers: {consult_timeout: 11m}\n", "2:30: consult_timeout must be more than 0 and at most 10m, not '11m'"),
        ("queues: [{id: q}]\ntransfers: {consult_timout: 5s}\n", "2:13: unknown key 'consult_timout' in transfers; did you mean 'consult_timeout'?"),
        ("queues: [{id: q, escalation_queue: boss}]\n", "1:36: escalation_queue of queue 'q' names queue 'boss', which is not defined"),
        ("queues: [{id: q, escalation_queue: q}]\n", "1:36: queue 'q': escalation_queue cannot be the queue itself"),
        ("defaults: {escalation_queue: q}\nqueues: [{id: q}]\n",
         "1:12: unknown key 'escalation_queue' in defaults; expected one of: required_skills, strategy, tier_wait, overflow, "
            + "max_wait_no_agent, max_length, join_when_empty, offer_timeout, max_no_answer, reject_delay, wrap_up, max_call_duration, "
            + "service_level_threshold, weight, expected_handle_time, classification, hours, dialing"),
    ]

    @Test(arguments: mistakes)
    func mistakesAreReportedWhereTheyAreWritten(yaml: String, expected: String) {
        #expect(parseError(yaml)?.description == "\(testFile):\(expected)")
    }
}
