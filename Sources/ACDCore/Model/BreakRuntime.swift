/// The engine's break bookkeeping: the policy, the teams' staffing on break, and the agents whose
/// break waits, in the order they asked.
struct BreakRuntime: Sendable, Codable {
    /// A team: how many of its agents are logged in, and how many are on a staggered break.
    struct Team: Sendable, Codable {
        let name: String
        var loggedIn = 0
        var onStaggeredBreak = 0
    }

    let policy: BreakPolicy
    /// The policy's reasons by id. Empty: any reason, no quota.
    let reasons: [NotReadyReason: BreakReason]
    var teams: [Team]
    let teamNumbers: [String: Int32]
    /// Agents with a pending break, first asked first: the order in which free agents take a
    /// freed team slot.
    var pending: [Int32] = []

    init(policy: BreakPolicy, agents: [AgentConfiguration]) {
        self.policy = policy
        reasons = Dictionary(policy.reasons.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var teams: [Team] = []
        var numbers: [String: Int32] = [:]
        for agent in agents {
            guard let team = agent.team, numbers[team] == nil else { continue }
            numbers[team] = Int32(teams.count)
            teams.append(Team(name: team))
        }
        self.teams = teams
        teamNumbers = numbers
    }

    /// Whether `reason` counts toward the team limit.
    func isStaggered(_ reason: NotReadyReason) -> Bool {
        reasons[reason]?.staggered == true
    }
}
