import ACDClient
import ACDProtocol
import Testing

/// The reconnecting client: states in order, hello and set-up again after a loss, back-off waits.
@Suite struct ACDClientReconnectTests {
    private let quick = ReconnectBackoff(initial: .milliseconds(1), maximum: .milliseconds(4), jitter: 0)

    /// Answers the hello and the `subscribe` the client sends on connecting.
    private func greet(_ peer: FakePeer, session: String) async throws {
        #expect(try await peer.nextLine() == #"{"client":"watcher","id":1,"protocol":1,"role":"supervisor","type":"hello"}"#)
        peer.send(#"{"id":1,"ok":true,"session":"\#(session)","type":"welcome"}"# + "\n")
        #expect(try await peer.nextLine() == #"{"id":2,"topics":["all"],"type":"subscribe"}"#)
        peer.send(#"{"id":2,"ok":true,"topics":["all"],"type":"subscribe"}"# + "\n")
    }

    @Test func reconnectsAfterALossAndSaysHelloAgain() async throws {
        let server = try await FakeServer.start()
        defer { server.stop() }
        let client = ACDClient(path: server.path, hello: .supervisor(client: "watcher"), backoff: quick) { connection throws(ACDClientError) in
            try await connection.subscribe([.all])
        }
        let running = Task { await client.run() }
        var states = client.states.makeAsyncIterator()
        var events = client.events.makeAsyncIterator()

        #expect(await states.next() == .connecting(attempt: 1))
        let first = try await server.nextPeer()
        try await greet(first, session: "s-1")
        #expect(await states.next() == .connected(session: "s-1"))
        first.send(#"{"event":"notice","seq":1,"message":"before"}"# + "\n")
        #expect(await events.next()?.message == "before")

        first.close()
        #expect(await states.next() == .disconnected(.connectionClosed(path: server.path, detail: nil), retryIn: .milliseconds(1)))
        #expect(await states.next() == .connecting(attempt: 1))
        let second = try await server.nextPeer()
        try await greet(second, session: "s-2")
        #expect(await states.next() == .connected(session: "s-2"))
        second.send(#"{"event":"notice","seq":1,"message":"after"}"# + "\n")
        #expect(await events.next()?.message == "after")

        // Requests go over the new connection, numbered from 1 again after its hello.
        async let status = client.status()
        #expect(try await second.nextLine() == #"{"id":3,"type":"status"}"#)
        second.send(#"{"agents":[],"calls":[],"id":3,"ok":true,"queues":[],"type":"status"}"# + "\n")
        #expect(try await status == CenterStatus(agents: [], queues: [], calls: []))

        await client.close()
        #expect(await states.next() == .closed)
        #expect(await states.next() == nil)
        #expect(await events.next() == nil)
        await running.value
    }

    @Test func waitsLongerAfterEachFailedAttempt() async throws {
        let path = FakeServer.temporaryDirectory() + "/acdd.sock"
        let client = ACDClient(path: path, hello: .supervisor(), backoff: quick)
        let running = Task { await client.run() }
        var states = client.states.makeAsyncIterator()
        let missing = ACDClientError.cannotConnect(path: path, reason: .noSuchFile)
        for (attempt, wait) in [1, 2, 4, 4].enumerated() {
            #expect(await states.next() == .connecting(attempt: attempt + 1))
            #expect(await states.next() == .disconnected(missing, retryIn: .milliseconds(wait)))
        }
        await #expect(throws: ACDClientError.notConnected(path: path)) {
            _ = try await client.status()
        }
        await client.close()
        var rest: [ConnectionState] = []
        while let state = await states.next() { rest.append(state) }
        #expect(rest.last == .closed)
        await running.value
    }

    @Test func cancellingRunCloses() async throws {
        let path = FakeServer.temporaryDirectory() + "/acdd.sock"
        let client = ACDClient(path: path, hello: .supervisor(), backoff: ReconnectBackoff(initial: .seconds(60), maximum: .seconds(60)))
        let running = Task { await client.run() }
        var states = client.states.makeAsyncIterator()
        #expect(await states.next() == .connecting(attempt: 1))
        guard case .disconnected? = await states.next() else {
            Issue.record("expected a failed attempt")
            return
        }
        running.cancel()
        #expect(await states.next() == .closed)
        await running.value
    }
}
