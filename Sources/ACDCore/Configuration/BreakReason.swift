/// A not-ready reason agents may ask for, with its daily quota per agent.
public struct BreakReason: Equatable, Sendable, Codable {
    public var id: NotReadyReason
    /// How many breaks of this reason an agent may start per day. Nil: no limit.
    public var dailyCount: Int?
    /// How much time an agent may spend on this reason per day; a break that runs past it is
    /// announced, not ended. Nil: no limit.
    public var dailyTime: Duration?
    /// Whether it counts toward the team's limit of agents on break at once.
    public var staggered: Bool

    public init(_ id: NotReadyReason, dailyCount: Int? = nil, dailyTime: Duration? = nil, staggered: Bool = false) {
        self.id = id
        self.dailyCount = dailyCount
        self.dailyTime = dailyTime
        self.staggered = staggered
    }
}
