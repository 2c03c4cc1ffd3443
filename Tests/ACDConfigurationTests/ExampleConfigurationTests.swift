import ACDConfiguration
import ACDCore
import Foundation
import Testing

/// config/acdd.yaml, the documented example: a small Spanish-speaking center.
@Suite struct ExampleConfigurationTests {
    static let configDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("config").path
    let configuration: DaemonConfiguration

    init() throws {
        configuration = try DaemonConfiguration.load(path: Self.configDirectory + "/acdd.yaml")
    }

    func queue(_ id: QueueID) throws -> QueueConfiguration {
        try #require(configuration.center.queues.first { $0.id == id })
    }

    func agent(_ id: AgentID) throws -> AgentConfiguration {
        try #require(configuration.center.agents.first { $0.id == id })
    }

    @Test func daemonSettings() {
        #expect(configuration.socket == SocketConfiguration(path: Self.configDirectory + "/run/acdd.sock", mode: 0o660, group: nil))
        #expect(configuration.stateDirectory == Self.configDirectory + "/state")
        #expect(configuration.roles == AccessRoles(
            adapterGroups: ["acd-telefonia"], supervisorGroups: ["acd-supervisores"], agentGatewayGroups: ["acd-pasarela"]
        ))
        #expect(configuration.limits == DaemonLimits())
        #expect(configuration.center.handleTimeSmoothing == 0.1)
    }

    @Test func queues() throws {
        #expect(configuration.center.queues.map(\.id) == ["contable", "impuestos", "tecnologia", "derecho", "gerencia", "renovaciones"])
        #expect(try queue("renovaciones").dialing == DialPolicy(maxAttempts: 4, retryDelay: .seconds(7200), outboundReserve: 1))
        #expect(try queue("contable").dialing == DialPolicy())
        let contable = try queue("contable")
        #expect(contable.requiredSkills == [SkillRequirement("contable")])
        #expect(contable.overflow == [
            OverflowStep(after: .seconds(90), action: .widen(["impuestos"])),
            OverflowStep(after: .seconds(180), action: .leave),
        ])
        let impuestos = try queue("impuestos")
        #expect(impuestos.requiredSkills == [SkillRequirement("impuestos", minimumProficiency: 3)])
        #expect(impuestos.strategy == .fewestCalls)
        #expect(impuestos.maxLength == 30)
        #expect(impuestos.escalationQueue == "gerencia")
        #expect(configuration.center.transfers.consultTimeout == .seconds(20))
        let tecnologia = try queue("tecnologia")
        #expect(tecnologia.tierWait == .seconds(45))
        #expect(tecnologia.expectedHandleTime == .seconds(360))
        #expect(tecnologia.overflow == [OverflowStep(after: .seconds(300), action: .divert(destination: "sip:soporte@partner.example.com"))])
        let derecho = try queue("derecho")
        #expect(derecho.strategy == .bestProficiency)
        #expect(derecho.wrapUp == .seconds(120))
        #expect(derecho.serviceLevelThreshold == .seconds(30))
        let hours = try #require(derecho.hours)
        #expect(hours.timeZone == "Europe/Madrid")
        #expect(hours.week[.monday] == [DailySpan(opens: 495, closes: 840), DailySpan(opens: 900, closes: 1035)])
        #expect(hours.week[.saturday] == nil)
        #expect(hours.holidays.count == 3)
        #expect(hours.whenClosed == .voicemail("sip:buzon-derecho@pbx.local") && hours.atClosing == .serve)
        #expect(try queue("contable").hours == nil)
        let gerencia = try queue("gerencia")
        #expect(gerencia.strategy == .topDown)
        #expect(!gerencia.joinWhenEmpty)
        #expect(gerencia.maxWaitWithNoAgent == .seconds(120))
        #expect(gerencia.weight == 3)
        #expect(gerencia.overflow.isEmpty)
        #expect(gerencia.maxCallDuration == nil)
    }

    @Test func defaultsReachQueuesThatDoNotOverrideThem() throws {
        for id: QueueID in ["contable", "impuestos", "tecnologia", "derecho", "gerencia"] {
            #expect(try queue(id).offerTimeout == .seconds(18))
        }
        let impuestos = try queue("impuestos")
        #expect(impuestos.wrapUp == .seconds(45))
        #expect(impuestos.overflow == [OverflowStep(after: .seconds(180), action: .leave)])
        #expect(impuestos.maxCallDuration == CallDurationLimit(soft: .seconds(900), hard: .seconds(1500)))
        #expect(impuestos.tierWait == .seconds(30))
        #expect(impuestos.classification == ClassificationCatalogue(
            required: true, motives: [.init("consulta"), .init("reclamacion", subMotives: ["facturacion", "servicio"]), .init("informacion")]
        ))
        #expect(try queue("tecnologia").classification == ClassificationCatalogue(
            required: true, motives: [.init("incidencia", subMotives: ["hardware", "software", "red"]), .init("consulta")]
        ))
        #expect(configuration.center.surveys == SurveyPolicy(window: .seconds(3600)))
    }

    @Test func agents() throws {
        #expect(configuration.center.agents.map(\.id) == [
            "ana", "bruno", "carmen", "diego", "elena", "fernando", "gabriela", "hector", "isabel", "jorge",
        ])
        #expect(try agent("ana") == AgentConfiguration(
            id: "ana", name: "Ana García", skills: ["contable": 8, "impuestos": 5], tiers: ["impuestos": 2], team: "fiscal",
            dailyTarget: 30
        ))
        #expect(try agent("fernando").team == "soporte")
        #expect(try agent("fernando").dailyTarget == 40)
        #expect(try agent("jorge").dailyTarget == 20)
        #expect(try agent("isabel").team == nil)
        #expect(try agent("diego").tiers == ["tecnologia": 1])
        #expect(try agent("elena").tiers == ["tecnologia": 2])
        #expect(try agent("fernando").tiers == ["tecnologia": 3])
        #expect(try agent("fernando").wrapUp == .seconds(90))
        #expect(try agent("hector").name == "Héctor Molina")
        #expect(configuration.agentUsers.count == 10)
        #expect(configuration.agentUsers["jorge"] == "jorge")
        #expect(configuration.agentContacts["ana"] == "sip:1001@pbx.local")
        #expect(configuration.agentContacts["jorge"] == nil)
    }

    @Test func routing() {
        func route(_ attributes: [String: String], segment: String? = nil) -> String? {
            configuration.route(attributes: attributes, segment: segment).map { "\($0.queue) \($0.priority)" }
        }
        #expect(configuration.routing.count == 12)
        #expect(route(["ivr": "3"], segment: "vip") == "tecnologia 8")
        #expect(route(["ivr": "9"], segment: "vip") == "gerencia 8")
        #expect(route(["dnis": "+34900100900"]) == "gerencia 5")
        #expect(route(["dnis": "+34900100301", "ivr": "1"]) == "tecnologia 0")
        #expect(route(["ivr": "2"]) == "impuestos 0")
        #expect(route(["ivr": "4"]) == "derecho 0")
        #expect(route(["ivr": "7"]) == "contable 0")
        #expect(route([:]) == "contable 0")
    }

    @Test func breaks() {
        #expect(configuration.center.breaks == BreakPolicy(
            reasons: [
                BreakReason(.onBreak, dailyCount: 3, dailyTime: .seconds(1800), staggered: true),
                BreakReason(.lunch, dailyCount: 1, dailyTime: .seconds(3600), staggered: true),
                BreakReason(.training),
                BreakReason(.meeting, dailyTime: .seconds(7200)),
            ],
            deferWhileCallsWait: true, maxOnBreak: .agents(1), overLimit: .queue
        ))
    }

    @Test func theEngineAcceptsTheCenter() throws {
        let engine = try RoutingEngine(configuration: configuration.center, start: .seconds(0), seed: 1)
        #expect(engine.queueIDs.count == 6)
    }

    /// Every key the loader knows is documented in the example, commented out or not.
    @Test func everyKeyIsDocumented() throws {
        let text = try String(contentsOfFile: Self.configDirectory + "/acdd.yaml", encoding: .utf8)
        let keys = [
            "socket", "path", "mode", "group", "state_directory", "roles", "adapter_groups", "supervisor_groups",
            "agent_gateway_groups", "journal", "durability", "snapshot_every", "limits", "max_line_bytes", "max_output_queue", "adapter_grace", "position_interval",
            "defaults", "queues", "agents", "routing", "handle_time_smoothing",
            "required_skills", "strategy", "tier_wait", "overflow", "max_wait_no_agent", "max_length", "join_when_empty",
            "offer_timeout", "max_no_answer", "reject_delay", "wrap_up", "max_call_duration", "soft", "hard",
            "service_level_threshold", "weight", "expected_handle_time",
            "after", "move_to", "widen", "leave", "divert",
            "id", "name", "user", "skills", "tiers", "match", "queue", "priority", "team",
            "breaks", "reasons", "daily_count", "daily_time", "staggered", "defer_while_calls_wait", "max_on_break", "over_limit",
            "removed_queue_calls", "records", "retention_days", "short_abandon", "history", "daily_target", "team_targets", "last_agent_leaving",
            "classification", "required", "call_types", "motives", "max_notes", "surveys", "window",
            "dialing", "max_attempts", "retry_delay", "outbound_reserve", "when_closed", "at_closing",
        ]
        for key in keys {
            #expect(text.contains("\(key):"), "\(key) is not documented")
        }
    }
}
