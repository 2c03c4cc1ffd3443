/// The instants of every benchmark call, by call number (`c-N`). Each slot is written once, by
/// the event loop that saw the moment (the adapter's when it sends the enqueue, the agent's when
/// the offer arrives); they are read only after every loop has been passed through (`barrier`),
/// so no slot is read while it is written.
final class Timeline: @unchecked Sendable {
    let capacity: Int
    /// When the adapter wrote `call.enqueue`.
    let enqueueSent: UnsafeMutablePointer<UInt64>
    /// When the adapter read the enqueue's reply.
    let enqueueReplied: UnsafeMutablePointer<UInt64>
    /// When the adapter read `call.offer`.
    let adapterOffered: UnsafeMutablePointer<UInt64>
    /// When the agent read `offer`.
    let agentOffered: UnsafeMutablePointer<UInt64>
    /// When the adapter read `call.connected` (after the agent's accept).
    let connected: UnsafeMutablePointer<UInt64>

    init(capacity: Int) {
        self.capacity = capacity
        func slots() -> UnsafeMutablePointer<UInt64> {
            let slots = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity)
            slots.initialize(repeating: 0, count: capacity)
            return slots
        }
        enqueueSent = slots()
        enqueueReplied = slots()
        adapterOffered = slots()
        agentOffered = slots()
        connected = slots()
    }

    @inline(__always)
    func set(_ slots: UnsafeMutablePointer<UInt64>, _ number: Int, _ instant: UInt64) {
        if number >= 0, number < capacity, slots[number] == 0 { slots[number] = instant }
    }
}
