public import ACDCore

/// The agents a simulation staffs a center with.
public enum Team {
    /// `count` agents taken from `configured` in order and repeated as often as needed: with 10
    /// configured agents, 10 is the team as configured, 20 is each of them twice, 13 adds a second
    /// copy of the first three. The mix of skills, tiers and wrap-up times keeps the configured
    /// proportions. Copies are named `ID#2`, `ID#3`...
    public static func agents(from configured: [AgentConfiguration], count: Int) -> [AgentConfiguration] {
        guard !configured.isEmpty else { return [] }
        return (0..<count).map { index in
            var agent = configured[index % configured.count]
            let round = index / configured.count
            if round > 0 {
                agent.id = AgentID("\(agent.id.rawValue)#\(round + 1)")
                agent.name = "\(agent.name) #\(round + 1)"
            }
            return agent
        }
    }
}
