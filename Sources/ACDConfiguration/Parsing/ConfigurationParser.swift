import ACDCore
import ACDJournal
import Yams

/// Turns the YAML tree of a configuration file into a `DaemonConfiguration`, refusing anything it
/// does not understand at the place it is written.
struct ConfigurationParser {
    let reader: YAMLReader
    /// The absolute directory relative paths are resolved against: the configuration file's.
    let baseDirectory: String
    var locations = SourceLocations()

    static let topLevelKeys = [
        "socket", "state_directory", "journal", "roles", "limits", "defaults", "queues", "agents", "routing",
        "handle_time_smoothing", "removed_queue_calls", "records", "breaks", "team_targets", "last_agent_leaving", "surveys",
        "segments",
        "transfers",
    ]

    init(file: String, baseDirectory: String) {
        reader = YAMLReader(file: file)
        self.baseDirectory = baseDirectory
    }

    /// The part of the file read first: the top level's keys, the socket, the state directory and
    /// the journal settings.
    struct Head {
        let top: YAMLMapping
        let socket: SocketConfiguration
        let stateDirectory: String
        let journal: JournalConfiguration
    }

    /// Checks the top level's keys and reads the socket, the state directory and the journal
    /// settings: what the daemon needs before the rest (it opens the journal meanwhile).
    func parseHead(_ root: Node?) throws(ConfigurationFileError) -> Head {
        guard let root else {
            throw reader.error("the file is empty; it must define at least one queue under 'queues'", at: .start)
        }
        let top = try reader.mapping(root, "the configuration")
        try top.rejectUnknownKeys(Self.topLevelKeys, in: "at the top level", reader: reader)

        let socket = try parseSocket(top["socket"])
        var stateDirectory = resolvedPath(DaemonConfiguration.defaultStateDirectory)
        if let node = top["state_directory"] {
            stateDirectory = try path(node, "state_directory")
        }
        return Head(top: top, socket: socket, stateDirectory: stateDirectory, journal: try parseJournal(top["journal"]))
    }

    /// The rest of the file, after its `head`.
    mutating func parse(after head: Head) throws(ConfigurationFileError) -> DaemonConfiguration {
        let (top, socket, stateDirectory, journal) = (head.top, head.socket, head.stateDirectory, head.journal)
        let records = try parseRecords(top["records"])
        let roles = try parseRoles(top["roles"])
        let limits = try parseLimits(top["limits"])
        let template = try parseDefaults(top["defaults"])
        guard let queuesNode = top["queues"] else {
            throw reader.error("no queues: the configuration must list at least one queue under 'queues'", at: top.position)
        }
        let queues = try parseQueues(queuesNode, template: template)
        let (agents, agentUsers, agentContacts) = try parseAgents(top["agents"])
        let breaks = try parseBreaks(top["breaks"])
        let agentsWithTargets = try applyTeamTargets(top["team_targets"], to: agents)
        var center = CenterConfiguration(queues: queues, agents: agentsWithTargets, breaks: breaks)
        center.surveys = try parseSurveys(top["surveys"])
        center.segments = try parseSegments(top["segments"])
        center.transfers = try parseTransfers(top["transfers"])
        if let node = top["last_agent_leaving"] {
            let text = try reader.string(node, "last_agent_leaving")
            guard let policy = LeavingPolicy(rawValue: text) else {
                throw reader.error("last_agent_leaving must be 'warn' or 'refuse', not \(YAMLReader.quoted(text))", at: node)
            }
            center.lastAgentLeaving = policy
        }
        if let node = top["handle_time_smoothing"] {
            center.handleTimeSmoothing = try reader.double(node, "handle_time_smoothing")
            locations.handleTimeSmoothing = SourcePosition(of: node)
        }
        let routing = try parseRouting(top["routing"], queues: queues.map(\.id))
        var removedQueueCalls = RemovedQueueTreatment.leave
        if let node = top["removed_queue_calls"] {
            let text = try reader.string(node, "removed_queue_calls")
            if text != "leave" {
                let known = queues.map(\.id)
                guard known.contains(QueueID(text)) else {
                    let hint = KeySuggestion.closest(to: text, among: ["leave"] + known.map(\.rawValue)).map { "; did you mean '\($0)'?" } ?? ""
                    throw reader.error("removed_queue_calls must be 'leave' or a configured queue, not \(YAMLReader.quoted(text))\(hint)", at: node)
                }
                removedQueueCalls = .moveTo(QueueID(text))
            }
        }

        do {
            try center.validate()
        } catch {
            throw reader.error(error.message, at: locations.position(of: error, in: center))
        }
        return DaemonConfiguration(
            socket: socket,
            stateDirectory: stateDirectory,
            journal: journal,
            records: records,
            roles: roles,
            limits: limits,
            routing: routing,
            agentUsers: agentUsers,
            agentContacts: agentContacts,
            center: center,
            removedQueueCalls: removedQueueCalls
        )
    }

    // MARK: Paths

    /// A path from the file, made absolute against the configuration file's directory.
    func path(_ node: Node, _ what: String) throws(ConfigurationFileError) -> String {
        let text = try reader.string(node, what)
        guard !text.isEmpty else { throw reader.error("\(what) must not be empty", at: node) }
        guard !text.unicodeScalars.contains("\0") else { throw reader.error("\(what) must not contain a NUL character", at: node) }
        return resolvedPath(text)
    }

    func resolvedPath(_ path: String) -> String {
        Self.normalized(path.hasPrefix("/") ? path : baseDirectory + "/" + path)
    }

    /// An absolute path without `.`, `..` or repeated slashes.
    static func normalized(_ path: String) -> String {
        var components: [Substring] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(component)
            }
        }
        return "/" + components.joined(separator: "/")
    }

    // MARK: Socket, roles, limits

    /// The longest path a Unix socket address holds (`sun_path` less its terminating NUL).
    static let maximumSocketPathBytes = 107

    func parseSocket(_ node: Node?) throws(ConfigurationFileError) -> SocketConfiguration {
        var socket = SocketConfiguration(path: resolvedPath(SocketConfiguration.defaultPath))
        guard let mapping = try reader.optionalMapping(node, "socket") else { return socket }
        try mapping.rejectUnknownKeys(["path", "mode", "group"], in: "in socket", reader: reader)
        if let node = mapping["path"] {
            socket.path = try path(node, "path")
            guard socket.path.utf8.count <= Self.maximumSocketPathBytes else {
                throw reader.error(
                    "socket path '\(socket.path)' is \(socket.path.utf8.count) bytes long; a Unix socket path holds at most \(Self.maximumSocketPathBytes)",
                    at: node
                )
            }
        }
        if let node = mapping["mode"] {
            socket.mode = try mode(node)
        }
        if let node = mapping["group"], !reader.isNull(node) {
            socket.group = try reader.unixName(node, "group")
        }
        return socket
    }

    /// Permission bits written in octal, quoted or not: `"0660"`, `0660`, `660` or `0o660`.
    func mode(_ node: Node) throws(ConfigurationFileError) -> UInt32 {
        if case .scalar(let scalar) = node {
            var digits = Substring(scalar.string)
            if digits.hasPrefix("0o") { digits = digits.dropFirst(2) }
            if (3...4).contains(digits.count), digits.unicodeScalars.allSatisfy({ $0.value >= 48 && $0.value <= 55 }),
               let value = UInt32(digits, radix: 8), value <= 0o777 {
                return value
            }
        }
        throw reader.error("mode must be octal permissions such as \"0660\", not \(reader.describe(node))", at: node)
    }

    func parseRoles(_ node: Node?) throws(ConfigurationFileError) -> AccessRoles {
        var roles = AccessRoles()
        guard let mapping = try reader.optionalMapping(node, "roles") else { return roles }
        try mapping.rejectUnknownKeys(["adapter_groups", "supervisor_groups", "agent_gateway_groups"], in: "in roles", reader: reader)
        roles.adapterGroups = try groups(mapping["adapter_groups"], "adapter_groups")
        roles.supervisorGroups = try groups(mapping["supervisor_groups"], "supervisor_groups")
        roles.agentGatewayGroups = try groups(mapping["agent_gateway_groups"], "agent_gateway_groups")
        return roles
    }

    private func groups(_ node: Node?, _ what: String) throws(ConfigurationFileError) -> [String] {
        var names: [String] = []
        for element in try reader.optionalSequence(node, what) {
            names.append(try reader.unixName(element, "each of \(what)"))
        }
        return names
    }

    func parseJournal(_ node: Node?) throws(ConfigurationFileError) -> JournalConfiguration {
        var journal = JournalConfiguration()
        guard let mapping = try reader.optionalMapping(node, "journal") else { return journal }
        try mapping.rejectUnknownKeys(["durability", "snapshot_every", "history"], in: "in journal", reader: reader)
        if let node = mapping["durability"] {
            let text = try reader.string(node, "durability")
            guard let durability = Durability(rawValue: text) else {
                let known = Durability.allCases.map(\.rawValue)
                let hint = KeySuggestion.closest(to: text, among: known).map { "did you mean '\($0)'?" }
                    ?? "expected one of: \(known.joined(separator: ", "))"
                throw reader.error("unknown durability \(YAMLReader.quoted(text)); \(hint)", at: node)
            }
            journal.durability = durability
        }
        if let node = mapping["snapshot_every"] {
            journal.snapshotEvery = try reader.int(node, "snapshot_every", in: 1...100_000_000)
        }
        if let node = mapping["history"] {
            journal.history = try reader.duration(node, "history")
        }
        return journal
    }

    /// `team_targets: {TEAM: CALLS}`: the daily target of every agent of the team that sets none of
    /// its own. A team no agent belongs to is an error.
    func applyTeamTargets(_ node: Node?, to agents: [AgentConfiguration]) throws(ConfigurationFileError) -> [AgentConfiguration] {
        guard let mapping = try reader.optionalMapping(node, "team_targets") else { return agents }
        let teams = Set(agents.compactMap(\.team))
        var targets: [String: Int] = [:]
        for entry in mapping.entries {
            let team = try reader.identifier(entry.keyNode, "a team")
            guard teams.contains(team) else {
                let hint = KeySuggestion.closest(to: team, among: teams.sorted()).map { "; did you mean '\($0)'?" } ?? ""
                throw reader.error("team_targets names team '\(team)', which no agent belongs to\(hint)", at: entry.keyNode)
            }
            targets[team] = try reader.int(entry.value, "the daily target of team '\(team)'", in: 1...10_000)
        }
        return agents.map { agent in
            var agent = agent
            if agent.dailyTarget == nil, let team = agent.team { agent.dailyTarget = targets[team] }
            return agent
        }
    }

    func parseRecords(_ node: Node?) throws(ConfigurationFileError) -> RecordsConfiguration {
        var records = RecordsConfiguration()
        guard let mapping = try reader.optionalMapping(node, "records") else { return records }
        try mapping.rejectUnknownKeys(["retention_days", "short_abandon"], in: "in records", reader: reader)
        if let node = mapping["retention_days"] {
            records.retentionDays = try reader.int(node, "retention_days", in: 0...36_500)
        }
        if let node = mapping["short_abandon"] {
            records.shortAbandon = try reader.duration(node, "short_abandon")
        }
        return records
    }

    func parseLimits(_ node: Node?) throws(ConfigurationFileError) -> DaemonLimits {
        var limits = DaemonLimits()
        guard let mapping = try reader.optionalMapping(node, "limits") else { return limits }
        try mapping.rejectUnknownKeys(
            ["max_line_bytes", "max_output_queue", "adapter_grace", "position_interval"], in: "in limits", reader: reader
        )
        if let node = mapping["max_line_bytes"] {
            limits.maxLineBytes = try reader.int(node, "max_line_bytes", in: 1024...64 * 1024 * 1024)
        }
        if let node = mapping["max_output_queue"] {
            limits.maxOutputQueue = try reader.int(node, "max_output_queue", in: 1...10_000_000)
        }
        if let node = mapping["adapter_grace"] {
            limits.adapterGrace = try reader.duration(node, "adapter_grace")
        }
        if let node = mapping["position_interval"] {
            limits.positionInterval = try reader.duration(node, "position_interval")
        }
        return limits
    }
}
