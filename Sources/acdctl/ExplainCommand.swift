import ACDClient
import ACDProtocol
import ArgumentParser

/// `acdctl explain CALL`: why a call is where it is.
struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Explain why a live call waits, rings or is connected where it is."
    )

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The call's id.")
    var call: String

    func run() async throws {
        try await Output.failingOnClientError {
            var request = WireRequest(type: RequestType.explain.rawValue)
            request.call = call
            let reply = try await ShortSession.withConnection(options) { connection in
                try await connection.request(request)
            }
            if options.json {
                Output.line(JSONLine.reply(reply))
            } else {
                for line in reply.explanation ?? [] { Output.line(line) }
            }
        }
    }
}
