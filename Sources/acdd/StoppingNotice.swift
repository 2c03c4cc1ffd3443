import ACDSystemd
import Logging
import ServiceLifecycle

/// Tells systemd STOPPING=1 as soon as a graceful shutdown begins (SIGTERM, SIGINT). It is the
/// service group's last service, so it hears of the shutdown first, before the server drains.
struct StoppingNotice: Service {
    let notifier: SystemdNotifier
    let logger: Logger

    func run() async throws {
        try await gracefulShutdown()
        do {
            try notifier.stopping(status: "stopping: telling clients")
        } catch {
            logger.error("cannot tell systemd that acdd is stopping", metadata: ["error": "\(error)"])
        }
    }
}
