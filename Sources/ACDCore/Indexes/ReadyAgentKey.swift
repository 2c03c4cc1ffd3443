/// A ready agent's place among the ready agents of one queue tier, by that queue's strategy:
/// smallest first. `readySequence` is unique per time the agent became ready, so ties between
/// agents ready at the same instant go to the one that became ready first.
struct ReadyAgentKey: Comparable, Sendable, Codable {
    var primary: Int64
    var secondary: Int64
    var readySequence: UInt64
    var agent: Int32

    static func < (lhs: Self, rhs: Self) -> Bool {
        if lhs.primary != rhs.primary { return lhs.primary < rhs.primary }
        if lhs.secondary != rhs.secondary { return lhs.secondary < rhs.secondary }
        return lhs.readySequence < rhs.readySequence
    }

    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.primary == rhs.primary && lhs.secondary == rhs.secondary && lhs.readySequence == rhs.readySequence
    }
}
