import ACDCore

/// One step of the engine as call records see it: the effects of a command, or of a deadline
/// (`command` nil), at the instant they happened.
struct RecordStep: Sendable {
    let instant: Instant
    let command: Command?
    let effects: [Effect]
}
