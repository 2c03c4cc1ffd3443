import ACDClient
import ArgumentParser
import Foundation

/// Lines to the terminal, written at once (no buffering, so `watch | grep` sees each event as it
/// comes), and the one-line failures acdctl exits with.
enum Output {
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Runs `body`; a client error is printed as `acdctl: ...` and ends the command with status 1.
    static func failingOnClientError(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as ACDClientError {
            Output.error("acdctl: \(error)")
            throw ExitCode(1)
        }
    }
}
