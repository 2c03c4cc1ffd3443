import ACDClient
import ACDProtocol
import ArgumentParser

/// `acdctl watch`: every event, as it happens, until interrupted.
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Print every event (calls, agents, queues) as it happens, until Ctrl-C.",
        discussion: "Reconnects by itself when the daemon restarts, and says so on standard error."
    )

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let json = options.json
        let client = ACDClient(path: options.socketPath, hello: .supervisor(client: "acdctl watch")) { connection throws(ACDClientError) in
            try await connection.subscribe([.all])
        }
        try await Output.failingOnClientError {
            try await ReconnectingSession.run(client) {
                Output.error("acdctl: watching \(client.path) (Ctrl-C to stop)")
                for await event in client.events {
                    Output.line(json ? JSONLine.event(event) : EventLine.render(event))
                }
            }
        }
    }
}
