/// The center's rules for breaks (not-ready reasons asked for by agents): which reasons exist and
/// their daily quotas, whether a break waits while calls wait, and how many agents of a team may
/// be on a staggered break at once. The default policy (no reasons, no deferral, no limit) lets an
/// agent take any reason at any time.
public struct BreakPolicy: Equatable, Sendable, Codable {
    /// How many agents of a team may be on a staggered break at once.
    public enum Limit: Equatable, Sendable, Codable {
        /// At most this many agents.
        case agents(Int)
        /// At most this share (1-100) of the team's logged-in agents, rounded down, and at least one.
        case percent(Int)
    }

    /// What happens to a request for a staggered break while the team is at its limit.
    public enum OverLimit: String, Equatable, Sendable, Codable, CaseIterable {
        /// The request is refused (`break_limit_reached`).
        case refuse
        /// The request waits, first come first served, and the break starts when a slot frees.
        case queue
    }

    /// The reasons agents may ask for, with their quotas. Empty: any reason, no quota.
    public var reasons: [BreakReason]
    /// Whether a break asked for while a call the agent could take waits (or rings for it) waits
    /// until no such call is left.
    public var deferWhileCallsWait: Bool
    /// The team limit on staggered breaks. Nil: none.
    public var maxOnBreak: Limit?
    public var overLimit: OverLimit

    public init(reasons: [BreakReason] = [], deferWhileCallsWait: Bool = false, maxOnBreak: Limit? = nil, overLimit: OverLimit = .refuse) {
        self.reasons = reasons
        self.deferWhileCallsWait = deferWhileCallsWait
        self.maxOnBreak = maxOnBreak
        self.overLimit = overLimit
    }

    /// The limit for a team with `loggedIn` agents logged in.
    func limit(loggedIn: Int) -> Int? {
        switch maxOnBreak {
        case nil: nil
        case .agents(let count): count
        case .percent(let percent): max(1, loggedIn * percent / 100)
        }
    }
}
