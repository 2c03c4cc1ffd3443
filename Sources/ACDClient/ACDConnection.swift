public import ACDProtocol

/// One connection to acdd: said hello, sends requests and matches their replies by id, and
/// passes on the events the daemon pushes. It does not reconnect; `ACDClient` does.
public final class ACDConnection: ACDRequesting {
    /// The socket path.
    public let path: String
    /// The hello it was accepted with.
    public let hello: Hello
    /// The daemon's answer to the hello (`server`, `session`, `protocol`).
    public let welcome: WireReply
    private let lines: LineConnection
    private let router: RequestRouter

    private init(path: String, hello: Hello, welcome: WireReply, lines: LineConnection, router: RequestRouter) {
        self.path = path
        self.hello = hello
        self.welcome = welcome
        self.lines = lines
        self.router = router
    }

    /// Connects to the socket at `path` and says `hello`. With a `replyTimeout`, the hello and
    /// every request fail with `timedOut` when no reply comes within it.
    ///
    /// - Throws: `cannotConnect` (with the path and the reason) when the socket cannot be reached,
    ///   `rejected` when the daemon refuses the hello (e.g. `forbidden` for this user and role).
    public static func connect(
        to path: String, as hello: Hello, maximumLineBytes: Int = ProtocolVersion.maximumServerLineBytes,
        replyTimeout: Duration? = nil
    ) async throws(ACDClientError) -> ACDConnection {
        let lines = try await LineConnection.connect(to: path, maximumLineBytes: maximumLineBytes)
        let router = RequestRouter(lines: lines, replyTimeout: replyTimeout)
        Task { await router.readUntilClosed() }
        let welcome: WireReply
        do {
            welcome = try await router.send(hello.request).get()
        } catch {
            lines.abort()
            throw error
        }
        return ACDConnection(path: path, hello: hello, welcome: welcome, lines: lines, router: router)
    }

    /// The events the daemon pushes, in order; finishes when the connection ends. Events are kept
    /// until read, so a long-lived connection should read them.
    public var events: AsyncStream<WireEvent> { router.events }

    /// Sends a request with the next numeric id (any id in `wire` is replaced) and waits for its
    /// reply.
    ///
    /// - Throws: `rejected` with the daemon's error when the reply is not ok; `connectionClosed`
    ///   when the connection ends first.
    public func request(_ wire: WireRequest) async throws(ACDClientError) -> WireReply {
        try await router.send(wire).get()
    }

    /// Why the connection ended, or nil while it is open.
    public var closeReason: ACDClientError? {
        get async { await router.ended }
    }

    /// Sends what is queued and closes; requests still waiting fail with `connectionClosed`.
    public func close() async {
        await router.close()
    }
}
