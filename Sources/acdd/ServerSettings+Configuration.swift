import ACDConfiguration
import ACDCore
import ACDServer
import Foundation
import Logging

extension ServerSettings {
    /// The server's settings from the configuration file, with Unix group and user names resolved;
    /// a name the system does not know is logged and grants nothing.
    init(_ configuration: DaemonConfiguration, logger: Logger) {
        func groups(_ names: [String], _ role: String) -> Set<UInt32> {
            Set(names.compactMap { name in
                guard let group = getgrnam(name) else {
                    logger.warning("unknown Unix group: it grants nothing", metadata: ["group": "\(name)", "role": "\(role)"])
                    return nil
                }
                return group.pointee.gr_gid
            })
        }
        var agentUsers: [AgentID: UInt32] = [:]
        for (agent, user) in configuration.agentUsers.sorted(by: { $0.key < $1.key }) {
            guard let entry = getpwnam(user) else {
                logger.warning("unknown Unix user: its agent can connect only through a gateway", metadata: ["agent.id": "\(agent)", "user": "\(user)"])
                continue
            }
            agentUsers[agent] = entry.pointee.pw_uid
        }
        let rules = configuration.routing
        var schedules: [QueueID: BusinessSchedule] = [:]
        for queue in configuration.center.queues {
            // The parser checked the time zone, so every schedule is built.
            if let hours = queue.hours, let schedule = BusinessSchedule(hours) { schedules[queue.id] = schedule }
        }
        self.init(
            center: configuration.center,
            access: AccessPolicy(
                adapterGroups: groups(configuration.roles.adapterGroups, "adapter"),
                supervisorGroups: groups(configuration.roles.supervisorGroups, "supervisor"),
                agentGatewayGroups: groups(configuration.roles.agentGatewayGroups, "agent gateway"),
                agentUsers: agentUsers
            ),
            route: { attributes, segment in
                rules.first { $0.matches(attributes: attributes, segment: segment) }.map { ($0.queue, $0.priority) }
            },
            contacts: configuration.agentContacts,
            limits: ServerLimits(
                maxLineBytes: configuration.limits.maxLineBytes,
                maxOutputQueue: configuration.limits.maxOutputQueue,
                adapterGrace: configuration.limits.adapterGrace,
                positionInterval: configuration.limits.positionInterval > .zero ? configuration.limits.positionInterval : nil
            ),
            journal: JournalSettings(
                directory: configuration.stateDirectory, durability: configuration.journal.durability,
                snapshotEvery: configuration.journal.snapshotEvery,
                recordRetention: configuration.records.retention,
                history: configuration.journal.keptHistory
            ),
            removedQueueCalls: configuration.removedQueueCalls,
            openingHours: { [schedules] queue, instant in schedules[queue]?.state(at: instant) }
        )
    }
}
