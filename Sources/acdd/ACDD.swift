import ACDConfiguration
import ACDCore
import ACDServer
import ACDSystemd
import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

/// The acdd daemon: loads the configuration, listens on the Unix socket (its own, or the one
/// systemd passed), routes until SIGTERM, and applies the configuration file again on SIGHUP.
/// Under systemd it reports READY=1 once it listens, RELOADING=1 then READY=1 around a reload and
/// STOPPING=1 when it stops, and logs to the journal with structured fields.
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

    @Flag(name: .customLong("discard-state"), help: "When the configuration changed while calls or agents were live, drop them and start empty, instead of serving them under the configuration they were recorded under.")
    var discardState = false

    @Option(name: .customLong("log-target"), help: "auto (the journal when stderr is connected to it, else stderr), journal or stderr.")
    var logTarget = LogTarget.auto

    @Flag(name: .customLong("no-journal"), help: ArgumentHelp(
        "Keep the state in memory only, with no journal, no snapshots and no call records: nothing survives a stop. For measuring what the journal costs; never in service.",
        visibility: .hidden
    ))
    var noJournal = false

    func run() async throws {
        let configuration: DaemonConfiguration
        var opening: JournalOpening?
        do {
            let loading = try ConfigurationLoading(path: config)
            // A journal left by an earlier run is opened and read on another thread while the rest
            // of the file is parsed. A new one is created only once the whole file is valid.
            if !checkConfig, !noJournal {
                opening = JournalOpening.ofExistingJournal(
                    in: loading.stateDirectory, durability: loading.journal.durability, history: loading.journal.keptHistory
                )
            }
            configuration = try loading.finish()
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
        let journal = logTarget.usesJournal
        // glibc's localtime(), which stamps each stderr line, stats /etc/localtime on every call
        // unless TZ is set; ":/etc/localtime" names the same zone (Foundation falls back to the
        // same file) and is read once. A changed system time zone is seen at the next start.
        if getenv("TZ") == nil {
            setenv("TZ", ":/etc/localtime", 1)
        }
        let textOutput = LogOutput()
        let logWriter = LogWriter(afterWriting: textOutput.flush)
        LoggingSystem.bootstrap { label in
            let output: any LogHandler = journal
                ? JournalLogHandler(label: label, identifier: "acdd")
                : TextLogHandler(label: label, output: textOutput)
            var handler = BackgroundLogHandler(output, writer: logWriter)
            handler.logLevel = level
            return handler
        }
        defer { logWriter.flush() }
        let logger = Logger(label: "acdd")
        let notifier: SystemdNotifier
        let activated: Int32?
        do {
            notifier = try SystemdNotifier()
            activated = try ActivatedSocket.fromEnvironment()
        } catch {
            logger.critical("cannot use what systemd passed", metadata: ["error": "\(error)"])
            throw ExitCode(1)
        }
        var settings = ServerSettings(configuration, logger: logger)
        settings.journal?.discardStateOnChange = discardState
        settings.journal?.opening = opening
        if noJournal {
            logger.warning("running without a journal (--no-journal): nothing survives a stop, no call is recorded")
            settings.journal = nil
        }
        let listener: UnixSocketServer.Listener
        let place: String
        if let activated {
            listener = .adopted(descriptor: activated)
            place = "the socket systemd passed"
            if let socket {
                logger.notice("--socket ignored: systemd passed the socket", metadata: ["socket": "\(socket)"])
            }
        } else {
            let path = socket ?? configuration.socket.path
            var group: UInt32?
            if let name = configuration.socket.group {
                guard let entry = getgrnam(name) else {
                    logger.critical("socket.group names an unknown Unix group", metadata: ["group": "\(name)"])
                    throw ExitCode(1)
                }
                group = entry.pointee.gr_gid
            }
            listener = .path(path, mode: configuration.socket.mode, group: group)
            place = path
        }
        let control = ServerControl()
        let server = UnixSocketServer(
            listener: listener, settings: settings, serverName: "acdd/\(Self.version)", logger: logger,
            heartbeat: notifier.isActive ? ServiceHeartbeat(notifier: notifier) : nil,
            control: control,
            onListening: {
                do {
                    try notifier.ready(status: "listening on \(place)")
                } catch {
                    logger.error("cannot tell systemd that acdd is ready", metadata: ["error": "\(error)"])
                }
            }
        )
        let group = ServiceGroup(configuration: .init(
            services: [
                server,
                ConfigurationReloader(path: config, initial: configuration, control: control, notifier: notifier, logger: logger),
                StoppingNotice(notifier: notifier, logger: logger)],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger
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
