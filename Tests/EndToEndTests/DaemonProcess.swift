import Foundation
import Testing

/// The built acdd, started on a configuration in a temporary directory, stopped with SIGTERM.
final class DaemonProcess {
    /// How acdd is started.
    enum Launch {
        /// acdd itself.
        case direct
        /// Through `systemd-socket-activate`, listening on these socket files (in the daemon's
        /// directory) with these names (`--fdname`; none: systemd's default), passing
        /// NOTIFY_SOCKET on. acdd starts at the first connection.
        case socketActivated(sockets: [String], names: [String]?)
        /// Through a wrapper: the command line to run, given acdd's and the daemon's directory.
        case wrapped((_ acdd: [String], _ directory: URL) -> [String])
    }

    /// When the initializer returns.
    enum Readiness {
        /// Once the daemon wrote this on stderr.
        case log(String)
        /// At once: the test waits for what it needs itself.
        case started
    }

    let directory: URL
    let socketPath: String
    let process = Process()
    private let errorPipe = Pipe()
    /// Everything the daemon wrote on stderr so far.
    private(set) var log = ""

    /// Variables of systemd's protocols: a test passes the ones it means; the daemon inherits none
    /// from the test process.
    static let systemdVariables = [
        "NOTIFY_SOCKET", "JOURNAL_STREAM", "LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES", "WATCHDOG_USEC", "WATCHDOG_PID",
    ]

    /// Writes `configuration` (YAML; `SOCKET` is replaced by the socket path) and starts acdd on it
    /// with `environment` added, returning when `readiness` says. In `directory`, when given (a
    /// restart: the state directory is kept), otherwise in a new temporary one.
    init(configuration: String, directory given: URL? = nil, arguments: [String] = [], environment: [String: String] = [:],
         launch: Launch = .direct, readiness: Readiness = .log("listening")) throws {
        directory = given ?? FileManager.default.temporaryDirectory.appendingPathComponent("acdd-e2e-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        socketPath = directory.appendingPathComponent("acdd.sock").path
        let configPath = directory.appendingPathComponent("acdd.yaml")
        try configuration.replacingOccurrences(of: "SOCKET", with: socketPath).write(to: configPath, atomically: true, encoding: .utf8)
        let acdd = [Self.binary.path, "--config", configPath.path, "--log-level", "info"] + arguments
        let command: [String]
        switch launch {
        case .direct:
            command = acdd
        case .socketActivated(let sockets, let names):
            let listen = sockets.flatMap { ["-l", directory.appendingPathComponent($0).path] }
            let fdnames = names.map { ["--fdname=" + $0.joined(separator: ":")] } ?? []
            command = [Self.tool("systemd-socket-activate") ?? "systemd-socket-activate"] + listen + fdnames
                + ["-E", "NOTIFY_SOCKET"] + acdd
        case .wrapped(let wrap):
            command = wrap(acdd, directory)
        }
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        var inherited = ProcessInfo.processInfo.environment
        for name in Self.systemdVariables {
            inherited[name] = nil
        }
        process.environment = inherited.merging(environment) { _, given in given }
        process.standardError = errorPipe
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        switch readiness {
        case .log(let text):
            try waitForLog(containing: text)
        case .started:
            break
        }
    }

    /// The acdd binary next to the test bundle.
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("acdd")
    }

    /// The path of an executable found on PATH (or in /usr/sbin, /sbin), or nil.
    static func tool(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let directories = path.split(separator: ":").map(String.init) + ["/usr/sbin", "/sbin"]
        return directories.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// A file in the daemon's directory.
    func path(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }

    /// Reads the daemon's stderr until `text` appears; fails if it exits first.
    func waitForLog(containing text: String) throws {
        while !log.contains(text) {
            let data = errorPipe.fileHandleForReading.availableData
            guard !data.isEmpty else {
                throw DaemonError.exited(log: log)
            }
            log += String(decoding: data, as: UTF8.self)
        }
    }

    /// Whether the daemon has written `text` on stderr yet (reads what is available, never blocks).
    func logContains(_ text: String) -> Bool {
        let handle = errorPipe.fileHandleForReading
        var poller = pollfd(fd: handle.fileDescriptor, events: Int16(POLLIN), revents: 0)
        while poll(&poller, 1, 0) > 0 {
            let data = handle.availableData
            if data.isEmpty { break }
            log += String(decoding: data, as: UTF8.self)
        }
        return log.contains(text)
    }

    /// Waits for the daemon to exit by itself; returns the exit status and reads the rest of stderr.
    func waitForExit() -> Int32 {
        process.waitUntilExit()
        log += String(decoding: errorPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return process.terminationStatus
    }

    /// SIGTERM (a graceful stop: the journal settles and the call records are written), then
    /// waits for the exit; the directory stays, for a restart or a report.
    func terminate() -> Int32 {
        if process.isRunning {
            process.terminate()
        }
        return waitForExit()
    }

    /// SIGKILL (a crash), then waits for the exit; the directory stays for a restart.
    func kill() {
        if process.isRunning {
            Glibc.kill(process.processIdentifier, SIGKILL)
        }
        _ = waitForExit()
    }

    /// SIGTERM, then waits for the exit; returns the exit status.
    @discardableResult
    func stop() -> Int32 {
        let status = terminate()
        try? FileManager.default.removeItem(at: directory)
        return status
    }

    deinit {
        if process.isRunning { process.terminate() }
    }
}

enum DaemonError: Error, CustomStringConvertible {
    case exited(log: String)
    var description: String {
        switch self {
        case .exited(let log): "acdd exited early:\n\(log)"
        }
    }
}
