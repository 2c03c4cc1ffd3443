import Foundation
import Testing

/// The built acdd, started on a configuration in a temporary directory, stopped with SIGTERM.
final class DaemonProcess {
    let directory: URL
    let socketPath: String
    let process = Process()
    private let errorPipe = Pipe()
    /// Everything the daemon wrote on stderr so far.
    private(set) var log = ""

    /// Writes `configuration` (YAML; `SOCKET` is replaced by the socket path) and starts acdd on it,
    /// returning once it listens.
    init(configuration: String) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("acdd-e2e-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        socketPath = directory.appendingPathComponent("acdd.sock").path
        let configPath = directory.appendingPathComponent("acdd.yaml")
        try configuration.replacingOccurrences(of: "SOCKET", with: socketPath).write(to: configPath, atomically: true, encoding: .utf8)
        process.executableURL = Self.binary
        process.arguments = ["--config", configPath.path, "--log-level", "info"]
        process.standardError = errorPipe
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        try waitForLog(containing: "listening")
    }

    /// The acdd binary next to the test bundle.
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("acdd")
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

    /// SIGTERM, then waits for the exit; returns the exit status.
    @discardableResult
    func stop() -> Int32 {
        if process.isRunning {
            process.terminate()
        }
        process.waitUntilExit()
        log += String(decoding: errorPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        try? FileManager.default.removeItem(at: directory)
        return process.terminationStatus
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
