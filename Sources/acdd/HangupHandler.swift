import Logging
import ServiceLifecycle
import UnixSignals

/// SIGHUP: reloading the configuration is not supported yet. The signal is caught, so that it can
/// never stop the daemon (its default action), and the operator is told what to do instead.
struct HangupHandler: Service {
    let logger: Logger

    func run() async throws {
        for await _ in await UnixSignalsSequence(trapping: .sighup).cancelOnGracefulShutdown() {
            logger.warning("SIGHUP: reloading the configuration is not supported yet; the configuration in use is unchanged")
        }
    }
}
