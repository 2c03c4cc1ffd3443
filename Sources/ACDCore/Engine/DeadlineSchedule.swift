import HeapModule

/// Every pending deadline of the engine (offer expiries, tier openings, max waits, wrap-up ends...)
/// in one min-heap, so the shell arms a single timer for the earliest. A deadline lives in a slot
/// of `slots`; cancelling frees the slot at once, and the heap drops an entry whose slot has moved
/// on (another generation) when it reaches the top.
struct DeadlineSchedule: Sendable, Codable {
    struct Entry: Comparable, Sendable, Codable {
        var at: Int64
        /// Scheduling order: equal instants fire in the order they were scheduled.
        var order: UInt64
        var id: DeadlineID
        static func < (lhs: Entry, rhs: Entry) -> Bool { (lhs.at, lhs.order) < (rhs.at, rhs.order) }
        static func == (lhs: Entry, rhs: Entry) -> Bool { lhs.order == rhs.order }
    }

    private struct Slot: Sendable, Codable {
        var generation: UInt32
        var deadline: Deadline?
    }

    private var heap = Heap<Entry>()
    private var slots: [Slot] = []
    private var freeSlots: [Int32] = []
    private var scheduled: UInt64 = 0

    init() {}

    private enum CodingKeys: String, CodingKey {
        case entries, slots, freeSlots, scheduled
    }

    /// The heap is written as its entries; entries order fully by (instant, order), so the
    /// rebuilt heap pops them in the same order.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        heap = Heap(try container.decode([Entry].self, forKey: .entries))
        slots = try container.decode([Slot].self, forKey: .slots)
        freeSlots = try container.decode([Int32].self, forKey: .freeSlots)
        scheduled = try container.decode(UInt64.self, forKey: .scheduled)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Array(heap.unordered), forKey: .entries)
        try container.encode(slots, forKey: .slots)
        try container.encode(freeSlots, forKey: .freeSlots)
        try container.encode(scheduled, forKey: .scheduled)
    }

    /// The earliest live deadline.
    var next: Instant? {
        mutating get {
            while let top = heap.min, !isLive(top.id) { heap.removeMin() }
            return heap.min.map { Instant(millisecondsSinceEpoch: $0.at) }
        }
    }

    mutating func schedule(_ deadline: Deadline, at instant: Instant) -> DeadlineID {
        let slot: Int32
        if let free = freeSlots.popLast() {
            slot = free
            slots[Int(slot)].deadline = deadline
        } else {
            slot = Int32(slots.count)
            slots.append(Slot(generation: 0, deadline: deadline))
        }
        let id = DeadlineID(slot: slot, generation: slots[Int(slot)].generation)
        scheduled += 1
        heap.insert(Entry(at: instant.millisecondsSinceEpoch, order: scheduled, id: id))
        return id
    }

    mutating func cancel(_ id: DeadlineID?) {
        guard let id, isLive(id) else { return }
        release(id.slot)
    }

    /// Removes and returns the earliest live deadline due at or before `instant`.
    mutating func popDue(atOrBefore instant: Instant) -> (Instant, Deadline)? {
        while let top = heap.min, top.at <= instant.millisecondsSinceEpoch {
            heap.removeMin()
            if isLive(top.id), let deadline = slots[Int(top.id.slot)].deadline {
                release(top.id.slot)
                return (Instant(millisecondsSinceEpoch: top.at), deadline)
            }
        }
        return nil
    }

    private func isLive(_ id: DeadlineID) -> Bool {
        let slot = slots[Int(id.slot)]
        return slot.generation == id.generation && slot.deadline != nil
    }

    private mutating func release(_ slot: Int32) {
        slots[Int(slot)].deadline = nil
        slots[Int(slot)].generation &+= 1
        freeSlots.append(slot)
    }
}

/// A handle on a scheduled deadline, to cancel it.
struct DeadlineID: Hashable, Sendable, Codable {
    var slot: Int32
    var generation: UInt32
}

/// What a deadline does when it comes.
enum Deadline: Sendable, Codable {
    case offerExpires(call: Int32, agent: Int32)
    case tierOpens(call: Int32, queue: Int32)
    case overflowStep(call: Int32)
    case noAgentWait(call: Int32)
    case restEnds(agent: Int32)
    case wrapUpEnds(agent: Int32)
    case durationLimit(call: Int32, hard: Bool)
    case breakQuota(agent: Int32)
    case segmentEscalation(call: Int32)
    case segmentBreach(call: Int32)
    case segmentMaxWait(call: Int32)
    case consultExpires(call: Int32)
    case dialDue(call: Int32)
}

/// Packed like its `Codable` form: the heap as its entries, then the slots.
extension DeadlineSchedule: PackedValue, PackedBlock {
    func pack(into writer: inout PackedWriter) {
        writer.writeVarint(UInt64(heap.count))
        for entry in heap.unordered {
            entry.at.pack(into: &writer)
            entry.order.pack(into: &writer)
            entry.id.pack(into: &writer)
        }
        writer.writeVarint(UInt64(slots.count))
        for slot in slots {
            slot.generation.pack(into: &writer)
            slot.deadline.pack(into: &writer)
        }
        freeSlots.pack(into: &writer)
        scheduled.pack(into: &writer)
    }

    init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        let entryCount = try reader.readCount()
        var entries: [Entry] = []
        entries.reserveCapacity(entryCount)
        for _ in 0..<entryCount {
            entries.append(Entry(at: try Int64(unpacking: &reader), order: try UInt64(unpacking: &reader), id: try DeadlineID(unpacking: &reader)))
        }
        heap = Heap(entries)
        let slotCount = try reader.readCount()
        slots.reserveCapacity(slotCount)
        for _ in 0..<slotCount {
            slots.append(Slot(generation: try UInt32(unpacking: &reader), deadline: try Deadline?(unpacking: &reader)))
        }
        freeSlots = try [Int32](unpacking: &reader)
        scheduled = try UInt64(unpacking: &reader)
        let count = slots.count
        guard entries.allSatisfy({ (0..<count).contains(Int($0.id.slot)) }), freeSlots.allSatisfy({ (0..<count).contains(Int($0)) }) else {
            throw reader.corrupted("a deadline slot out of range")
        }
    }
}
