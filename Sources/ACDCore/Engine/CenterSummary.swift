/// The center at a glance, cheap enough to read every second: for the service manager's status
/// line and the like. Computed from counts the engine keeps and one pass over the agents.
public struct CenterSummary: Equatable, Sendable {
    /// Calls not yet connected to an agent (waiting or ringing).
    public var waiting: Int
    /// When the longest-waiting call entered the system.
    public var oldestWaitingSince: Instant?
    /// Agents that could take a call now.
    public var readyAgents: Int
    public var loggedInAgents: Int
    /// Today's calls answered within their queue's service-level threshold, and all calls answered
    /// or abandoned, over every queue.
    public var answeredInTime: Int
    public var answeredOrAbandoned: Int
}

extension RoutingEngine {
    /// The center at a glance.
    public var summary: CenterSummary {
        var connected = 0
        var ready = 0
        var loggedIn = 0
        for agent in agents {
            switch agent.state {
            case .loggedOut:
                continue
            case .busy:
                connected += 1
            case .ready:
                if agent.isRoutable { ready += 1 }
            case .offered, .wrapUp, .notReady:
                break
            }
            loggedIn += 1
        }
        var oldest: Int64?
        var inTime = 0
        var finished = 0
        for queue in queues {
            if let first = queue.waiting[0].earliestEntry {
                oldest = min(oldest ?? first, first)
            }
            inTime += queue.figures.answeredInTime
            finished += queue.figures.answered + queue.figures.abandoned
        }
        return CenterSummary(
            waiting: callNumbers.count - connected, oldestWaitingSince: oldest.map { Instant(millisecondsSinceEpoch: $0) },
            readyAgents: ready, loggedInAgents: loggedIn, answeredInTime: inTime, answeredOrAbandoned: finished
        )
    }
}
