import ArgumentParser
import Glibc

/// acdctl: look at and act on a running acdd from the shell.
@main
struct ACDCtl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "acdctl",
        abstract: "Look at and act on a running acdd.",
        discussion: """
            Connects to acdd's Unix socket. Exits 1, with one line saying why, when the daemon \
            cannot be reached or refuses a request.
            """,
        subcommands: [
            StatusCommand.self, QueuesCommand.self, AgentsCommand.self, CallsCommand.self, ExplainCommand.self,
            WatchCommand.self, AgentCommand.self, SendCommand.self, SimulateCommand.self, ForecastCommand.self, ReportCommand.self,
            ReplayCommand.self,
        ]
    )

    /// Parses with the global options allowed before the subcommand too, then runs. SIGPIPE is
    /// ignored (NIO does so too once loaded), so a closed output is a write error `Output` handles.
    static func main() async {
        signal(SIGPIPE, SIG_IGN)
        let arguments = GlobalOptions.movedAfterSubcommand(Array(CommandLine.arguments.dropFirst()))
        do {
            var command = try parseAsRoot(arguments)
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
