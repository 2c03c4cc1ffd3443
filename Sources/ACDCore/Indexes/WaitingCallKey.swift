/// A waiting call's place in a queue's line: higher priority first, then the earlier entry into
/// the system, then arrival order.
struct WaitingCallKey: Comparable, Sendable, Codable {
    var priority: Int8
    var enteredSystem: Int64
    var sequence: UInt64
    var call: Int32

    static func < (lhs: Self, rhs: Self) -> Bool {
        if lhs.priority != rhs.priority { return lhs.priority > rhs.priority }
        if lhs.enteredSystem != rhs.enteredSystem { return lhs.enteredSystem < rhs.enteredSystem }
        return lhs.sequence < rhs.sequence
    }

    static func == (lhs: Self, rhs: Self) -> Bool { lhs.sequence == rhs.sequence }
}
