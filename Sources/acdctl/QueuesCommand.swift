import ACDProtocol
import ArgumentParser

/// `acdctl queues`: each queue's live figures.
struct QueuesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queues", abstract: "Show each queue: waiting calls, oldest wait, agents, handle time, estimated wait."
    )

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        try await Output.failingOnClientError {
            var reply = try await ShortSession.status(options)
            if options.json {
                reply.agents = nil
                reply.calls = nil
                Output.line(JSONLine.reply(reply))
            } else {
                Output.line(StatusTables.queues(reply.queues ?? [], now: Display.nowMs()).render())
            }
        }
    }
}
