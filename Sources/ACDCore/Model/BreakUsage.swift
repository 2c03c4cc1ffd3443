/// How much of one break reason an agent used today: breaks started and time spent on them
/// (the break it is on now counts in `milliseconds` once it ends; `AgentStatus` adds it live).
public struct BreakUsage: Equatable, Sendable, Codable {
    public var count = 0
    public var milliseconds: Int64 = 0

    public init(count: Int = 0, milliseconds: Int64 = 0) {
        self.count = count
        self.milliseconds = milliseconds
    }
}
