import ACDClient
import ACDProtocol
import ArgumentParser

/// `acdctl agent console ID`: an agent's desk in a terminal. Prints offers and state changes as
/// they come and reads commands from standard input.
struct AgentConsole: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Work as the agent: offers and state changes as they come, commands from standard input.",
        discussion: "Commands:\n" + ConsoleCommand.helpText
    )

    @OptionGroup var options: GlobalOptions
    @Argument(help: "The agent's id.") var agent: String

    func run() async throws {
        let agent = agent
        let json = options.json
        let client = ACDClient(path: options.socketPath, hello: .agent(agent, client: "acdctl console"))
        let desk = Desk(agent: agent, client: client, json: json)
        try await Output.failingOnClientError {
            try await ReconnectingSession.run(client, onReconnect: { await desk.showStatus() }) {
                await desk.showStatus()
                if !json { Output.line(ConsoleCommand.helpText) }
                await withTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for await event in client.events {
                            await desk.show(event)
                        }
                    }
                    for await line in StandardInput.lines() {
                        guard let command = ConsoleCommand.parse(line) else { continue }
                        if command == .quit { break }
                        await desk.perform(command)
                    }
                    group.cancelAll()
                }
            }
        }
    }
}

/// The console's state: the call being offered (or that another agent asks this one to take
/// over) and the call the agent is on, so that commands need no call id.
actor Desk {
    let agent: String
    let client: ACDClient
    let json: Bool
    private var offered: String?
    private var consulted: String?
    private var onCall: String?

    init(agent: String, client: ACDClient, json: Bool) {
        self.agent = agent
        self.client = client
        self.json = json
    }

    func showStatus() async {
        do {
            guard let view = try await client.agentStatus(agent: agent) else { return }
            offered = view.state == "offered" ? view.call : nil
            onCall = view.state == "busy" ? view.call : nil
            if json {
                var reply = WireReply(id: nil, type: RequestType.agentStatus.rawValue)
                reply.agent = view
                Output.line(JSONLine.reply(reply))
            } else {
                Output.line(StatusTables.agents([view], now: Display.nowMs()).render())
            }
        } catch {
            Output.line("error: \(error)")
        }
    }

    func show(_ event: WireEvent) {
        switch event.event {
        case .offer:
            offered = event.call
        case .offerWithdrawn where event.call == offered, .callConnected where event.call == offered,
             .callDial where event.call == offered:
            offered = nil
        default:
            break
        }
        switch event.event {
        case .callConnected where event.agent == agent:
            onCall = event.call
        case .consultOffered where event.agent == agent:
            consulted = event.call
            offered = nil
        case .consultEnded where event.call == consulted:
            consulted = nil
        case .callHandover:
            if event.agent == agent { onCall = event.call }
            if event.from == agent, event.call == onCall { onCall = nil }
            if event.call == consulted { consulted = nil }
        case .callEnded where event.call == onCall, .callTransferred where event.call == onCall, .callEscalated where event.call == onCall:
            onCall = nil
        default:
            break
        }
        Output.line(json ? JSONLine.event(event) : "\(Display.clock(ms: Display.nowMs())) \(Self.describe(event))")
    }

    func perform(_ command: ConsoleCommand) async {
        do throws(ACDClientError) {
            switch command {
            case .accept(let call):
                if let consulted, call == nil || call == consulted {
                    return try await client.agentConsultAccept(call: consulted, agent: agent)
                }
                guard let call = call ?? offered else { return Output.line("no call is being offered") }
                try await client.agentAccept(call: call, agent: agent)
            case .reject(let call):
                if let consulted, call == nil || call == consulted {
                    return try await client.agentConsultDecline(call: consulted, agent: agent)
                }
                guard let call = call ?? offered else { return Output.line("no call is being offered") }
                try await client.agentReject(call: call, agent: agent)
            case .transfer(let target):
                guard let onCall else { return Output.line("you are on no call") }
                try await client.agentTransfer(call: onCall, toAgent: target, agent: agent)
            case .escalate:
                guard let onCall else { return Output.line("you are on no call") }
                try await client.escalate(call: onCall, agent: agent)
            case .done(let classification):
                try await client.agentWrapUpDone(agent: agent, classification: classification)
            case .notReady(let reason):
                try await client.agentNotReady(agent: agent, reason: reason)
            case .ready:
                try await client.agentReady(agent: agent)
            case .login:
                try await client.agentLogin(agent: agent)
            case .logout:
                try await client.agentLogout(agent: agent)
            case .status:
                await showStatus()
            case .help:
                Output.line(ConsoleCommand.helpText)
            case .quit:
                break
            case .invalid(let why):
                Output.line(why)
            }
        } catch {
            Output.line("error: \(error)")
        }
    }

    /// An event in words for the agent.
    static func describe(_ event: WireEvent) -> String {
        let call = event.call ?? "?"
        switch event.event {
        case .offer:
            var details = ["from queue \(event.queue ?? "?")"]
            if let waited = event.waitedMs { details.append("waited \(Display.duration(ms: waited))") }
            if let priority = event.priority { details.append("priority \(priority)") }
            if let segment = event.segment { details.append("segment \(segment)") }
            if let kind = event.kind { details.insert("\(kind) to \(event.number ?? "?")", at: 0) }
            let until = event.expiresMs.map { ", rings until \(Display.clock(ms: $0))" } ?? ""
            return "OFFER call \(call) \(details.joined(separator: ", "))\(until): a to accept, r to reject"
        case .callDial:
            return "dialing \(event.number ?? "?") for call \(call) (attempt \(event.attempt ?? 1))"
        case .callDialFailed:
            return "call \(call) not reached (\(event.result ?? "-")); you are free"
        case .offerWithdrawn:
            return "offer of call \(call) withdrawn (\(event.reason ?? "no reason given"))"
        case .callConnected:
            return "connected to call \(call)"
        case .callEnded:
            return "call \(call) ended (\(event.outcome ?? event.reason ?? "-"))"
        case .callTransferred:
            return "call \(call) transferred to \(event.to ?? "?")"
        case .consultOffered:
            let until = event.expiresMs.map { " until \(Display.clock(ms: $0))" } ?? ""
            return "CONSULT \(event.from ?? "?") asks you to take over call \(call)\(until): a to accept, r to decline"
        case .consultEnded:
            return "consult transfer of call \(call) to \(event.agent ?? "?") ended: \(event.reason ?? "-")"
        case .callHandover:
            return "call \(call) handed over from \(event.from ?? "?") to \(event.agent ?? "?")"
        case .callEscalated:
            return "call \(call) escalated to \(event.to ?? "?")"
        case .wrapUpStarted:
            var text = "wrap-up" + (event.untilMs.map { " until \(Display.clock(ms: $0))" } ?? "") + ": d [TYPE [MOTIVE [SUB-MOTIVE]]] when done"
            if let types = event.callTypes {
                text += (event.classificationRequired == true ? " (required)" : "") + "; types: " + types.joined(separator: ", ")
            }
            if let motives = event.motives, !motives.isEmpty {
                let subMotives = event.subMotives ?? []
                text += "; motives: " + motives.map { motive in
                    let subs = subMotives.filter { $0.hasPrefix(motive + "/") }.map { String($0.dropFirst(motive.count + 1)) }
                    return subs.isEmpty ? motive : "\(motive) (\(subs.joined(separator: ", ")))"
                }.joined(separator: ", ")
            }
            return text
        case .stateChanged:
            let reason = event.reason.map { " (\($0))" } ?? ""
            return "state: \(event.state ?? "?")\(reason)"
        case .notice:
            return "notice: \(event.message ?? event.reason ?? "")"
        case .shutdown:
            return "acdd is shutting down"
        default:
            return EventLine.render(event, at: nil)
        }
    }
}
