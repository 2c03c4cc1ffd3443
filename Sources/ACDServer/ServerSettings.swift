public import ACDCore
import ACDProtocol

/// What the server needs from the configuration, resolved: the center, who may do what, routing
/// rules and limits. acdd builds it from the configuration file.
public struct ServerSettings: Sendable {
    public var center: CenterConfiguration
    public var access: AccessPolicy
    /// Chooses the queue and priority of a call that names no queue, from its attributes and
    /// segment; nil when no rule matches.
    public var route: @Sendable (_ attributes: [String: String], _ segment: String?) -> (queue: QueueID, priority: Int)?
    /// Each agent's contact (extension, SIP URI) for the adapter to connect calls to.
    public var contacts: [AgentID: String]
    public var limits: ServerLimits
    /// The write-ahead journal; nil keeps the state in memory only (tests).
    public var journal: JournalSettings?
    /// What becomes of the waiting calls of a queue that a new configuration removes.
    public var removedQueueCalls: RemovedQueueTreatment
    /// Whether a queue with business hours is open at an instant, and until when, computed from
    /// its calendar; nil for a queue without business hours.
    public var openingHours: @Sendable (_ queue: QueueID, _ at: Instant) -> OpeningState?

    public init(
        center: CenterConfiguration,
        access: AccessPolicy,
        route: @escaping @Sendable (_ attributes: [String: String], _ segment: String?) -> (queue: QueueID, priority: Int)?,
        contacts: [AgentID: String],
        limits: ServerLimits,
        journal: JournalSettings? = nil,
        removedQueueCalls: RemovedQueueTreatment = .leave,
        openingHours: @escaping @Sendable (_ queue: QueueID, _ at: Instant) -> OpeningState? = { _, _ in nil }
    ) {
        self.center = center
        self.access = access
        self.route = route
        self.contacts = contacts
        self.limits = limits
        self.journal = journal
        self.removedQueueCalls = removedQueueCalls
        self.openingHours = openingHours
    }
}

/// Limits that keep one client from hurting the others.
public struct ServerLimits: Sendable {
    /// The longest request line, in bytes.
    public var maxLineBytes: Int
    /// Replies and events queued for one connection before it is disconnected as too slow.
    public var maxOutputQueue: Int
    /// How long the calls of a disconnected adapter keep their place before counting as abandoned.
    public var adapterGrace: Duration
    /// How often waiting calls' positions go to their adapters; nil: never.
    public var positionInterval: Duration?

    public init(maxLineBytes: Int = 65_536, maxOutputQueue: Int = 10_000, adapterGrace: Duration = .seconds(30),
                positionInterval: Duration? = .seconds(15)) {
        self.maxLineBytes = maxLineBytes
        self.maxOutputQueue = maxOutputQueue
        self.adapterGrace = adapterGrace
        self.positionInterval = positionInterval
    }
}

/// Who may take which role, by Unix identity. Root may do anything.
public struct AccessPolicy: Sendable {
    public var adapterGroups: Set<UInt32>
    public var supervisorGroups: Set<UInt32>
    /// Processes that speak for many agents.
    public var agentGatewayGroups: Set<UInt32>
    /// The uid each agent's own client must run as.
    public var agentUsers: [AgentID: UInt32]

    public init(adapterGroups: Set<UInt32> = [], supervisorGroups: Set<UInt32> = [], agentGatewayGroups: Set<UInt32> = [],
                agentUsers: [AgentID: UInt32] = [:]) {
        self.adapterGroups = adapterGroups
        self.supervisorGroups = supervisorGroups
        self.agentGatewayGroups = agentGatewayGroups
        self.agentUsers = agentUsers
    }

    /// Whether a peer may take `role` (acting as `agent` for an agent client).
    func allows(_ peer: PeerCredentials, role: Role, agent: AgentID?) -> Bool {
        if peer.uid == 0 { return true }
        switch role {
        case .adapter:
            return !peer.groups.isDisjoint(with: adapterGroups)
        case .supervisor:
            return !peer.groups.isDisjoint(with: supervisorGroups)
        case .agent:
            if !peer.groups.isDisjoint(with: agentGatewayGroups) { return true }
            guard let agent, let uid = agentUsers[agent] else { return false }
            return uid == peer.uid
        }
    }

    /// Whether a peer may speak for agents other than the one it said hello as.
    func isGateway(_ peer: PeerCredentials) -> Bool {
        peer.uid == 0 || !peer.groups.isDisjoint(with: agentGatewayGroups)
    }
}
