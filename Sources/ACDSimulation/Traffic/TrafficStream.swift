#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import ACDCore

/// One stream of calls: Poisson arrivals into a queue at a priority, with their handle times and
/// their callers' patience. A queue may take several streams (say its ordinary calls and its VIPs
/// at priority 8); results are reported per stream.
public struct TrafficStream: Equatable, Sendable {
    /// The stream's name in reports.
    public var name: String
    /// The queue the calls arrive in.
    public var queue: QueueID
    /// 0-9, higher first, as in `NewCall`.
    public var priority: Int
    /// Calls per hour in each interval of the traffic model, from the start of the run; the last
    /// rate holds after the last interval. Within an interval arrivals are Poisson.
    public var callsPerHour: [Double]
    /// The talk time of a call (wrap-up comes on top, from the configuration).
    public var handleTime: TimeDistribution
    /// How long a caller waits before hanging up, from the moment the call arrives; nil: callers
    /// never abandon.
    public var patience: TimeDistribution?

    /// A stream named `name`, or after its queue (`sales`, or `sales@8` at priority 8).
    public init(
        name: String? = nil,
        queue: QueueID,
        priority: Int = 0,
        callsPerHour: [Double],
        handleTime: TimeDistribution,
        patience: TimeDistribution? = nil
    ) {
        self.name = name ?? (priority == 0 ? queue.rawValue : "\(queue.rawValue)@\(priority)")
        self.queue = queue
        self.priority = priority
        self.callsPerHour = callsPerHour
        self.handleTime = handleTime
        self.patience = patience
    }

    /// The rate, in calls per hour, of interval `index`.
    public func callsPerHour(inInterval index: Int) -> Double {
        callsPerHour[min(index, callsPerHour.count - 1)]
    }

    /// The instant, in seconds from the start, of the first arrival after `seconds`: a Poisson
    /// process whose rate is constant within each interval of `intervalSeconds`. Memorylessness
    /// makes it exact to draw afresh at each interval boundary. Nil when no call comes any more
    /// (a rate of zero from the last interval on).
    func nextArrival(after seconds: Double, intervalSeconds: Double, using random: inout SimulationRandom) -> Double? {
        var time = seconds
        var index = min(Int(time / intervalSeconds), callsPerHour.count - 1)
        while true {
            let isLast = index == callsPerHour.count - 1
            let boundary = isLast ? Double.infinity : Double(index + 1) * intervalSeconds
            let perSecond = callsPerHour[index] / 3600
            if perSecond > 0 {
                let candidate = time - log(1 - random.nextUnit()) / perSecond
                if candidate < boundary { return candidate }
            }
            guard !isLast else { return nil }
            time = boundary
            index += 1
        }
    }
}
