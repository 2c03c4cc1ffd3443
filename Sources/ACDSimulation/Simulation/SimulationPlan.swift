public import ACDCore

/// Everything one simulated run needs: the center, its staffing, the traffic, and how long to run.
public struct SimulationPlan: Equatable, Sendable {
    /// The queues, and the agents the staffing takes its team from (see `Team`).
    public var center: CenterConfiguration
    /// The calls and how the simulated agents answer them.
    public var traffic: TrafficModel
    /// Agents on shift in each interval of the traffic model, from the start (the last count holds
    /// after the last interval); empty: every configured agent, all the time. Agents leaving at an
    /// interval's end finish their call and wrap-up first.
    public var staffing: [Int]
    /// How long to simulate, warm-up included.
    public var duration: Duration
    /// The run starts with an empty center; calls arriving before `warmUp` are simulated but not
    /// counted, so that steady-state figures are not biased by the empty start. Zero for a day
    /// that starts empty anyway.
    public var warmUp: Duration
    /// The length of the buckets of the time series behind the plot.
    public var seriesInterval: Duration

    /// A plan; the series' buckets default to 15 minutes.
    public init(
        center: CenterConfiguration,
        traffic: TrafficModel,
        staffing: [Int] = [],
        duration: Duration,
        warmUp: Duration = .zero,
        seriesInterval: Duration = .seconds(900)
    ) {
        self.center = center
        self.traffic = traffic
        self.staffing = staffing
        self.duration = duration
        self.warmUp = warmUp
        self.seriesInterval = seriesInterval
    }

    /// The longest run: a year of simulated time.
    public static let maximumDuration: Duration = .seconds(365 * 24 * 3600)

    /// The number of agents on shift in interval `index`.
    public func agentsOnShift(inInterval index: Int) -> Int {
        staffing.isEmpty ? center.agents.count : staffing[min(index, staffing.count - 1)]
    }

    /// The most agents on shift at any time: the size of the simulated team.
    public var teamSize: Int {
        staffing.max() ?? center.agents.count
    }

    /// The center the engine runs: the configured queues and the team.
    public var simulatedCenter: CenterConfiguration {
        var simulated = center
        simulated.agents = Team.agents(from: center.agents, count: teamSize)
        return simulated
    }

    /// Checks the plan; the first problem is thrown.
    public func validate() throws(SimulationError) {
        func require(_ condition: Bool, _ reason: @autoclosure () -> String) throws(SimulationError) {
            if !condition { throw .invalidPlan(reason()) }
        }
        try require(duration > .zero && duration <= Self.maximumDuration, "the duration must be positive and at most 365 days")
        try require(warmUp >= .zero && warmUp < duration, "the warm-up must be shorter than the duration")
        try require(traffic.interval >= .seconds(1), "the interval must be at least 1 s")
        try require(seriesInterval >= .seconds(1), "the plot's interval must be at least 1 s")
        try require(!center.agents.isEmpty, "the center has no agent to staff it with")
        try require(staffing.allSatisfy { $0 >= 0 }, "a staffing count must not be negative")
        try require(!traffic.streams.isEmpty, "no call stream: give an arrival rate")
        try require(traffic.acceptDelay >= .zero, "the accept delay must not be negative")
        let queues = Set(center.queues.map(\.id))
        var names = Set<String>()
        for stream in traffic.streams {
            try require(queues.contains(stream.queue), "no queue '\(stream.queue)' is configured")
            try require(names.insert(stream.name).inserted, "two call streams are named '\(stream.name)'")
            try require((0...9).contains(stream.priority), "stream '\(stream.name)': priority \(stream.priority) is outside 0-9")
            try require(!stream.callsPerHour.isEmpty, "stream '\(stream.name)' has no arrival rate")
            try require(
                stream.callsPerHour.allSatisfy { $0.isFinite && $0 >= 0 },
                "stream '\(stream.name)': arrival rates must be finite and not negative"
            )
            if let problem = stream.handleTime.problem {
                throw .invalidPlan("stream '\(stream.name)', handle time: \(problem)")
            }
            if let problem = stream.patience?.problem {
                throw .invalidPlan("stream '\(stream.name)', patience: \(problem)")
            }
        }
        for queue in center.queues where traffic.acceptDelay >= queue.offerTimeout {
            throw .invalidPlan(
                "the accept delay (\(traffic.acceptDelay)) must be shorter than queue '\(queue.id)''s offer timeout (\(queue.offerTimeout))"
            )
        }
    }
}
