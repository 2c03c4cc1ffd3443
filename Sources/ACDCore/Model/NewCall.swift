/// A call the telephony adapter places in a queue.
public struct NewCall: Equatable, Sendable, Codable {
    public var id: CallID
    public var queue: QueueID
    /// 0-9, higher first.
    public var priority: Int
    /// The customer's segment, e.g. `vip`.
    public var segment: String?
    /// Dialed number, caller number, IVR choice, language...
    public var attributes: [String: String]
    /// When the call entered the system (e.g. the IVR), if before it reached the queue; its age in
    /// line counts from here. Nil: now.
    public var enteredSystem: Instant?
    /// The number to call back if the call becomes a callback on arrival (a closed queue whose
    /// treatment is `callback`). Nil: none given.
    public var callbackNumber: String?

    public init(
        id: CallID,
        queue: QueueID,
        priority: Int = 0,
        segment: String? = nil,
        attributes: [String: String] = [:],
        enteredSystem: Instant? = nil,
        callbackNumber: String? = nil
    ) {
        self.id = id
        self.queue = queue
        self.priority = priority
        self.segment = segment
        self.attributes = attributes
        self.enteredSystem = enteredSystem
        self.callbackNumber = callbackNumber
    }
}
