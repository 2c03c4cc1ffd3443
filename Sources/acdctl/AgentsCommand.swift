import ACDProtocol
import ArgumentParser

/// `acdctl agents`: every agent's state and today's counters.
struct AgentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agents", abstract: "Show each agent: state, time in it, call, today's counters, queues."
    )

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        try await Output.failingOnClientError {
            var reply = try await ShortSession.status(options)
            if options.json {
                reply.queues = nil
                reply.calls = nil
                Output.line(JSONLine.reply(reply))
            } else {
                Output.line(StatusTables.agents(reply.agents ?? [], now: Display.nowMs()).render())
            }
        }
    }
}
