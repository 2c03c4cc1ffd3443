import ACDClient
import ACDProtocol
import Foundation
import Testing

/// The connection's own logic against a scripted fake daemon: hello, ids, reply matching, events,
/// framing, errors, closing.
@Suite struct ACDConnectionTests {
    /// A connection that has said hello, and the server's side of it.
    private func connected(_ server: FakeServer, maximumLineBytes: Int = ProtocolVersion.maximumLineBytes) async throws -> (ACDConnection, FakePeer) {
        async let connecting = ACDConnection.connect(to: server.path, as: .supervisor(client: "tests"), maximumLineBytes: maximumLineBytes)
        let peer = try await server.nextPeer()
        _ = try await peer.nextLine()
        peer.send(#"{"id":1,"ok":true,"type":"welcome","session":"s-1"}"# + "\n")
        return (try await connecting, peer)
    }

    private struct SentLine: Decodable {
        var id: RequestID?
        var type: String?
    }

    private func decode(_ line: String) throws -> SentLine {
        try JSONDecoder().decode(SentLine.self, from: Data(line.utf8))
    }

    @Test func saysHelloFirstAndKeepsTheWelcome() async throws {
        let server = try await FakeServer.start()
        defer { server.stop() }
        async let connecting = ACDConnection.connect(to: server.path, as: .agent("ana", client: "desk"))
        let peer = try await server.nextPeer()
        #expect(try await peer.nextLine() == #"{"agent":"ana","client":"desk","id":1,"protocol":1,"role":"agent","type":"hello"}"#)
        peer.send(#"{"id":1,"ok":true,"protocol":1,"server":"fake","session":"s-7","type":"welcome"}"# + "\n")
        let connection = try await connecting
        #expect(connection.welcome.session == "s-7")
        #expect(connection.welcome.server == "fake")
    }

    /// The timeout is long because in a loaded test run (two cores, CPU-bound suites on the
    /// cooperative pool) this test's own tasks may not run for many seconds, and the hello must be
    /// answered within it; the request after it is never answered.
    @Test func aDaemonThatDoesNotAnswerFailsTheRequestAfterTheReplyTimeout() async throws {
        let server = try await FakeServer.start()
        defer { server.stop() }
        async let connecting = ACDConnection.connect(
            to: server.path, as: .supervisor(client: "tests"), replyTimeout: .seconds(30)
        )
        let peer = try await server.nextPeer()
        _ = try await peer.nextLine()
        peer.send(#"{"id":1,"ok":true,"type":"welcome","session":"s-1"}"# + "\n")
        let connection = try await connecting
        await #expect(throws: ACDClientError.timedOut(path: server.path, after: .seconds(30))) {
            _ = try await connection.status()
        }
        #expect(ACDClientError.timedOut(path: "/s", after: .milliseconds(1500)).description == "acdd at /s did not answer within 1500 ms")
    }

    @Test func aHelloThatIsNeverAnsweredTimesOut() async throws {
        let server = try await FakeServer.start()
        defer { server.stop() }
        let connecting = Task {
            try await ACDConnection.connect(to: server.path, as: .supervisor(client: "tests"), replyTimeout: .milliseconds(100))
        }
        let peer = try await server.nextPeer()
        _ = try await peer.nextLine()
        await #expect(throws: ACDClientError.timedOut(path: server.path, after: .milliseconds(100))) {
            _ = try await connecting.value
        }
    }

    @Test func aRefusedHelloFailsTheConnect() async throws {
        let server = try await FakeServer.start()
        defer { server.stop() }
        let connecting = Task { try await ACDConnection.connect(to: server.path, as: .adapter(client: "pbx")) }
        let peer = try await server.nextPeer()
        _ = try await peer.nextLine()
        peer.send(#"{"error":{"code":"forbidden","message":"uid 1000 may not connect as adapter"},"id":1,"ok":false}"# + "\n")
        await #expect(throws: ACDClientError.rejected(ProtocolError(.forbidden, "uid 1000 may not connect as adapter"))) {
            _ = try await connecting.value
        }
    }

    @Test func idsIncreaseAndRepliesFindTheirRequestsInAnyOrder() async throws {
        let server = try await FakeServer.start()
        defer { server.stop() }
        let (connection, peer) = try await connected(server)
        async let status = connection.status()
        async let explanation = connection.explain(call: "c-1")
        let sent = [try decode(try await peer.nextLine()), try decode(try await peer.nextLine())]
        #expect(Set(sent.compactMap(\.id)) == [.number(2), .number(3)])
        let explainID = try #require(sent.first { $0.type == "explain" }?.id)
        let statusID = try #require(sent.first { $0.type == "status" }?.id)
        // The later request is answered first, and an event comes between the replies.
        peer.send(#"{"call":"c-1","explanation":["waiting","position 1"],"id":\#(explainID),"ok":true,"type":"explain"}"# + "\n"
            + #"{"agent":"ana","event":"state.changed","seq":1,"state":"ready"}"# + "\n"
            + #"{"agents":[],"calls":[],"id":\#(statusID),"ok":true,"queues":[{"average_handle_ms":180000,"id":"q","logged_in":1,"not_ready":0,"ready":1,"waiting":0}],"type":"status"}"# + "\n")
        #expect(try await explanation == ["waiting", "position 1"])
        #expect(try await status.queues.map(\.id) == ["q"])
        var events = connection.events.makeAsyncIterator()
        #expect(await events.next()?.state == "ready")
    }

    @Test func framesLinesWhateverTheChunks() async throws {
        let server = try await FakeServer.start()
        defer { server.stop() }
        let (connection, peer) = try await connected(server)
        async let reply = connection.request(WireRequest(type: "status"))
        _ = try await peer.nextLine()
        // A reply split inside a token, a CRLF, an empty line, then two events in one write.
        peer.send(#"{"id":2,"ok":tr"#)
        peer.send(#"ue,"type":"status"}"# + "\r\n\n" + #"{"event":"notice","seq":1,"message":"one"}"# + "\n"
            + #"{"event":"notice","seq":2,"message":"two"}"# + "\n")
        #expect(try await reply.type == "status")
        var events = connection.events.makeAsyncIterator()
        #expect(await events.next()?.message == "one")
        #expect(await events.next()?.message == "two")
    }

    @Test func eventsArriveInOrder() async throws {
        let server = try await FakeServer.start()
        defer { server.stop() }
        let (connection, peer) = try await connected(server)
        for seq in 1...50 {
            peer.send(#"{"event":"call.queued","seq":\#(seq),"call":"c-\#(seq)"}"# + "\n")
        }
        var events = connection.events.makeAsyncIterator()
        var seen: [UInt64] = []
        for _ in 1...50 {
            seen.append(try #require(await events.next()).seq)
        }
        #expect(seen == Array(1...50))
    }

    @Test func anErrorReplyThrowsTheProtocolError() async throws {
        let server = try await FakeServer.start()
        defer { server.stop() }
        let (connection, peer) = try await connected(server)
        let explanation = Task { try await connection.explain(call: "c-9") }
        _ = try await peer.nextLine()
        peer.send(#"{"error":{"code":"unknown_call","message":"no live call 'c-9'"},"id":2,"ok":false}"# + "\n")
        await #expect(throws: ACDClientError.rejected(ProtocolError(.unknownCall, "no live call 'c-9'"))) {
            _ = try await explanation.value
        }
        let error = ACDClientError.rejected(ProtocolError(.unknownCall, "no live call 'c-9'"))
        #expect(error.description == "unknown_call: no live call 'c-9'")
        #expect(error.protocolError?.code == .unknownCall)
    }

    @Test func unknownEventsAreSkippedAndAnUnreadableReplyFailsItsRequest() async throws {
        let server = try await FakeServer.start()
        defer { server.stop() }
        let (connection, peer) = try await connected(server)
        let status = Task { try await connection.status() }
        _ = try await peer.nextLine()
        let unreadable = #"{"error":{"code":"from_the_future","message":"x"},"id":2,"ok":false}"#
        peer.send(#"{"event":"from.the.future","seq":1}"# + "\n" + unreadable + "\n"
            + #"{"event":"notice","seq":2,"message":"known"}"# + "\n")
        await #expect(throws: ACDClientError.unreadableReply(line: unreadable)) {
            _ = try await status.value
        }
        var events = connection.events.makeAsyncIterator()
        #expect(await events.next()?.seq == 2)
    }

    @Test func theDaemonClosingFailsWaitingRequestsWithItsLastWord() async throws {
        let server = try await FakeServer.start()
        defer { server.stop() }
        let (connection, peer) = try await connected(server)
        let status = Task { try await connection.status() }
        _ = try await peer.nextLine()
        peer.send(#"{"error":{"code":"line_too_long","message":"lines are limited to 1024 bytes"},"ok":false}"# + "\n")
        peer.close()
        let expected = ACDClientError.connectionClosed(path: server.path, detail: "line_too_long: lines are limited to 1024 bytes")
        await #expect(throws: expected) {
            _ = try await status.value
        }
        #expect(await connection.closeReason == expected)
        // Later requests fail at once, with the same reason.
        await #expect(throws: expected) {
            _ = try await connection.status()
        }
        var events = connection.events.makeAsyncIterator()
        #expect(await events.next() == nil)
    }

    @Test func anUnendedLineLongerThanTheLimitBreaksTheConnection() async throws {
        let server = try await FakeServer.start()
        defer { server.stop() }
        let (connection, peer) = try await connected(server, maximumLineBytes: 256)
        let status = Task { try await connection.status() }
        _ = try await peer.nextLine()
        peer.send(String(repeating: "x", count: 1000))
        await #expect(throws: ACDClientError.lineTooLong(limit: 256)) {
            _ = try await status.value
        }
    }

    @Test func aCancelledRequestStopsWaiting() async throws {
        let server = try await FakeServer.start()
        defer { server.stop() }
        let (connection, peer) = try await connected(server)
        let waiting = Task { try await connection.status() }
        _ = try await peer.nextLine()
        waiting.cancel()
        await #expect(throws: ACDClientError.cancelled) {
            _ = try await waiting.value
        }
        // The late reply is dropped and the connection goes on.
        peer.send(#"{"id":2,"ok":true,"type":"status"}"# + "\n")
        async let next = connection.request(WireRequest(type: "status"))
        #expect(try decode(try await peer.nextLine()).id == .number(3))
        peer.send(#"{"id":3,"ok":true,"type":"status"}"# + "\n")
        #expect(try await next.id == .number(3))
    }

    @Test func closingSendsWhatIsQueuedThenEndsTheConnection() async throws {
        let server = try await FakeServer.start()
        defer { server.stop() }
        let (connection, peer) = try await connected(server)
        let waiting = Task { try await connection.status() }
        _ = try await peer.nextLine()
        await connection.close()
        #expect(await peer.linesUntilClosed() == [])
        await #expect(throws: ACDClientError.connectionClosed(path: server.path, detail: "closed by the client")) {
            _ = try await waiting.value
        }
    }

    @Test func typedRequestsFillTheirFields() async throws {
        let server = try await FakeServer.start()
        defer { server.stop() }
        let (connection, peer) = try await connected(server)
        let requests = Task {
            try await connection.enqueue(CallEnqueue(call: "c-1", priority: 8, segment: "vip", attributes: ["ivr": "1"]))
            try await connection.agentNotReady(agent: "ana", reason: "lunch")
            try await connection.hangup(call: "c-1", by: .caller)
            try await connection.subscribe([.calls, .agents])
            try await connection.callback(call: "c-1", number: "+34600", notBeforeMs: 1_700_000_000_000)
            try await connection.outbound(OutboundRequest(call: "o-1", queue: "renewals", number: "+34900", priority: 2))
            try await connection.dialResult(call: "o-1", .retry(atMs: 1_700_000_600_000))
            try await connection.dialResult(call: "o-1", .noAnswer)
        }
        let expected = [
            #"{"attributes":{"ivr":"1"},"call":"c-1","id":2,"priority":8,"segment":"vip","type":"call.enqueue"}"#,
            #"{"agent":"ana","id":3,"reason":"lunch","type":"agent.not_ready"}"#,
            #"{"by":"caller","call":"c-1","id":4,"type":"call.hangup"}"#,
            #"{"id":5,"topics":["agents","calls"],"type":"subscribe"}"#,
            #"{"call":"c-1","id":6,"not_before_ms":1700000000000,"number":"+34600","type":"call.callback"}"#,
            #"{"call":"o-1","id":7,"number":"+34900","priority":2,"queue":"renewals","type":"call.outbound"}"#,
            #"{"call":"o-1","id":8,"result":"retry","retry_at_ms":1700000600000,"type":"call.dial_result"}"#,
            #"{"call":"o-1","id":9,"result":"no_answer","type":"call.dial_result"}"#,
        ]
        for (index, line) in expected.enumerated() {
            #expect(try await peer.nextLine() == line)
            peer.send(#"{"id":\#(index + 2),"ok":true}"# + "\n")
        }
        try await requests.value
    }
}
