public import ACDProtocol

/// Something that sends requests to acdd and returns their replies: a single `ACDConnection` or a
/// reconnecting `ACDClient`. The typed requests (`status()`, `agentReady()`...) build on it.
public protocol ACDRequesting: Sendable {
    /// Sends the request and returns its reply; a reply that is not ok throws `rejected`.
    func request(_ wire: WireRequest) async throws(ACDClientError) -> WireReply
}
