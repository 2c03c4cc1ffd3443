#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Erlang C model (M/M/N): Poisson arrivals, exponential handle times, `agents` identical
/// agents, calls served first come first served, nobody hangs up. Workforce management's staffing
/// formula.
///
/// Computed through the Erlang B recursion, B(0) = 1, B(n) = A B(n-1) / (n + A B(n-1)), which
/// stays within [0, 1] at every step: no factorials, no powers, exact enough for thousands of
/// agents.
public struct ErlangC: Equatable, Sendable {
    /// Calls per second.
    public let arrivalRate: Double
    /// Mean handle time (talk plus wrap-up), in seconds.
    public let averageHandleTime: Double
    /// Identical agents.
    public let agents: Int
    /// The probability that a call waits at all (Erlang's C formula); 1 when the load is at or
    /// above the number of agents.
    public let probabilityOfWaiting: Double

    /// The model for a rate (calls per second), a mean handle time (seconds) and a number of
    /// agents (at least 1).
    public init(arrivalRate: Double, averageHandleTime: Double, agents: Int) {
        precondition(arrivalRate >= 0 && averageHandleTime > 0 && agents >= 1, "Erlang C needs a rate, a positive handle time and an agent")
        self.arrivalRate = arrivalRate
        self.averageHandleTime = averageHandleTime
        self.agents = agents
        let load = arrivalRate * averageHandleTime
        if load >= Double(agents) {
            probabilityOfWaiting = 1
        } else {
            let blocking = Self.erlangB(agents: agents, load: load)
            probabilityOfWaiting = blocking / (1 - load / Double(agents) * (1 - blocking))
        }
    }

    /// The offered load in erlangs: calls per second x handle time.
    public var load: Double { arrivalRate * averageHandleTime }

    /// Whether the queue reaches a steady state: the load is below the number of agents.
    public var isStable: Bool { load < Double(agents) }

    /// The share of calls answered within `threshold` seconds: 1 - C e^-(N - A) t / AHT.
    public func serviceLevel(threshold: Double) -> Double {
        guard isStable else { return 0 }
        return 1 - probabilityOfWaiting * exp(-(Double(agents) - load) * threshold / averageHandleTime)
    }

    /// The average speed of answer, in seconds, over all calls: C x AHT / (N - A); infinite when
    /// unstable.
    public var averageSpeedOfAnswer: Double {
        isStable ? probabilityOfWaiting * averageHandleTime / (Double(agents) - load) : .infinity
    }

    /// The share of the agents' time on calls: A / N, at most 1.
    public var occupancy: Double { min(1, load / Double(agents)) }

    /// Erlang B: the probability that all of `agents` servers are busy with a load of `load`
    /// erlangs and no queue (the loss system M/M/N/N).
    public static func erlangB(agents: Int, load: Double) -> Double {
        var blocking = 1.0
        for servers in stride(from: 1, through: agents, by: 1) {
            blocking = load * blocking / (Double(servers) + load * blocking)
        }
        return blocking
    }
}
