/// How the center runs consult transfers: how long the target agent has to consent.
public struct TransferPolicy: Equatable, Sendable, Codable {
    public static let defaultConsultTimeout = Duration.seconds(20)

    /// The consult offer rings the target agent this long; unanswered, it ends `timed_out`.
    public var consultTimeout: Duration

    public init(consultTimeout: Duration = Self.defaultConsultTimeout) {
        self.consultTimeout = consultTimeout
    }
}
