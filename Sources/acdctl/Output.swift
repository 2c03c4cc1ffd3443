import ACDClient
import ArgumentParser
import Foundation

/// Lines to the terminal, written at once (no buffering, so `watch | grep` sees each event as it
/// comes), and the one-line failures acdctl exits with.
enum Output {
    static func line(_ text: String) {
        write(text + "\n", to: STDOUT_FILENO)
    }

    static func error(_ text: String) {
        write(text + "\n", to: STDERR_FILENO)
    }

    /// Writes all of `text`. A reader that went away (`acdctl watch | head`) ends acdctl quietly
    /// with status 0, as Unix tools do; any other failure to write ends it with status 1.
    private static func write(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                exit(errno == EPIPE ? 0 : 1)
            }
            bytes = bytes.dropFirst(written)
        }
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
