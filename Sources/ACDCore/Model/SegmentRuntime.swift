/// The segment table the engine looks calls up in, and today's figures per queue and segment.
struct SegmentRuntime: Sendable, Codable {
    /// The configured segments by name.
    let policies: [String: SegmentPolicy]
    /// Today's figures, by the queue the calls entered, then segment.
    var figures: [QueueID: [String: SegmentFigures]] = [:]

    init(policies: [SegmentPolicy]) {
        self.policies = Dictionary(policies.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Counts one event of `segment`'s call in `queue`.
    mutating func count(_ queue: QueueID, _ segment: String, _ change: (inout SegmentFigures) -> Void) {
        change(&figures[queue, default: [:]][segment, default: SegmentFigures(segment: segment)])
    }
}
