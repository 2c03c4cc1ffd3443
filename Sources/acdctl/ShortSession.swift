import ACDClient
import ACDProtocol

/// A short connection for one command: connect, hello, ask, close.
enum ShortSession {
    static func withConnection<T>(
        _ options: GlobalOptions, as hello: Hello = .supervisor(client: "acdctl"), _ body: (ACDConnection) async throws -> T
    ) async throws -> T {
        let connection = try await ACDConnection.connect(to: options.socketPath, as: hello, replyTimeout: options.replyTimeout)
        do {
            let result = try await body(connection)
            await connection.close()
            return result
        } catch {
            await connection.close()
            throw error
        }
    }

    /// The `status` reply, as sent.
    static func status(_ options: GlobalOptions) async throws -> WireReply {
        try await withConnection(options) { connection in
            try await connection.request(WireRequest(type: RequestType.status.rawValue))
        }
    }
}
