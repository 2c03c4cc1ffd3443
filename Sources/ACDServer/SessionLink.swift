import ACDCore
import ACDProtocol

/// The executor's view of one connection: who it is, what it may receive, and its output.
struct SessionLink {
    let number: UInt64
    let peer: PeerCredentials
    let output: SessionOutput
    var role: Role?
    /// An adapter's identity (uid and client name): its calls stay its own across reconnects.
    var adapterIdentity: String?
    /// The agents it speaks for (one, or several for a gateway).
    var agents: Set<AgentID> = []
    var isGateway = false
    var topics: Set<SubscriptionTopic> = []

    func wants(_ topic: SubscriptionTopic) -> Bool {
        topics.contains(topic) || topics.contains(.all)
    }
}
