import ACDCore
import Yams

extension ConfigurationParser {
    static let agentKeys = ["id", "name", "user", "contact", "skills", "tiers", "wrap_up", "team", "daily_target"]

    /// The agents, in order, the Unix user of each agent that names one, and each agent's contact.
    mutating func parseAgents(_ node: Node?) throws(ConfigurationFileError) -> ([AgentConfiguration], [AgentID: String], [AgentID: String]) {
        let elements = try reader.optionalSequence(node, "agents")
        var agents: [AgentConfiguration] = []
        agents.reserveCapacity(elements.count)
        locations.agents.reserveCapacity(elements.count)
        var users: [AgentID: String] = [:]
        var contacts: [AgentID: String] = [:]
        var userPositions: [String: (agent: AgentID, position: SourcePosition)] = [:]
        for element in elements {
            let mapping = try reader.mapping(element, "an agent")
            guard let idNode = mapping["id"] else {
                throw reader.error("an agent needs an 'id'", at: mapping.position)
            }
            let id = AgentID(try reader.identifier(idNode, "id"))
            if let first = locations.agents[id] {
                throw reader.error("agent '\(id)' is defined twice (first at \(first.id))", at: idNode)
            }
            try mapping.rejectUnknownKeys(Self.agentKeys, in: "in agent '\(id)'", reader: reader)
            var agent = AgentConfiguration(id: id, name: id.rawValue)
            var agentLocations = SourceLocations.Agent(id: SourcePosition(of: idNode))
            if let node = mapping["name"] {
                agent.name = try reader.string(node, "name")
            }
            if let node = mapping["user"], !reader.isNull(node) {
                let user = try reader.unixName(node, "user")
                if let first = userPositions[user] {
                    throw reader.error("user '\(user)' already drives agent '\(first.agent)' (at \(first.position))", at: node)
                }
                userPositions[user] = (id, SourcePosition(of: node))
                users[id] = user
            }
            if let node = mapping["contact"], !reader.isNull(node) {
                let contact = try reader.string(node, "contact")
                guard !contact.isEmpty else { throw reader.error("contact must not be empty", at: node) }
                contacts[id] = contact
            }
            if let node = mapping["skills"], let skills = try reader.optionalMapping(node, "skills") {
                for entry in skills.entries {
                    let skill = SkillID(try reader.identifier(entry.keyNode, "a skill"))
                    agent.skills[skill] = try reader.int(entry.value, "the proficiency in '\(skill)'")
                }
                agentLocations.skills = skills
            }
            if let node = mapping["tiers"], let tiers = try reader.optionalMapping(node, "tiers") {
                for entry in tiers.entries {
                    let queue = QueueID(try reader.identifier(entry.keyNode, "a queue"))
                    agent.tiers[queue] = try reader.int(entry.value, "the tier in '\(queue)'")
                }
                agentLocations.tiers = tiers
            }
            if let node = mapping["wrap_up"], !reader.isNull(node) {
                agent.wrapUp = try reader.duration(node, "wrap_up")
                agentLocations.wrapUp = SourcePosition(of: node)
            }
            if let node = mapping["team"], !reader.isNull(node) {
                agent.team = try reader.identifier(node, "team")
                agentLocations.team = SourcePosition(of: node)
            }
            if let node = mapping["daily_target"], !reader.isNull(node) {
                agent.dailyTarget = try reader.int(node, "daily_target", in: 1...10_000)
            }
            locations.agents[id] = agentLocations
            agents.append(agent)
        }
        return (agents, users, contacts)
    }
}
