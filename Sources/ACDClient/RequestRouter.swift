import ACDProtocol
import Foundation

/// Sends requests over a line connection with increasing numeric ids, hands each reply to the
/// request with its id, and passes pushed events on in order. Owns the connection's reading side.
actor RequestRouter {
    nonisolated let events: AsyncStream<WireEvent>
    private let eventSink: AsyncStream<WireEvent>.Continuation
    private let lines: LineConnection
    private let codec = LineCodec()
    private var nextID: Int64 = 1
    private var waiting: [Int64: CheckedContinuation<Result<WireReply, ACDClientError>, Never>] = [:]
    /// Why the connection ended, once it has: every later request fails with it.
    private(set) var ended: ACDClientError?
    /// What the daemon said last without naming a request (an error before it closed, a shutdown).
    private var lastWord: String?

    /// How long a request waits for its reply before it fails with `timedOut`; nil: for ever.
    private let replyTimeout: Duration?

    init(lines: LineConnection, replyTimeout: Duration? = nil) {
        self.lines = lines
        self.replyTimeout = replyTimeout
        (events, eventSink) = AsyncStream<WireEvent>.makeStream()
    }

    /// Reads the daemon's lines until the connection ends; runs once, for the connection's life.
    func readUntilClosed() async {
        do {
            for try await line in lines.lines {
                receive(line)
            }
            end(.connectionClosed(path: lines.path, detail: lastWord))
        } catch let error as ACDClientError {
            end(error)
        } catch {
            end(.connectionClosed(path: lines.path, detail: "\(error)"))
        }
    }

    /// Sends `wire` with the next id and waits for its reply; the daemon's refusal is a failure.
    func send(_ wire: WireRequest) async -> Result<WireReply, ACDClientError> {
        if let ended { return .failure(ended) }
        let id = nextID
        nextID += 1
        var numbered = wire
        numbered.id = .number(id)
        let line = codec.encode(numbered)
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                if Task.isCancelled {
                    continuation.resume(returning: .failure(.cancelled))
                    return
                }
                waiting[id] = continuation
                lines.send(bytes: line)
                if let replyTimeout {
                    Task {
                        try? await Task.sleep(for: replyTimeout)
                        self.expire(id, after: replyTimeout)
                    }
                }
            }
        } onCancel: {
            Task { await self.abandon(id) }
        }
    }

    /// Stops sending: what is queued goes out, then the connection closes.
    func close() {
        if ended == nil { ended = .connectionClosed(path: lines.path, detail: "closed by the client") }
        lines.close()
    }

    private func expire(_ id: Int64, after timeout: Duration) {
        waiting.removeValue(forKey: id)?.resume(returning: .failure(.timedOut(path: lines.path, after: timeout)))
    }

    private func abandon(_ id: Int64) {
        waiting.removeValue(forKey: id)?.resume(returning: .failure(.cancelled))
    }

    private func receive(_ line: String) {
        let decoded: ServerLine
        do {
            decoded = try codec.decodeServerLine(line.utf8)
        } catch {
            // An event this client does not know is skipped; a reply it cannot read fails its request.
            if case .number(let id)? = (try? JSONDecoder().decode(IDProbe.self, from: Data(line.utf8)))?.id,
               let continuation = waiting.removeValue(forKey: id) {
                continuation.resume(returning: .failure(.unreadableReply(line: line)))
            }
            return
        }
        switch decoded {
        case .reply(let reply):
            guard case .number(let id)? = reply.id, let continuation = waiting.removeValue(forKey: id) else {
                if let error = reply.error { lastWord = "\(error.code.rawValue): \(error.message)" }
                return
            }
            if reply.ok {
                continuation.resume(returning: .success(reply))
            } else {
                let error = reply.error ?? ProtocolError(.internalError, "the reply says not ok but carries no error")
                continuation.resume(returning: .failure(.rejected(error)))
            }
        case .event(let event):
            if event.event == .shutdown { lastWord = "acdd is shutting down" }
            eventSink.yield(event)
        }
    }

    private func end(_ cause: ACDClientError) {
        let reason = ended ?? cause
        ended = reason
        let failed = waiting
        waiting.removeAll()
        for continuation in failed.values {
            continuation.resume(returning: .failure(reason))
        }
        eventSink.finish()
    }
}

/// The `id` of a line that could not be read in full.
private struct IDProbe: Decodable {
    var id: RequestID?
}
