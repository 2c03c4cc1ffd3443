public import ACDProtocol

/// A client that stays connected: it connects, says its hello, runs `onConnect` (e.g. to
/// subscribe again), and when the connection is lost or cannot be made, tries again after a
/// growing wait (`ReconnectBackoff`). Every change of state is reported in `states`; the events of
/// every connection come out of `events` in order.
///
/// Call `run()` in a task of its own; it returns once the client is closed or that task is
/// cancelled. Requests made while disconnected fail with `notConnected`.
public actor ACDClient: ACDRequesting {
    /// What to do once connected, before the client counts as connected. Its failure drops the
    /// connection and counts as a failed attempt.
    public typealias ConnectAction = @Sendable (ACDConnection) async throws(ACDClientError) -> Void

    /// The socket path it connects to.
    public nonisolated let path: String
    /// The hello it says on every connection.
    public nonisolated let hello: Hello
    /// The pushed events of every connection in turn; finishes when the client closes.
    public nonisolated let events: AsyncStream<WireEvent>
    /// Every change of connection state, in order; finishes after `closed`.
    public nonisolated let states: AsyncStream<ConnectionState>
    private let eventSink: AsyncStream<WireEvent>.Continuation
    private let stateSink: AsyncStream<ConnectionState>.Continuation
    private let maximumLineBytes: Int
    private let onConnect: ConnectAction?
    private var backoff: ReconnectBackoff
    private var jitterSource = SystemRandomNumberGenerator()
    private var connection: ACDConnection?
    private var runner: Task<Void, Never>?
    private var isClosed = false

    public init(path: String, hello: Hello, backoff: ReconnectBackoff = ReconnectBackoff(),
                maximumLineBytes: Int = ProtocolVersion.maximumServerLineBytes, onConnect: ConnectAction? = nil) {
        self.path = path
        self.hello = hello
        self.backoff = backoff
        self.maximumLineBytes = maximumLineBytes
        self.onConnect = onConnect
        (events, eventSink) = AsyncStream<WireEvent>.makeStream()
        (states, stateSink) = AsyncStream<ConnectionState>.makeStream()
    }

    /// Connects and keeps connecting until `close()` or cancellation of the calling task.
    public func run() async {
        guard runner == nil, !isClosed else { return }
        let runner = Task { await self.reconnectLoop() }
        self.runner = runner
        await withTaskCancellationHandler {
            await runner.value
        } onCancel: {
            runner.cancel()
        }
    }

    /// Sends a request over the current connection.
    ///
    /// - Throws: `notConnected` while there is none, otherwise as `ACDConnection.request(_:)`.
    public func request(_ wire: WireRequest) async throws(ACDClientError) -> WireReply {
        guard let connection else { throw .notConnected(path: path) }
        return try await connection.request(wire)
    }

    /// Stops for good: closes the connection and ends `run()`, `events` and `states`.
    public func close() async {
        isClosed = true
        runner?.cancel()
        if runner == nil { finish() }
        await connection?.close()
    }

    private func reconnectLoop() async {
        var attempt = 0
        while !isClosed, !Task.isCancelled {
            attempt += 1
            stateSink.yield(.connecting(attempt: attempt))
            let reason: ACDClientError
            do throws(ACDClientError) {
                let connection = try await ACDConnection.connect(to: path, as: hello, maximumLineBytes: maximumLineBytes)
                self.connection = connection
                if isClosed || Task.isCancelled { break }
                do throws(ACDClientError) {
                    try await onConnect?(connection)
                } catch {
                    await connection.close()
                    throw error
                }
                attempt = 0
                backoff.reset()
                stateSink.yield(.connected(session: connection.welcome.session))
                for await event in connection.events {
                    eventSink.yield(event)
                }
                reason = await connection.closeReason ?? .connectionClosed(path: path, detail: nil)
            } catch {
                reason = error
            }
            connection = nil
            if isClosed || Task.isCancelled { break }
            let wait = backoff.next(using: &jitterSource)
            stateSink.yield(.disconnected(reason, retryIn: wait))
            do {
                try await Task.sleep(for: wait)
            } catch {
                break
            }
        }
        await connection?.close()
        connection = nil
        finish()
    }

    private func finish() {
        stateSink.yield(.closed)
        stateSink.finish()
        eventSink.finish()
    }
}
