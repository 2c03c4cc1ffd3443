public import ACDCore

/// The whole state at one point of the journal: the engine (with the configuration it was built
/// from) and which adapter owns each live call. Entries up to `through` are in it.
public struct JournalSnapshot: Sendable, Codable {
    /// The sequence of the last entry the snapshot includes (0: none).
    public var through: Int64
    public var configuration: CenterConfiguration
    public var engine: RoutingEngine
    public var callOwners: [CallID: String]

    public init(through: Int64, configuration: CenterConfiguration, engine: RoutingEngine, callOwners: [CallID: String]) {
        self.through = through
        self.configuration = configuration
        self.engine = engine
        self.callOwners = callOwners
    }
}
