import ACDConfiguration
import Testing

/// Every kind of mistake is reported at the line and column to fix, as FILE:LINE:COLUMN: message.
@Suite struct ErrorLocationTests {
    static let cases: [(yaml: String, expected: String)] = [
        // The file as a whole.
        ("", "1:1: the file is empty; it must define at least one queue under 'queues'"),
        ("# comments only\n", "1:1: the file is empty; it must define at least one queue under 'queues'"),
        ("- q\n", "1:1: the configuration must be a mapping of keys to values, not a list"),
        ("socket: {}\n", "1:1: no queues: the configuration must list at least one queue under 'queues'"),
        ("queues: []\n", "1:9: queues must list at least one queue"),
        ("queues: [{id: q}]\n---\nqueues: [{id: r}]\n", "2:1: the file must hold a single YAML document; another one starts here"),

        // YAML syntax, as libyaml reports it.
        ("queues:\n  - id: q\n\tstrategy: random\n", "3:1: invalid YAML: found a tab character that violates indentation (while scanning a plain scalar at 2:9)"),
        ("queues: [{id: q}\n", "2:1: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence at 1:9)"),
        ("queues: [{id: q}]\nsocket: {path: \"/run/a\u{0}\"}\n", "2:23: invalid input: control characters are not allowed (U+0)"),
        (String(repeating: "[", count: 5000), "1:1: invalid YAML: nested more than 1000 levels deep"),
        ("queues: [{id: q}]\nroles: *nothing\n", "2:8: invalid YAML: found undefined alias"),

        // Unknown keys, with the known key meant when it is obvious.
        ("queues:\n  - id: q\n    stratgy: random\n", "3:5: unknown key 'stratgy' in queue 'q'; did you mean 'strategy'?"),
        ("queues:\n  - id: q\n    tierWait: 10s\n", "3:5: unknown key 'tierWait' in queue 'q'; did you mean 'tier_wait'?"),
        ("queues:\n  - id: q\n    ofer_timeout: 10s\n", "3:5: unknown key 'ofer_timeout' in queue 'q'; did you mean 'offer_timeout'?"),
        ("queues: [{id: q}]\nqueue: [{id: r}]\n", "2:1: unknown key 'queue' at the top level; did you mean 'queues'?"),
        (
            "queues: [{id: q}]\ncolor: blue\n",
            "2:1: unknown key 'color' at the top level; expected one of: socket, state_directory, journal, roles, limits, defaults, queues, agents, routing, handle_time_smoothing, removed_queue_calls, records, breaks, team_targets, last_agent_leaving, surveys, segments, transfers"
        ),
        ("socket: {path: /run/a.sock, mod: \"0600\"}\nqueues: [{id: q}]\n", "1:29: unknown key 'mod' in socket; did you mean 'mode'?"),
        ("defaults: {id: x}\nqueues: [{id: q}]\n", "1:12: unknown key 'id' in defaults; expected one of: required_skills, strategy, tier_wait, overflow, max_wait_no_agent, max_length, join_when_empty, offer_timeout, max_no_answer, reject_delay, wrap_up, max_call_duration, service_level_threshold, weight, expected_handle_time, classification, hours, dialing"),
        ("queues: [{id: q}]\nagents:\n  - id: ana\n    skill: {tax: 5}\n", "4:5: unknown key 'skill' in agent 'ana'; did you mean 'skills'?"),
        ("queues: [{id: q}]\nagents:\n  - id: ana\n    contact: \"\"\n", "4:14: contact must not be empty"),
        ("queues: [{id: q}]\nrouting:\n  - {matches: {ivr: \"1\"}, queue: q}\n", "3:6: unknown key 'matches' in a routing rule; did you mean 'match'?"),
        ("queues:\n  - id: q\n    overflow: [{after: 1m, leav: true}]\n", "3:28: unknown key 'leav' in an overflow step; did you mean 'leave'?"),
        ("queues:\n  - id: q\n    <<: {weight: 2}\n", "3:5: unknown key '<<' in queue 'q'; YAML merge keys are not supported; queue options shared by every queue go in 'defaults'"),

        // Wrong types.
        ("queues: {id: q}\n", "1:9: queues must be a list, not a mapping"),
        ("queues: [q]\n", "1:10: a queue must be a mapping of keys to values, not 'q'"),
        ("queues:\n  - id: q\n    weight: heavy\n", "3:13: weight must be a whole number, not 'heavy'"),
        ("queues:\n  - id: q\n    max_length: \"10\"\n", "3:17: max_length must be a whole number, not '10'"),
        ("queues:\n  - id: q\n    max_length: 99999999999999999999\n", "3:17: max_length 99999999999999999999 is too large"),
        ("queues:\n  - id: q\n    join_when_empty: yes\n", "3:22: join_when_empty must be true or false, not 'yes'"),
        ("queues:\n  - id: q\n    strategy: [random]\n", "3:15: strategy must be a string, not a list"),
        ("queues:\n  - id: q\n    strategy: longest_idle\n", "3:15: unknown strategy 'longest_idle'; did you mean 'longest-idle'?"),
        (
            "queues:\n  - id: q\n    strategy: fastest\n",
            "3:15: unknown strategy 'fastest'; expected one of: longest-idle, round-robin, fewest-calls, least-talk-time, top-down, random, best-proficiency, ring-all"
        ),
        ("queues:\n  - id: q\n    required_skills: tax\n", "3:22: required_skills must map skills to a minimum proficiency ({tax: 5}) or list skills ([tax]), not 'tax'"),
        ("queues:\n  - id: q\n    required_skills: [tax, tax]\n", "3:28: skill 'tax' is required twice (first at 3:23)"),
        ("queues: [{id: q}]\nagents: [{id: ana, skills: [tax]}]\n", "2:28: skills must be a mapping of keys to values, not a list"),
        ("queues: [{id: q}]\nagents: [{id: ana, skills: {tax: high}}]\n", "2:34: the proficiency in 'tax' must be a whole number, not 'high'"),
        ("queues: [{id: q}]\nhandle_time_smoothing: little\n", "2:24: handle_time_smoothing must be a number such as 0.1, not 'little'"),
        ("queues: [{id: q}]\nroles: {adapter_groups: tel}\n", "2:25: adapter_groups must be a list, not 'tel'"),
        ("queues:\n  - id: q\n    strategy: \"fast\\nest\"\n", "3:15: unknown strategy 'fast\\nest'; expected one of: longest-idle, round-robin, fewest-calls, least-talk-time, top-down, random, best-proficiency, ring-all"),
        ("queues: [{id: q}]\n\(String(repeating: "k", count: 60)): 1\n", "2:1: unknown key '\(String(repeating: "k", count: 40))...' at the top level; expected one of: socket, state_directory, journal, roles, limits, defaults, queues, agents, routing, handle_time_smoothing, removed_queue_calls, records, breaks, team_targets, last_agent_leaving, surveys, segments, transfers"),
        ("queues: [{id: q}]\nroles: {supervisor_groups: [\"a:b\"]}\n", "2:29: each of supervisor_groups 'a:b' is not a valid Unix name"),
        ("queues: [{id: q}]\nlimits: {max_line_bytes: 10}\n", "2:26: max_line_bytes 10 is outside 1024-67108864"),
        ("queues: [{id: q}]\nlimits: {max_output_queue: 0}\n", "2:28: max_output_queue 0 is outside 1-10000000"),
        ("queues: [{id: q}]\nsocket: {mode: \"999\"}\n", "2:16: mode must be octal permissions such as \"0660\", not '999'"),
        ("queues: [{id: q}]\nsocket: {mode: \"01777\"}\n", "2:16: mode must be octal permissions such as \"0660\", not '01777'"),
        ("queues: [{id: q}]\nsocket: {path: \"\"}\n", "2:16: path must not be empty"),
        (
            "queues: [{id: q}]\nsocket: {path: /\(String(repeating: "x", count: 110))}\n",
            "2:16: socket path '/\(String(repeating: "x", count: 110))' is 111 bytes long; a Unix socket path holds at most 107"
        ),
        ("queues: [{id: \"a queue\"}]\n", "1:15: id 'a queue' must not contain spaces or control characters"),
        ("queues: [{id: \"\"}]\n", "1:15: id must not be empty"),
        ("queues: [{id: [q]}]\n", "1:15: id must be a string, not a list"),

        // Duplicates.
        ("queues:\n  - id: q\n    strategy: random\n    weight: 2\n    strategy: top-down\n", "5:5: duplicate key 'strategy' (first given at 3:5)"),
        ("queues:\n  - id: q\n    strategy: random\n    \"strategy\": top-down\n", "4:5: duplicate key 'strategy' (first given at 3:5)"),
        ("queues: [{id: q, weight: 1, weight: 2}]\n", "1:29: duplicate key 'weight' (first given at 1:18)"),
        ("queues: [{id: q, \"weight\": 1, tiers: {a: 1, weight: 2},\n  weight: 2}]\n", "2:3: duplicate key 'weight' (first given at 1:18)"),
        ("queues: [{id: q}]\nagents: [{id: ana, skills: {1: 3, \"1\": 4}}]\n", "2:35: duplicate key '1' (first given at 2:29)"),
        // A mapping of more than 16 keys is searched through an index: the same places.
        (
            "queues: [{id: q}]\nagents: [{id: ana, skills: {\((1...19).map { "s\($0): 1" }.joined(separator: ", ")), s3: 2}}]\n",
            "2:172: duplicate key 's3' (first given at 2:43)"
        ),
        ("queues:\n  - id: q\n  - id: r\n  - id: q\n", "4:9: queue 'q' is defined twice (first at 2:9)"),
        ("queues: [{id: q}]\nagents:\n  - id: ana\n  - id: ana\n", "4:9: agent 'ana' is defined twice (first at 3:9)"),
        ("queues: [{id: q}]\nagents:\n  - {id: ana, user: u}\n  - {id: bo, user: u}\n", "4:20: user 'u' already drives agent 'ana' (at 3:21)"),

        // Missing ids and required keys.
        ("queues:\n  - strategy: random\n", "2:5: a queue needs an 'id'"),
        ("queues: [{id: q}]\nagents:\n  - name: Ana\n", "3:5: an agent needs an 'id'"),
        ("queues: [{id: q}]\nrouting:\n  - priority: 3\n", "3:5: a routing rule needs a 'queue'"),
        ("queues:\n  - id: q\n    overflow: [{leave: true}]\n", "3:16: an overflow step needs 'after', the wait in the queue before it applies"),
        ("queues:\n  - id: q\n    overflow: [{after: 1m}]\n", "3:16: an overflow step needs one of move_to, widen, leave or divert"),
        ("queues:\n  - id: q\n    overflow: [{after: 1m, leave: true, divert: x}]\n", "3:41: an overflow step takes one action, not both 'leave' and 'divert'"),
        ("queues:\n  - id: q\n    overflow: [{after: 0, leave: true}]\n", "3:24: after must be a positive wait, not '0'"),
        ("queues:\n  - id: q\n    overflow: [{after: 1m, leave: false}]\n", "3:35: leave must be true; a step that does nothing has no place in overflow"),
        ("queues:\n  - id: q\n    max_call_duration: {hard: 1h}\n", "3:24: max_call_duration needs 'soft', the time of the first notice"),

        // The engine's validation, at the place it names.
        ("queues: [{id: q}]\nagents:\n  - id: ana\n    skills: {tax: 11}\n", "4:19: agent 'ana': proficiency 11 in 'tax' is outside 1-10"),
        (
            "queues: [{id: q}]\nagents: [{id: ana, skills: {\((1...19).map { "s\($0): 1" }.joined(separator: ", ")), s20: 11}}]\n",
            "2:177: agent 'ana': proficiency 11 in 's20' is outside 1-10"
        ),
        ("queues: [{id: q}]\nagents:\n  - id: ana\n    tiers: {q: 10}\n", "4:16: agent 'ana': tier 10 in queue 'q' is outside 1-9"),
        ("queues: [{id: q}]\nagents:\n  - id: ana\n    tiers: {nowhere: 1}\n", "4:13: agent 'ana' names queue 'nowhere', which is not defined"),
        (
            "queues: [{id: q, required_skills: [tax]}]\nagents:\n  - id: ana\n    tiers: {q: 1}\n",
            "4:13: agent 'ana' has a tier in queue 'q' but lacks the skills it requires"
        ),
        ("queues: [{id: q, required_skills: {tax: 0}}]\n", "1:41: queue 'q': minimum proficiency 0 in 'tax' is outside 1-10"),
        ("queues:\n  - id: q\n    overflow: [{after: 1m, move_to: elsewhere}]\n", "3:37: overflow of queue 'q' names queue 'elsewhere', which is not defined"),
        ("queues:\n  - id: q\n    overflow: [{after: 1m, widen: [q, q]}]\n", "3:15: queue 'q': overflow names a queue twice in one widen"),
        ("queues:\n  - id: q\n    overflow: [{after: 1m, move_to: q}]\n", "3:15: queue 'q': overflow cannot move a call to its own queue"),
        ("queues:\n  - id: q\n    weight: 0\n", "3:13: queue 'q': weight must be 1-1000"),
        ("queues:\n  - id: q\n    offer_timeout: 0s\n", "3:20: queue 'q': offer_timeout must be positive"),
        ("queues:\n  - id: q\n    max_length: -1\n", "3:17: queue 'q': max_length must not be negative"),
        ("queues:\n  - id: q\n    max_call_duration: {soft: 10m, hard: 5m}\n", "3:42: queue 'q': max_call_duration_hard must not be below the soft limit"),
        ("queues:\n  - id: q\n    max_call_duration: 0\n", "3:24: queue 'q': max_call_duration must be positive"),
        // An option inherited from `defaults` is reported where `defaults` sets it.
        ("defaults:\n  weight: 0\nqueues:\n  - id: q\n", "2:11: queue 'q': weight must be 1-1000"),
        ("queues: [{id: q}]\nhandle_time_smoothing: 0\n", "2:24: handle-time smoothing 0.0 is outside (0, 1]"),

        // Routing rules.
        ("queues: [{id: tax}]\nrouting:\n  - {match: {ivr: \"2\"}, queue: taxes}\n", "3:32: routing rule names queue 'taxes', which is not defined; did you mean 'tax'?"),
        ("queues: [{id: q}]\nrouting:\n  - {queue: q, priority: 10}\n", "3:26: priority 10 is outside 0-9"),
        ("queues: [{id: q}]\nrouting:\n  - {match: {dnis: []}, queue: q}\n", "3:20: 'dnis' must give at least one value to match"),
        ("queues: [{id: q}]\nrouting:\n  - {match: [dnis], queue: q}\n", "3:13: match must be a mapping of keys to values, not a list"),
    ]

    @Test(arguments: cases)
    func reportedAtTheRightPlace(yaml: String, expected: String) {
        #expect(parseError(yaml)?.description == "\(testFile):\(expected)")
    }

    @Test func descriptionIsFileLineColumnMessage() {
        let error = ConfigurationFileError(file: "acdd.yaml", line: 3, column: 7, message: "something is wrong")
        #expect(error.description == "acdd.yaml:3:7: something is wrong")
    }
}
