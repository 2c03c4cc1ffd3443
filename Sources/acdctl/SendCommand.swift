import ACDClient
import ACDProtocol
import ArgumentParser
import Foundation

/// `acdctl send LINE...`: raw protocol lines, for trying the protocol by hand.
struct SendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Send raw protocol lines after an automatic hello; print every reply and event line as received.",
        discussion: """
            Says hello as a supervisor (or --role), sends each LINE as it is, and prints every \
            line the daemon sends back until each got its reply and the events they caused are \
            printed (or, with --follow, until Ctrl-C). Exits 1 if a reply is not ok.
            Example: acdctl send '{"type":"explain","call":"c-1"}'
            """
    )

    @OptionGroup var options: GlobalOptions

    @Option(help: "The role of the automatic hello: supervisor, adapter or agent.")
    var role: HelloRole = .supervisor

    @Option(help: "The agent of the hello, for --role agent.")
    var agent: String?

    @Option(help: "The client name of the hello (adapters keep their calls under it).")
    var client = "acdctl"

    @Flag(help: "Keep printing what arrives after the last reply, until Ctrl-C.")
    var follow = false

    @Argument(help: "Request lines, one JSON object each.")
    var lines: [String] = []

    func validate() throws {
        if role == .agent, agent == nil { throw ValidationError("--role agent needs --agent ID") }
    }

    func run() async throws {
        let codec = LineCodec()
        // Sent after the user's lines: its reply comes after theirs and after the events they caused.
        let marker = "acdctl-end-\(UUID().uuidString)"
        var allOK = true
        try await Output.failingOnClientError {
            let connection = try await LineConnection.connect(to: options.socketPath)
            var received = connection.lines.makeAsyncIterator()
            var hello = Hello(role: role.role, agent: agent, client: client).request
            hello.id = .string("acdctl-hello")
            connection.send(bytes: codec.encode(hello))
            let welcome = try await Self.nextReply(&received, codec: codec, path: connection.path)
            if let error = welcome.error, !welcome.ok {
                connection.abort()
                throw ACDClientError.rejected(error)
            }
            for line in lines {
                connection.send(line)
            }
            if !follow {
                // A second hello changes nothing and is refused (already_greeted) in any role.
                var end = hello
                end.id = .string(marker)
                connection.send(bytes: codec.encode(end))
            }
            while let line = try await received.next() {
                if case .reply(let reply)? = try? codec.decodeServerLine(line.utf8) {
                    if reply.id == .string(marker) { break }
                    allOK = allOK && reply.ok
                }
                Output.line(line)
            }
            connection.close()
        }
        if !allOK { throw ExitCode(1) }
    }

    /// The next reply line (nothing but the welcome comes before it).
    private static func nextReply(
        _ received: inout AsyncThrowingStream<String, any Error>.Iterator, codec: LineCodec, path: String
    ) async throws -> WireReply {
        while let line = try await received.next() {
            if case .reply(let reply)? = try? codec.decodeServerLine(line.utf8) { return reply }
        }
        throw ACDClientError.connectionClosed(path: path, detail: "before the reply to hello")
    }
}

/// The roles `--role` takes.
enum HelloRole: String, ExpressibleByArgument, CaseIterable {
    case supervisor
    case adapter
    case agent

    var role: Role {
        switch self {
        case .supervisor: .supervisor
        case .adapter: .adapter
        case .agent: .agent
        }
    }
}
