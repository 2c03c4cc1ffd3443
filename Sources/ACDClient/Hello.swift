public import ACDProtocol

/// Who a client says it is in its first request: a role, the agent it acts as (agent clients),
/// and a client name (adapters keep their calls across reconnects under uid and name).
public struct Hello: Sendable, Equatable {
    /// The role asked for; the daemon checks it against the Unix credentials.
    public var role: Role
    /// The agent an agent client acts as (required for that role).
    public var agent: String?
    /// A name for the client program, shown in the daemon's logs.
    public var client: String?

    /// A hello for any role; the static helpers read better.
    public init(role: Role, agent: String? = nil, client: String? = nil) {
        self.role = role
        self.agent = agent
        self.client = client
    }

    /// A supervisor: status, subscriptions, explanations.
    public static func supervisor(client: String? = nil) -> Hello {
        Hello(role: .supervisor, client: client)
    }

    /// An agent client acting as `agent`; a gateway (or root) may then name other agents too.
    public static func agent(_ agent: String, client: String? = nil) -> Hello {
        Hello(role: .agent, agent: agent, client: client)
    }

    /// A telephony adapter named `client`.
    public static func adapter(client: String) -> Hello {
        Hello(role: .adapter, client: client)
    }

    /// The hello request for the current protocol version.
    public var request: WireRequest {
        var wire = WireRequest(type: RequestType.hello.rawValue)
        wire.protocol = ProtocolVersion.current
        wire.role = role
        wire.agent = agent
        wire.client = client
        return wire
    }
}
