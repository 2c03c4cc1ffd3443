import ACDConfiguration
import ACDCore
import ACDServer
import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

/// The acdd daemon: loads the configuration, listens on the Unix socket, routes until SIGTERM.
@main
struct ACDD: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "acdd",
        abstract: "Automatic call distributor: routes calls to agents and publishes the assignments on a Unix socket.",
        version: version
    )

    @Option(name: .long, help: "The configuration file (YAML).")
    var config = "config/acdd.yaml"

    @Option(name: .long, help: "Listen on this socket path instead of the configured one.")
    var socket: String?

    @Flag(name: .customLong("check-config"), help: "Check the configuration, print the first problem as FILE:LINE:COLUMN: reason, and exit.")
    var checkConfig = false

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel = "info"

    func run() async throws {
        let configuration: DaemonConfiguration
        do {
            configuration = try DaemonConfiguration.load(path: config)
        } catch {
            FileHandle.standardError.write(Data("\(error.description)\n".utf8))
            throw ExitCode(2)
        }
        if checkConfig {
            print("\(config): ok (\(configuration.center.queues.count) queues, \(configuration.center.agents.count) agents, \(configuration.routing.count) routing rules)")
            return
        }
        guard let level = Logger.Level(rawValue: logLevel) else {
            throw ValidationError("unknown log level '\(logLevel)'")
        }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "acdd")
        let settings = ServerSettings(configuration, logger: logger)
        let path = socket ?? configuration.socket.path
        let server = UnixSocketServer(
            listener: .path(path, mode: configuration.socket.mode), settings: settings,
            serverName: "acdd/\(Self.version)", logger: logger
        )
        let group = ServiceGroup(configuration: .init(
            services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger
        ))
        do {
            try await group.run()
        } catch is CancellationError {
            // A graceful stop.
        } catch {
            logger.critical("stopped", metadata: ["error": "\(error)"])
            throw ExitCode(1)
        }
        logger.info("stopped")
    }
}
