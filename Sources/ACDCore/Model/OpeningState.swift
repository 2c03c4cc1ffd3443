/// Whether a queue is open, and until when: what the shell computes from the business hours and
/// tells the engine (`Command.setOpen`).
public struct OpeningState: Equatable, Sendable, Codable {
    public var isOpen: Bool
    /// When it next opens (closed) or closes (open); nil: not in sight.
    public var until: Instant?

    public init(isOpen: Bool, until: Instant?) {
        self.isOpen = isOpen
        self.until = until
    }
}
