import ACDProtocol
import ArgumentParser

/// `acdctl calls`: every live call.
struct CallsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calls", abstract: "Show each live call: state, queue, priority, wait, position, estimated wait, agents."
    )

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        try await Output.failingOnClientError {
            var reply = try await ShortSession.status(options)
            if options.json {
                reply.agents = nil
                reply.queues = nil
                Output.line(JSONLine.reply(reply))
            } else if let calls = reply.calls, !calls.isEmpty {
                Output.line(StatusTables.calls(calls, now: Display.nowMs()).render())
            } else {
                Output.line("no live calls")
            }
        }
    }
}
