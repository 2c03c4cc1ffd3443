/// How long call records and agent intervals are kept, and how reports count short abandons.
public struct RecordsConfiguration: Equatable, Sendable {
    /// Records that ended more than this many days ago are pruned at each new day; 0 keeps them.
    public var retentionDays: Int
    /// Calls abandoned within this wait are short abandons, left out of the service level.
    public var shortAbandon: Duration

    public static let defaultRetentionDays = 90
    public static let defaultShortAbandon = Duration.seconds(5)

    public init(
        retentionDays: Int = RecordsConfiguration.defaultRetentionDays,
        shortAbandon: Duration = RecordsConfiguration.defaultShortAbandon
    ) {
        self.retentionDays = retentionDays
        self.shortAbandon = shortAbandon
    }

    /// The retention as a duration; nil when records are kept.
    public var retention: Duration? {
        retentionDays > 0 ? .seconds(Int64(retentionDays) * 86_400) : nil
    }
}
