public import ACDCore
public import ACDRecords

/// The whole state at one point of the journal: the engine (with the configuration it was built
/// from), which adapter owns each live call, and the record keeper's calls and intervals in
/// progress. Entries up to `through` are in it.
public struct JournalSnapshot: Sendable, Codable {
    /// The sequence of the last entry the snapshot includes (0: none).
    public var through: Int64
    public var configuration: CenterConfiguration
    public var engine: RoutingEngine
    public var callOwners: [CallID: String]
    /// The records in progress at the same point; nil in snapshots written before records existed.
    public var records: RecordKeeper?

    public init(
        through: Int64, configuration: CenterConfiguration, engine: RoutingEngine, callOwners: [CallID: String],
        records: RecordKeeper? = nil
    ) {
        self.through = through
        self.configuration = configuration
        self.engine = engine
        self.callOwners = callOwners
        self.records = records
    }
}
