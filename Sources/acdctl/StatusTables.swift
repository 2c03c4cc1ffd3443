import ACDProtocol

/// The daemon's views as tables; `now` (milliseconds since the epoch) turns instants into ages.
enum StatusTables {
    static func queues(_ queues: [QueueView], now: Int64) -> TextTable {
        var table = TextTable(
            headers: ["QUEUE", "WAITING", "OLDEST", "LOGGED IN", "READY", "NOT READY", "AHT", "EWT", "HOURS", "TO DIAL"],
            rightAligned: [1, 2, 3, 4, 5, 6, 7]
        )
        for queue in queues {
            table.append([
                queue.id, "\(queue.waiting)", Display.duration(ms: queue.oldestEnteredMs.map { now - $0 }),
                "\(queue.loggedIn)", "\(queue.ready)", "\(queue.notReady)",
                Display.duration(ms: queue.averageHandleMs), Display.duration(ms: queue.ewtMs), hours(of: queue, now: now),
                toDial(queue),
            ])
        }
        return table
    }

    /// Outbound calls in line and callbacks kept until the queue opens: `4 outbound, 2 parked`.
    static func toDial(_ queue: QueueView) -> String {
        var parts: [String] = []
        if let outbound = queue.outboundWaiting { parts.append("\(outbound) outbound") }
        if let parked = queue.parkedCallbacks { parts.append("\(parked) parked") }
        return parts.isEmpty ? "-" : parts.joined(separator: ", ")
    }

    /// A queue's business hours now: `-` without them, else open or closed and for how long.
    static func hours(of queue: QueueView, now: Int64) -> String {
        guard let open = queue.open else { return "-" }
        let state = open ? "open" : "closed"
        guard let until = queue.untilMs else { return state }
        return "\(state) (\(open ? "closes" : "opens") in \(Display.duration(ms: max(0, until - now))))"
    }

    static func agents(_ agents: [AgentView], now: Int64) -> TextTable {
        var table = TextTable(
            headers: ["AGENT", "NAME", "STATE", "FOR", "CALL", "ANSWERED", "TALK", "MISSED", "QUEUES"],
            rightAligned: [3, 5, 6, 7]
        )
        for agent in agents {
            table.append([
                agent.id, agent.name, state(of: agent, now: now), Display.duration(ms: now - agent.sinceMs),
                agent.call ?? "-", "\(agent.callsAnswered)", Display.duration(ms: agent.talkTimeMs),
                "\(agent.missedOffers)", agent.queues.joined(separator: ","),
            ])
        }
        return table
    }

    static func calls(_ calls: [CallView], now: Int64) -> TextTable {
        var table = TextTable(
            headers: ["CALL", "STATE", "QUEUE", "PRIO", "SEGMENT", "WAITED", "POS", "EWT", "AGENTS"],
            rightAligned: [3, 5, 6, 7]
        )
        for call in calls {
            let queues = call.queues.count > 1 ? call.queues.joined(separator: "+") : call.queue
            table.append([
                call.id, state(of: call, now: now), queues, "\(call.priority)", call.segment ?? "-",
                Display.duration(ms: now - call.enteredMs), call.position.map { "\($0)" } ?? "-",
                Display.duration(ms: call.ewtMs), call.agents.isEmpty ? "-" : call.agents.joined(separator: ","),
            ])
        }
        return table
    }

    /// A call's state in words; for a callback or outbound call, its kind, failed attempts and when
    /// it is due: `scheduled (callback, 1 failed, due in 9m)`.
    static func state(of call: CallView, now: Int64) -> String {
        guard let kind = call.kind else { return call.state }
        var notes = [kind]
        if let attempts = call.attempts, attempts > 0 { notes.append("\(attempts) failed") }
        if let due = call.dueMs { notes.append("due in \(Display.duration(ms: max(0, due - now)))") }
        return "\(call.state) (\(notes.joined(separator: ", ")))"
    }

    /// An agent's state in words: `not_ready (lunch)`, `wrap_up (12s left)`, `ready (resting 4s)`.
    static func state(of agent: AgentView, now: Int64) -> String {
        var notes: [String] = []
        if let reason = agent.reason { notes.append(reason) }
        if let until = agent.untilMs { notes.append("\(Display.duration(ms: max(0, until - now))) left") }
        if let resting = agent.restingUntilMs, resting > now { notes.append("resting \(Display.duration(ms: resting - now))") }
        if let pending = agent.pendingReason { notes.append("then \(pending)") }
        return notes.isEmpty ? agent.state : "\(agent.state) (\(notes.joined(separator: ", ")))"
    }
}
