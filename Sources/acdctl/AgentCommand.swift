import ACDClient
import ACDProtocol
import ArgumentParser

/// `acdctl agent ...`: act as an agent.
///
/// acdctl says hello as the agent it names and names that agent in every request. That is what
/// an agent's own Unix user may do (it connects as that agent), and what a gateway member or
/// root may do for any agent (the daemon lets them name whichever agent they act for).
struct AgentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agent",
        abstract: "Log an agent in or out, make it ready or take a break, or run its console.",
        discussion: """
            Root and members of an agent gateway group may act for any agent; any other user only \
            for the agent whose configured `user` it is.
            """,
        subcommands: [Login.self, Ready.self, Break.self, Logout.self, Status.self, AgentConsole.self]
    )

    struct Login: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Log the agent in, ready (or not ready with --reason).")
        @OptionGroup var options: GlobalOptions
        @Option(help: "Log in not ready for this reason (e.g. login, training).")
        var reason: String?
        @Argument(help: "The agent's id.") var agent: String

        func run() async throws {
            try await AgentAction.perform(agent, options) { connection throws(ACDClientError) in
                var wire = WireRequest(type: RequestType.agentLogin.rawValue)
                wire.agent = agent
                wire.reason = reason
                return try await connection.request(wire)
            }
        }
    }

    struct Ready: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make the agent ready for calls (also ends its wrap-up).")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "The agent's id.") var agent: String

        func run() async throws {
            try await AgentAction.perform(agent, options) { connection throws(ACDClientError) in
                var wire = WireRequest(type: RequestType.agentReady.rawValue)
                wire.agent = agent
                return try await connection.request(wire)
            }
        }
    }

    struct Break: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make the agent not ready for a reason (break, lunch...); during a call, once it ends."
        )
        @OptionGroup var options: GlobalOptions
        @Argument(help: "The reason code, e.g. break, lunch, training.") var reason: String
        @Argument(help: "The agent's id.") var agent: String

        func run() async throws {
            try await AgentAction.perform(agent, options) { connection throws(ACDClientError) in
                var wire = WireRequest(type: RequestType.agentNotReady.rawValue)
                wire.agent = agent
                wire.reason = reason
                return try await connection.request(wire)
            }
        }
    }

    struct Logout: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Log the agent out (refused during a call).")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "The agent's id.") var agent: String

        func run() async throws {
            try await AgentAction.perform(agent, options) { connection throws(ACDClientError) in
                var wire = WireRequest(type: RequestType.agentLogout.rawValue)
                wire.agent = agent
                return try await connection.request(wire)
            }
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the agent's state and today's counters.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "The agent's id.") var agent: String

        func run() async throws {
            try await AgentAction.perform(agent, options) { connection throws(ACDClientError) in
                var wire = WireRequest(type: RequestType.agentStatus.rawValue)
                wire.agent = agent
                return try await connection.request(wire)
            }
        }
    }
}

/// One agent request on a connection that says hello as that agent; prints the agent's state
/// afterwards (or the reply, with `--json`).
enum AgentAction {
    static func perform(
        _ agent: String, _ options: GlobalOptions,
        _ action: @escaping (ACDConnection) async throws(ACDClientError) -> WireReply
    ) async throws {
        try await Output.failingOnClientError {
            let (reply, view) = try await ShortSession.withConnection(options, as: .agent(agent, client: "acdctl")) { connection in
                let reply = try await action(connection)
                if options.json || reply.agent != nil { return (reply, reply.agent) }
                return (reply, try await connection.agentStatus(agent: agent))
            }
            if options.json {
                Output.line(JSONLine.reply(reply))
            } else if let view {
                Output.line(StatusTables.agents([view], now: Display.nowMs()).render())
            }
        }
    }
}
