import ACDConfiguration
import ACDCore
import ACDJournal
import Testing

/// Every key left out takes its documented default.
@Suite struct DefaultsTests {
    @Test func daemonDefaults() throws {
        let configuration = try parse(minimal())
        #expect(configuration.socket == SocketConfiguration(path: "/etc/acdd/run/acdd.sock", mode: 0o660, group: nil))
        #expect(configuration.stateDirectory == "/etc/acdd/state")
        #expect(configuration.roles == AccessRoles(adapterGroups: [], supervisorGroups: [], agentGatewayGroups: []))
        #expect(configuration.limits.maxLineBytes == 65_536)
        #expect(configuration.limits.maxOutputQueue == 10_000)
        #expect(configuration.limits.adapterGrace == .seconds(30))
        #expect(configuration.limits.positionInterval == .seconds(15))
        #expect(configuration.routing.isEmpty)
        #expect(configuration.agentUsers.isEmpty)
        #expect(configuration.center.handleTimeSmoothing == 0.1)
        #expect(configuration.center.agents.isEmpty)
    }

    @Test func queueDefaultsAreTheEngines() throws {
        let queue = try #require(try parse(minimal()).center.queues.first)
        #expect(queue == QueueConfiguration(id: "q"))
        #expect(queue.requiredSkills.isEmpty)
        #expect(queue.strategy == .longestIdle)
        #expect(queue.tierWait == .seconds(30))
        #expect(queue.overflow.isEmpty)
        #expect(queue.maxWaitWithNoAgent == nil)
        #expect(queue.maxLength == nil)
        #expect(queue.joinWhenEmpty)
        #expect(queue.offerTimeout == .seconds(20))
        #expect(queue.maxNoAnswer == 3)
        #expect(queue.rejectDelay == .seconds(10))
        #expect(queue.wrapUp == .seconds(30))
        #expect(queue.maxCallDuration == nil)
        #expect(queue.serviceLevelThreshold == .seconds(20))
        #expect(queue.weight == 1)
        #expect(queue.expectedHandleTime == .seconds(180))
    }

    @Test func agentDefaults() throws {
        let configuration = try parse(minimal("agents: [{id: ana}]\n"))
        #expect(configuration.center.agents == [AgentConfiguration(id: "ana", name: "ana")])
        #expect(configuration.agentUsers.isEmpty)
    }

    @Test func emptySectionsTakeTheirDefaults() throws {
        let configuration = try parse(minimal("socket:\nroles:\nlimits:\ndefaults:\nagents:\nrouting:\n"))
        #expect(configuration == (try parse(minimal())))
    }

    @Test func defaultsApplyToQueuesThatDoNotSetTheOption() throws {
        let configuration = try parse("""
            defaults:
              strategy: random
              wrap_up: 1m
              max_length: 5
              required_skills: [general]
              overflow: [{after: 3m, leave: true}]
            queues:
              - id: a
              - id: b
                strategy: top-down
                max_length: ~
                required_skills: {other: 2}
                overflow: []
            """)
        let queues = configuration.center.queues
        #expect(queues[0] == QueueConfiguration(
            id: "a", requiredSkills: [SkillRequirement("general")], strategy: .random,
            overflow: [OverflowStep(after: .seconds(180), action: .leave)], maxLength: 5, wrapUp: .seconds(60)
        ))
        #expect(queues[1] == QueueConfiguration(
            id: "b", requiredSkills: [SkillRequirement("other", minimumProficiency: 2)], strategy: .topDown,
            wrapUp: .seconds(60)
        ))
    }

    @Test func everyOptionIsRead() throws {
        let configuration = try parse("""
            socket: {path: /run/acdd/acdd.sock, mode: "0600", group: acd}
            state_directory: /var/lib/acdd
            roles:
              adapter_groups: [tel]
              supervisor_groups: [sup, jefes]
              agent_gateway_groups: [gw]
            limits: {max_line_bytes: 4096, max_output_queue: 50, adapter_grace: 1m, position_interval: 0}
            handle_time_smoothing: 0.25
            queues:
              - id: q
                required_skills: {tax: 3, spanish: 1}
                strategy: ring-all
                tier_wait: 0
                overflow:
                  - {after: 1m, widen: [r]}
                  - {after: 2m, move_to: r}
                max_wait_no_agent: 2m
                max_length: 10
                join_when_empty: false
                offer_timeout: 15s
                max_no_answer: 0
                reject_delay: 5s
                wrap_up: 45s
                max_call_duration: {soft: 15m, hard: 20m}
                service_level_threshold: 30s
                weight: 3
                expected_handle_time: 4m
              - id: r
                overflow: [{after: 1h, divert: "sip:otra@sede.example"}]
                max_call_duration: 10m
            agents:
              - id: ana
                name: Ana García
                user: ana
                skills: {tax: 5, spanish: 9}
                tiers: {q: 2, r: 1}
                wrap_up: 1m
            """)
        #expect(configuration.socket == SocketConfiguration(path: "/run/acdd/acdd.sock", mode: 0o600, group: "acd"))
        #expect(configuration.stateDirectory == "/var/lib/acdd")
        #expect(configuration.roles == AccessRoles(adapterGroups: ["tel"], supervisorGroups: ["sup", "jefes"], agentGatewayGroups: ["gw"]))
        #expect(configuration.limits == DaemonLimits(maxLineBytes: 4096, maxOutputQueue: 50, adapterGrace: .seconds(60), positionInterval: .zero))
        #expect(configuration.center.handleTimeSmoothing == 0.25)
        #expect(configuration.center.queues == [
            QueueConfiguration(
                id: "q",
                requiredSkills: [SkillRequirement("tax", minimumProficiency: 3), SkillRequirement("spanish")],
                strategy: .ringAll,
                tierWait: .zero,
                overflow: [OverflowStep(after: .seconds(60), action: .widen(["r"])), OverflowStep(after: .seconds(120), action: .moveTo("r"))],
                maxWaitWithNoAgent: .seconds(120),
                maxLength: 10,
                joinWhenEmpty: false,
                offerTimeout: .seconds(15),
                maxNoAnswer: 0,
                rejectDelay: .seconds(5),
                wrapUp: .seconds(45),
                maxCallDuration: CallDurationLimit(soft: .seconds(900), hard: .seconds(1200)),
                serviceLevelThreshold: .seconds(30),
                weight: 3,
                expectedHandleTime: .seconds(240)
            ),
            QueueConfiguration(
                id: "r",
                overflow: [OverflowStep(after: .seconds(3600), action: .divert(destination: "sip:otra@sede.example"))],
                maxCallDuration: CallDurationLimit(soft: .seconds(600))
            ),
        ])
        #expect(configuration.center.agents == [
            AgentConfiguration(id: "ana", name: "Ana García", skills: ["tax": 5, "spanish": 9], tiers: ["q": 2, "r": 1], wrapUp: .seconds(60)),
        ])
        #expect(configuration.agentUsers == ["ana": "ana"])
    }

    @Test(arguments: [
        ("\"0660\"", UInt32(0o660)), ("0660", 0o660), ("660", 0o660), ("'0600'", 0o600), ("0o640", 0o640), ("0777", 0o777),
    ])
    func socketModeIsOctal(text: String, mode: UInt32) throws {
        #expect(try parse(minimal("socket: {mode: \(text)}\n")).socket.mode == mode)
    }

    @Test func relativePathsResolveAgainstTheFilesDirectory() throws {
        let configuration = try parse(minimal("socket: {path: ../run/./acdd.sock}\nstate_directory: data//journal/\n"))
        #expect(configuration.socket.path == "/etc/run/acdd.sock")
        #expect(configuration.stateDirectory == "/etc/acdd/data/journal")
    }
}

struct JournalConfigurationTests {
    @Test func theJournalDefaultsToProcessDurability() throws {
        let configuration = try parse("queues: [{id: q}]\n")
        #expect(configuration.journal == JournalConfiguration(durability: .process, snapshotEvery: 10_000))
    }

    @Test func durabilityAndSnapshotsAreRead() throws {
        let configuration = try parse("queues: [{id: q}]\njournal: {durability: power, snapshot_every: 500}\n")
        #expect(configuration.journal == JournalConfiguration(durability: .power, snapshotEvery: 500))
    }

    @Test func theHistoryIsADurationAndZeroTurnsItOff() throws {
        #expect(try parse("queues: [{id: q}]\n").journal.history == .seconds(86_400))
        #expect(try parse("queues: [{id: q}]\njournal: {history: 2h}\n").journal.history == .seconds(7_200))
        #expect(try parse("queues: [{id: q}]\njournal: {history: 0s}\n").journal.history == .zero)
    }

    @Test func anUnknownDurabilityIsAnErrorWithAHint() {
        let error = parseError("queues: [{id: q}]\njournal: {durability: powr}\n")
        #expect(error.map { "\($0)" }?.contains("unknown durability 'powr'; did you mean 'power'?") == true, "\(String(describing: error))")
    }
}

struct RemovedQueueCallsTests {
    @Test func callsOfARemovedQueueLeaveByDefault() throws {
        #expect(try parse(minimal()).removedQueueCalls == .leave)
        #expect(try parse(minimal("removed_queue_calls: leave\n")).removedQueueCalls == .leave)
    }

    @Test func aConfiguredQueueReceivesThem() throws {
        let configuration = try parse("queues: [{id: q}, {id: general}]\nremoved_queue_calls: general\n")
        #expect(configuration.removedQueueCalls == .moveTo("general"))
    }

    @Test func anUnknownQueueIsAnErrorAtItsPlaceWithAHint() {
        let error = parseError("queues: [{id: q}, {id: general}]\nremoved_queue_calls: generl\n")
        #expect(error.map { "\($0)" }?.contains("2:22: removed_queue_calls must be 'leave' or a configured queue, not 'generl'; did you mean 'general'?") == true,
                "\(String(describing: error))")
    }
}

struct DailyTargetConfigurationTests {
    @Test func anAgentsOwnTargetWinsOverItsTeams() throws {
        let configuration = try parse("""
            queues: [{id: q}]
            agents:
              - {id: ana, team: sales}
              - {id: bo, team: sales, daily_target: 12}
              - {id: cy}
            team_targets: {sales: 30}
            """)
        #expect(configuration.center.agents.map(\.dailyTarget) == [30, 12, nil])
    }

    @Test func aTeamNoAgentBelongsToIsAnErrorWithAHint() {
        let error = parseError("queues: [{id: q}]\nagents: [{id: ana, team: sales}]\nteam_targets: {sale: 30}\n")
        #expect(error.map { "\($0)" }?.contains("3:16: team_targets names team 'sale', which no agent belongs to; did you mean 'sales'?") == true,
                "\(String(describing: error))")
    }
}

struct LeavingConfigurationTests {
    @Test func theLastAgentIsWarnedByDefaultAndCanBeRefused() throws {
        #expect(try parse("queues: [{id: q}]\n").center.lastAgentLeaving == .warn)
        #expect(try parse("queues: [{id: q}]\nlast_agent_leaving: refuse\n").center.lastAgentLeaving == .refuse)
        let error = parseError("queues: [{id: q}]\nlast_agent_leaving: never\n")
        #expect(error.map { "\($0)" }?.contains("2:21: last_agent_leaving must be 'warn' or 'refuse', not 'never'") == true, "\(String(describing: error))")
    }
}
