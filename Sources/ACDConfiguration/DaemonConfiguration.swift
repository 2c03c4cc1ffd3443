public import ACDCore

/// Everything `acdd` reads from its configuration file: where it listens, who may do what, its
/// limits, how calls are routed to queues, and the center the routing engine runs.
public struct DaemonConfiguration: Equatable, Sendable {
    public var socket: SocketConfiguration
    /// Where the daemon keeps its journal; absolute once loaded.
    public var stateDirectory: String
    public var journal: JournalConfiguration
    public var records: RecordsConfiguration
    public var roles: AccessRoles
    public var limits: DaemonLimits
    /// The routing table, in order: the first rule a call matches gives its queue and priority.
    public var routing: [RoutingRule]
    /// The Unix user allowed to drive each agent from an agent client, for the agents that name one.
    public var agentUsers: [AgentID: String]
    /// Each agent's contact (extension, SIP URI) that adapters connect its calls to.
    public var agentContacts: [AgentID: String]
    /// The queues and agents, for the routing engine.
    public var center: CenterConfiguration
    /// What becomes of the waiting calls of a queue that this configuration no longer has, when
    /// it replaces one that had it (reload, or a restart with live calls).
    public var removedQueueCalls: RemovedQueueTreatment

    /// The default state directory, relative to the configuration file's directory.
    public static let defaultStateDirectory = "./state"

    public init(
        socket: SocketConfiguration = SocketConfiguration(),
        stateDirectory: String = DaemonConfiguration.defaultStateDirectory,
        journal: JournalConfiguration = JournalConfiguration(),
        records: RecordsConfiguration = RecordsConfiguration(),
        roles: AccessRoles = AccessRoles(),
        limits: DaemonLimits = DaemonLimits(),
        routing: [RoutingRule] = [],
        agentUsers: [AgentID: String] = [:],
        agentContacts: [AgentID: String] = [:],
        center: CenterConfiguration,
        removedQueueCalls: RemovedQueueTreatment = .leave
    ) {
        self.socket = socket
        self.stateDirectory = stateDirectory
        self.journal = journal
        self.records = records
        self.roles = roles
        self.limits = limits
        self.routing = routing
        self.agentUsers = agentUsers
        self.agentContacts = agentContacts
        self.center = center
        self.removedQueueCalls = removedQueueCalls
    }

    /// The first routing rule a call with these attributes and segment matches, which gives its
    /// queue and priority; nil when no rule matches.
    public func route(attributes: [String: String], segment: String?) -> RoutingRule? {
        routing.first { $0.matches(attributes: attributes, segment: segment) }
    }
}
