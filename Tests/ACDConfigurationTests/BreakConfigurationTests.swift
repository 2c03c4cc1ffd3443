import ACDConfiguration
import ACDCore
import Testing

/// The `breaks` section and the agents' `team`: parsed into the engine's break policy, and every
/// mistake reported at FILE:LINE:COLUMN.
@Suite struct BreakConfigurationTests {
    @Test func aFullPolicyIsParsed() throws {
        let configuration = try parse(minimal("""
            agents:
              - {id: ana, tiers: {q: 1}, team: north}
              - {id: bo, tiers: {q: 1}}
            breaks:
              reasons:
                - {id: break, daily_count: 3, daily_time: 30m, staggered: true}
                - {id: lunch, daily_count: 1, staggered: true}
                - {id: training}
              defer_while_calls_wait: true
              max_on_break: 25%
              over_limit: queue

            """))
        #expect(configuration.center.breaks == BreakPolicy(
            reasons: [
                BreakReason(.onBreak, dailyCount: 3, dailyTime: .seconds(1800), staggered: true),
                BreakReason(.lunch, dailyCount: 1, staggered: true),
                BreakReason(.training),
            ],
            deferWhileCallsWait: true, maxOnBreak: .percent(25), overLimit: .queue
        ))
        #expect(configuration.center.agents.map(\.team) == ["north", nil])
    }

    @Test func withoutTheSectionAnyReasonGoesAsBefore() throws {
        #expect(try parse(minimal()).center.breaks == BreakPolicy())
        let counted = try parse(minimal("breaks: {max_on_break: 2}\n")).center.breaks
        #expect(counted == BreakPolicy(maxOnBreak: .agents(2), overLimit: .refuse))
    }

    static let mistakes: [(yaml: String, expected: String)] = [
        ("breaks: {reasons: [{id: lunch, daly_count: 1}]}\n", "2:32: unknown key 'daly_count' in break reason 'lunch'; did you mean 'daily_count'?"),
        ("breaks: {defer_while_call_wait: true}\n", "2:10: unknown key 'defer_while_call_wait' in breaks; did you mean 'defer_while_calls_wait'?"),
        ("breaks: {over_limit: queued}\n", "2:22: unknown over_limit 'queued'; did you mean 'queue'?"),
        ("breaks: {max_on_break: 0}\n", "2:24: max_on_break (a number of agents, or a share such as 25%) 0 is outside 1-100000"),
        ("breaks: {max_on_break: 120%}\n", "2:24: max_on_break must be a number of agents or a share from 1% to 100%, not '120%'"),
        ("breaks: {reasons: [{daily_count: 1}]}\n", "2:20: a break reason needs an 'id'"),
        ("breaks: {reasons: [{id: lunch}, {id: lunch}]}\n", "2:38: break reason 'lunch' is defined twice (first at 2:25)"),
        ("breaks: {reasons: [{id: lunch, daily_time: -5m}]}\n", "2:44: daily_time must not be negative, found '-5m'"),
        ("breaks: {reasons: [{id: lunch, daily_count: many}]}\n", "2:45: daily_count must be a whole number, not 'many'"),
        ("breaks: {reasons: [{id: lunch, staggered: maybe}]}\n", "2:43: staggered must be true or false, not 'maybe'"),
        ("agents: [{id: ana, tiers: {q: 1}, team: \"\"}]\n", "2:41: team must not be empty"),
        ("agents: [{id: ana, tiers: {q: 1}, teams: north}]\n", "2:35: unknown key 'teams' in agent 'ana'; did you mean 'team'?"),
    ]

    @Test(arguments: mistakes)
    func mistakesAreReportedWhereTheyAreWritten(yaml: String, expected: String) {
        #expect(parseError(minimal(yaml))?.description == "\(testFile):\(expected)")
    }
}
