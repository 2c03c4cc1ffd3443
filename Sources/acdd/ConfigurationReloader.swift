import ACDConfiguration
import ACDServer
import ACDSystemd
import Logging
import ServiceLifecycle
import UnixSignals

/// SIGHUP (`systemctl reload acdd`): reads the configuration file again and applies it to the
/// running center without dropping a call or a connection. systemd hears RELOADING=1 first and
/// READY=1 after, whatever the outcome. A file that does not load, or that the engine refuses, is
/// logged with its reason and changes nothing. Settings that only a restart can change (the
/// socket, the state directory, the journal, the maximum line length) are named in the log.
struct ConfigurationReloader: Service, CustomStringConvertible {
    let path: String
    /// The configuration in force at the start.
    let initial: DaemonConfiguration
    let control: ServerControl
    let notifier: SystemdNotifier
    let logger: Logger

    /// The service's name in the service group's logs: short, where the default description would
    /// print the whole configuration (seconds of start-up with thousands of agents).
    var description: String { "ConfigurationReloader(\(path))" }

    func run() async throws {
        var current = initial
        for await _ in await UnixSignalsSequence(trapping: .sighup).cancelOnGracefulShutdown() {
            tell { () throws(SystemdError) in try notifier.reloading(status: "reloading \(path)") }
            if let applied = await reload(over: current) {
                current = applied
            }
            tell { () throws(SystemdError) in try notifier.ready(status: "listening") }
        }
    }

    /// Loads and applies the file; the configuration now in force, or nil when it was refused.
    private func reload(over current: DaemonConfiguration) async -> DaemonConfiguration? {
        let configuration: DaemonConfiguration
        do {
            configuration = try DaemonConfiguration.load(path: path)
        } catch {
            logger.error("configuration not reloaded: the one in use is unchanged", metadata: ["error": "\(error.description)"])
            return nil
        }
        do {
            let summary = try await control.reload(ServerSettings(configuration, logger: logger))
            var metadata = Logger.Metadata()
            for (key, value) in summary.fields {
                metadata[key] = "\(value)"
            }
            logger.notice("configuration reloaded", metadata: metadata)
        } catch {
            logger.error("configuration not reloaded: the one in use is unchanged", metadata: ["error": "\(error.description)"])
            return nil
        }
        let pending = Self.restartOnly(current, configuration)
        if !pending.isEmpty {
            logger.notice("changed settings that apply at the next restart", metadata: ["settings": "\(pending.joined(separator: ", "))"])
        }
        return configuration
    }

    /// The settings that differ between `old` and `new` and that only a restart applies.
    static func restartOnly(_ old: DaemonConfiguration, _ new: DaemonConfiguration) -> [String] {
        var names: [String] = []
        if old.socket != new.socket { names.append("socket") }
        if old.stateDirectory != new.stateDirectory { names.append("state_directory") }
        if old.journal != new.journal { names.append("journal") }
        if old.limits.maxLineBytes != new.limits.maxLineBytes { names.append("limits.max_line_bytes") }
        return names
    }

    private func tell(_ message: () throws(SystemdError) -> Bool) {
        do {
            _ = try message()
        } catch {
            logger.error("cannot notify systemd", metadata: ["error": "\(error)"])
        }
    }
}
