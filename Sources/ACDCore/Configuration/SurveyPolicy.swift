/// How the center takes satisfaction survey scores: after how long an ended call can no longer
/// be scored. The engine remembers the answered calls that ended within the window, and no more.
public struct SurveyPolicy: Equatable, Sendable, Codable {
    public static let defaultWindow = Duration.seconds(3600)

    /// A call may be scored until this long after it ended.
    public var window: Duration

    public init(window: Duration = Self.defaultWindow) {
        self.window = window
    }
}
