import NIOCore
import Synchronization

/// A handle on a running `UnixSocketServer` for the process around it: reloads reach the
/// executor through it, on the executor's own event loop.
public final class ServerControl: Sendable {
    private let executor = Mutex<NIOLoopBound<RoutingExecutor>?>(nil)

    public init() {}

    /// Called by the server once its state is recovered, and with nil when it stops.
    func attach(_ executor: NIOLoopBound<RoutingExecutor>?) {
        self.executor.withLock { $0 = executor }
    }

    /// Applies new settings to the running server (see `RoutingExecutor.reload`). Throws when the
    /// server is not running or the engine refuses them; then nothing changed.
    public func reload(_ settings: ServerSettings) async throws(ReloadError) -> ReloadSummary {
        guard let bound = executor.withLock({ $0 }) else { throw .notRunning }
        let result: Result<ReloadSummary, ReloadError>
        do {
            result = try await bound.eventLoop.submit {
                Result { () throws(ReloadError) in try bound.value.reload(settings) }
            }.get()
        } catch {
            throw .notRunning
        }
        return try result.get()
    }
}
