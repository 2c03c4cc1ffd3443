import ArgumentParser
import Foundation

/// The options every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The daemon's socket.",
        discussion: "Default: $ACDD_SOCKET, else \(SocketLocation.development) if it exists, else \(SocketLocation.system).",
        valueName: "path"
    ))
    var socket: String?

    @Flag(name: .long, help: "Print the daemon's replies and events as JSON lines instead of tables.")
    var json = false

    @Option(name: .long, help: ArgumentHelp(
        "Give up when the daemon does not answer a request within this many seconds (0: wait for ever).",
        valueName: "seconds"
    ))
    var timeout: Double = 10

    /// The reply timeout, nil for none.
    var replyTimeout: Duration? {
        timeout > 0 ? .milliseconds(Int64(timeout * 1000)) : nil
    }

    /// The socket path to connect to.
    var socketPath: String {
        SocketLocation.resolve(
            explicit: socket, environment: ProcessInfo.processInfo.environment,
            exists: { FileManager.default.fileExists(atPath: $0) }
        )
    }

    /// The arguments with global options written before the subcommand (`acdctl --json status`)
    /// moved after it, where the subcommand parses them; the rest stays in order.
    static func movedAfterSubcommand(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var rest = arguments[...]
        while let first = rest.first {
            if first == "--json" || first.hasPrefix("--socket=") || first.hasPrefix("--timeout=") {
                leading.append(first)
                rest = rest.dropFirst()
            } else if first == "--socket" || first == "--timeout", rest.count >= 2 {
                leading += rest.prefix(2)
                rest = rest.dropFirst(2)
            } else {
                break
            }
        }
        guard !leading.isEmpty else { return arguments }
        var moved = Array(rest)
        let end = moved.firstIndex(of: "--") ?? moved.endIndex
        moved.insert(contentsOf: leading, at: end)
        return moved
    }
}
