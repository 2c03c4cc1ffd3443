import HeapModule

/// Every pending deadline of the engine (offer expiries, tier openings, max waits, wrap-up ends...)
/// in one min-heap, so the shell arms a single timer for the earliest. Cancelled deadlines are
/// forgotten at once and dropped from the heap lazily when they reach its top.
struct DeadlineSchedule: Sendable {
    struct Entry: Comparable, Sendable {
        var at: Int64
        var id: UInt64
        static func < (lhs: Entry, rhs: Entry) -> Bool { (lhs.at, lhs.id) < (rhs.at, rhs.id) }
    }

    private var heap = Heap<Entry>()
    private var pending: [UInt64: Deadline] = [:]
    private var nextID: UInt64 = 1

    /// The earliest live deadline.
    var next: Instant? {
        mutating get {
            while let top = heap.min, pending[top.id] == nil { heap.removeMin() }
            return heap.min.map { Instant(millisecondsSinceEpoch: $0.at) }
        }
    }

    var count: Int { pending.count }

    mutating func schedule(_ deadline: Deadline, at instant: Instant) -> DeadlineID {
        let id = nextID
        nextID += 1
        pending[id] = deadline
        heap.insert(Entry(at: instant.millisecondsSinceEpoch, id: id))
        return DeadlineID(rawValue: id)
    }

    mutating func cancel(_ id: DeadlineID?) {
        guard let id else { return }
        pending[id.rawValue] = nil
    }

    /// Removes and returns the earliest live deadline due at or before `instant`.
    mutating func popDue(atOrBefore instant: Instant) -> (Instant, Deadline)? {
        while let top = heap.min, top.at <= instant.millisecondsSinceEpoch {
            heap.removeMin()
            if let deadline = pending.removeValue(forKey: top.id) {
                return (Instant(millisecondsSinceEpoch: top.at), deadline)
            }
        }
        return nil
    }
}

/// A handle on a scheduled deadline, to cancel it.
struct DeadlineID: Hashable, Sendable {
    var rawValue: UInt64
}

/// What a deadline does when it comes.
enum Deadline: Sendable {
    case offerExpires(call: Int32, agent: Int32)
    case tierOpens(call: Int32, queue: Int32)
    case overflowStep(call: Int32)
    case noAgentWait(call: Int32)
    case restEnds(agent: Int32)
    case wrapUpEnds(agent: Int32)
    case durationLimit(call: Int32, hard: Bool)
}
