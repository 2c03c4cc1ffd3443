/// The simulator's own pending events (arrivals, hangups, patience running out, delayed answers,
/// shift changes), earliest first; events at the same instant come out in the order they were
/// scheduled, so a run never depends on how the heap happens to break ties.
struct EventQueue {
    private struct Entry {
        var time: Int64
        var sequence: UInt64
        var event: SimulationEvent

        func precedes(_ other: Entry) -> Bool {
            time != other.time ? time < other.time : sequence < other.sequence
        }
    }

    private var heap: [Entry] = []
    private var scheduled: UInt64 = 0

    /// The instant, in milliseconds, of the earliest event.
    var nextTime: Int64? { heap.first?.time }

    mutating func schedule(_ event: SimulationEvent, at time: Int64) {
        scheduled += 1
        heap.append(Entry(time: time, sequence: scheduled, event: event))
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the earliest event.
    mutating func pop() -> (time: Int64, event: SimulationEvent)? {
        guard let first = heap.first else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1
                guard left < heap.count else { break }
                let right = left + 1
                let child = right < heap.count && heap[right].precedes(heap[left]) ? right : left
                guard heap[child].precedes(heap[parent]) else { break }
                heap.swapAt(child, parent)
                parent = child
            }
        }
        return (first.time, first.event)
    }
}
