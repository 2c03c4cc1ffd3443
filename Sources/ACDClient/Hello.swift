public import ACDProtocol

/// Who a client says it is in its first request: a role, the agent it acts as (agent clients),
/// and a client name (adapters keep their calls across reconnects under uid and name).
public struct Hello: Sendable, Equatable {
    public var role: Role
    public var agent: String?
    public var client: String?

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
