/// One agent: its skills, its tier in the queues it serves, and its own wrap-up time.
public struct AgentConfiguration: Equatable, Sendable, Codable {
    public var id: AgentID
    public var name: String
    /// Proficiency (1-10) per skill.
    public var skills: [SkillID: Int]
    /// The agent's tier (1 = first line) per queue. An agent serves a queue when it has every
    /// skill the queue requires; its tier there is the one named here, 1 otherwise. A queue that
    /// requires no skill is served only by agents that name it here.
    public var tiers: [QueueID: Int]
    /// Overrides the queues' wrap-up time for this agent.
    public var wrapUp: Duration?
    /// The team whose limit on agents on break at once applies to the agent. Nil: none.
    public var team: String?
    /// Calls the agent should answer per day; reaching it is announced. Nil: no target.
    public var dailyTarget: Int?

    public init(
        id: AgentID,
        name: String = "",
        skills: [SkillID: Int] = [:],
        tiers: [QueueID: Int] = [:],
        wrapUp: Duration? = nil,
        team: String? = nil,
        dailyTarget: Int? = nil
    ) {
        self.id = id
        self.name = name
        self.skills = skills
        self.tiers = tiers
        self.wrapUp = wrapUp
        self.team = team
        self.dailyTarget = dailyTarget
    }

    /// An agent written before teams and targets has neither.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(AgentID.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        skills = try container.decode([SkillID: Int].self, forKey: .skills)
        tiers = try container.decode([QueueID: Int].self, forKey: .tiers)
        wrapUp = try container.decodeIfPresent(Duration.self, forKey: .wrapUp)
        team = try container.decodeIfPresent(String.self, forKey: .team)
        dailyTarget = try container.decodeIfPresent(Int.self, forKey: .dailyTarget)
    }
}
