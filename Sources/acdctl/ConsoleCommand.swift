import ACDProtocol

/// What an agent types in `acdctl agent console`.
enum ConsoleCommand: Equatable {
    /// Accept the offered call, or the one named.
    case accept(call: String?)
    /// Reject the offered call, or the one named.
    case reject(call: String?)
    /// End wrap-up, classifying the call or not.
    case done(WrapUpClassification?)
    /// Not ready for a reason.
    case notReady(reason: String)
    /// Ask another agent to take over the call (consult transfer).
    case transfer(toAgent: String)
    /// Escalate the call.
    case escalate
    case ready
    case login
    case logout
    case status
    case help
    case quit
    /// A line that is no command; the text says what went wrong.
    case invalid(String)

    static let helpText = """
        a [CALL]  accept the offered call     r [CALL]  reject it (a and r answer a consult too)
        t AGENT   ask AGENT to take the call  e         escalate the call
        d [TYPE [MOTIVE [SUB]]] [-- NOTES]    done with wrap-up, classifying the call
        b REASON  not ready (break, lunch...)
        ready     ready for calls             login / logout
        s         status                      q         quit (the agent stays logged in)
        """

    /// The command on a line; nil for an empty line.
    static func parse(_ line: String) -> ConsoleCommand? {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let verb = words.first?.lowercased() else { return nil }
        let rest = Array(words.dropFirst())
        switch verb {
        case "a", "accept": return rest.count <= 1 ? .accept(call: rest.first) : .invalid("accept takes at most a call id")
        case "r", "reject": return rest.count <= 1 ? .reject(call: rest.first) : .invalid("reject takes at most a call id")
        case "d", "done": return done(rest)
        case "b", "break":
            return rest.count == 1 ? .notReady(reason: rest[0]) : .invalid("break needs one reason, e.g. 'b lunch'")
        case "t", "transfer":
            return rest.count == 1 ? .transfer(toAgent: rest[0]) : .invalid("transfer needs one agent, e.g. 't luis'")
        case "e", "escalate": return rest.isEmpty ? .escalate : .invalid("escalate takes no argument")
        case "ready": return .ready
        case "login": return .login
        case "logout": return .logout
        case "s", "status": return .status
        case "h", "help", "?": return .help
        case "q", "quit", "exit": return .quit
        default: return .invalid("no command '\(verb)' (h for help)")
        }
    }

    /// `d`, or `d TYPE [MOTIVE [SUB-MOTIVE]] [-- NOTES...]`.
    private static func done(_ words: [String]) -> ConsoleCommand {
        let split = words.firstIndex(of: "--")
        let parts = Array(words[..<(split ?? words.endIndex)])
        let notes = split.map { words[($0 + 1)...].joined(separator: " ") }
        guard parts.count <= 3 else { return .invalid("done takes a call type, a motive and a sub-motive at most; notes go after --") }
        guard let callType = parts.first else {
            return notes == nil ? .done(nil) : .invalid("notes go with a call type: d TYPE [MOTIVE [SUB]] -- NOTES")
        }
        return .done(WrapUpClassification(
            callType: callType, motive: parts.dropFirst().first, subMotive: parts.dropFirst(2).first, notes: notes.flatMap { $0.isEmpty ? nil : $0 }
        ))
    }
}
