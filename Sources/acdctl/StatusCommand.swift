import ACDProtocol
import ArgumentParser

/// `acdctl status`: queues, agents and live calls at once.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show every queue, agent and live call."
    )

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        try await Output.failingOnClientError {
            let reply = try await ShortSession.status(options)
            if options.json {
                Output.line(JSONLine.reply(reply))
                return
            }
            let now = Display.nowMs()
            let queues = reply.queues ?? []
            let agents = reply.agents ?? []
            let calls = reply.calls ?? []
            let waiting = calls.filter { $0.state == "waiting" }.count
            let loggedIn = agents.filter { $0.state != "logged_out" }.count
            let ready = agents.filter { $0.state == "ready" }.count
            Output.line("\(reply.server ?? "acdd"): \(queues.count) queues, \(loggedIn) of \(agents.count) agents logged in (\(ready) ready), \(calls.count) live calls (\(waiting) waiting)")
            Output.line("")
            Output.line(StatusTables.queues(queues, now: now).render())
            Output.line("")
            Output.line(StatusTables.agents(agents, now: now).render())
            Output.line("")
            Output.line(calls.isEmpty ? "no live calls" : StatusTables.calls(calls, now: now).render())
        }
    }
}
