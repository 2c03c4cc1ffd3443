public import ACDCore

/// What identifies one call record: the call's id, the instant it arrived in acdd (its enqueue) and,
/// for the rare id enqueued again in the same millisecond (say into a second queue after the first
/// refused it), the count of earlier arrivals of that id at that instant. A telephony adapter may
/// reuse a call id another day; the key stays unique.
public struct CallKey: Hashable, Sendable, Codable {
    public var call: CallID
    public var arrived: Instant
    public var ordinal: Int

    public init(call: CallID, arrived: Instant, ordinal: Int = 0) {
        self.call = call
        self.arrived = arrived
        self.ordinal = ordinal
    }
}
