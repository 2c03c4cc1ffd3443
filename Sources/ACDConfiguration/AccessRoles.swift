/// Which Unix groups may act in which role on the socket. Root may do anything; a client in none
/// of these groups is an agent client, and may act only as the agent whose `user` is its own.
public struct AccessRoles: Equatable, Sendable {
    /// Members may report calls as a telephony adapter.
    public var adapterGroups: [String]
    /// Members may watch and act on every agent and call as supervisors.
    public var supervisorGroups: [String]
    /// Members may act as any agent: a gateway that serves the agents' desktops for them.
    public var agentGatewayGroups: [String]

    public init(adapterGroups: [String] = [], supervisorGroups: [String] = [], agentGatewayGroups: [String] = []) {
        self.adapterGroups = adapterGroups
        self.supervisorGroups = supervisorGroups
        self.agentGatewayGroups = agentGatewayGroups
    }
}
