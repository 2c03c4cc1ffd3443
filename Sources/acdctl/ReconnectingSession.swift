import ACDClient

/// A long-lived connection for `watch` and `agent console`: the first connection must succeed
/// (otherwise the command fails with the reason); later losses are reported on standard error
/// and repaired by the client's reconnects.
enum ReconnectingSession {
    static func run(
        _ client: ACDClient, onReconnect: @escaping @Sendable () async -> Void = {},
        _ body: @escaping @Sendable () async throws -> Void
    ) async throws {
        let (firstOutcome, reportFirst) = AsyncStream<ACDClientError?>.makeStream()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            group.addTask {
                var connectedBefore = false
                var lastReason: ACDClientError?
                for await state in client.states {
                    switch state {
                    case .connecting:
                        break
                    case .connected(let session):
                        if connectedBefore {
                            Output.error("acdctl: reconnected to \(client.path) (session \(session ?? "-"))")
                            await onReconnect()
                        } else {
                            reportFirst.yield(nil)
                            reportFirst.finish()
                        }
                        connectedBefore = true
                        lastReason = nil
                    case .disconnected(let reason, let wait):
                        guard connectedBefore else {
                            reportFirst.yield(reason)
                            reportFirst.finish()
                            return
                        }
                        if reason != lastReason {
                            Output.error("acdctl: \(reason); reconnecting (next try in \(Display.duration(ms: wait.milliseconds)))")
                            lastReason = reason
                        }
                    case .closed:
                        reportFirst.finish()
                    }
                }
            }
            for await failure in firstOutcome {
                if let failure {
                    await client.close()
                    throw failure
                }
            }
            try await body()
            await client.close()
            try await group.waitForAll()
        }
    }
}

extension Duration {
    /// The whole milliseconds in this duration.
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
