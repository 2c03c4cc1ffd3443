import ACDConfiguration
import ACDCore
import ACDSimulation
import ArgumentParser

/// The options `simulate` and `forecast` share: the center (from a configuration file, or one
/// made up on the command line), its calls and the run's clock.
struct TrafficOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "A configuration file: its queues and agents are simulated.",
        discussion: "Without one, each queue named in --arrivals is made up, with identical agents serving them all.",
        valueName: "path"
    ))
    var config: String?

    @Option(name: .long, help: ArgumentHelp(
        "Calls per hour, one rate per interval, for a queue or a queue at a priority (repeatable).",
        discussion: "E.g. 120, 60,90,120, sales=120 or sales@8=10 (priority 8). Without a name: the only queue.",
        valueName: "[queue[@priority]=]rates"
    ))
    var arrivals: [String] = []

    @Option(name: .customLong("handle-time"), help: ArgumentHelp(
        "Talk time distribution, for all calls or a named queue or stream (repeatable).",
        discussion: "exp:MEAN (or just MEAN), lognormal:MEAN:SD, fixed:VALUE. Default: exponential with the queue's expected_handle_time (180s).",
        valueName: "[stream=]dist"
    ))
    var handleTime: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "How long callers wait before hanging up, as a distribution (repeatable). Default: they never do.",
        valueName: "[stream=]dist"
    ))
    var patience: [String] = []

    @Option(name: .customLong("wrap-up"), help: ArgumentHelp(
        "After-call work of every queue and agent. Default: the configuration's, 0 without one.", valueName: "duration"
    ))
    var wrapUp: String?

    @Option(name: .long, help: ArgumentHelp(
        "Service-level threshold of every queue. Default: the configuration's, 20s without one.", valueName: "duration"
    ))
    var threshold: String?

    @Option(name: .customLong("accept-delay"), help: ArgumentHelp(
        "How long an offer rings before the simulated agent picks up.", valueName: "duration"
    ))
    var acceptDelay = "0"

    @Option(name: .long, help: ArgumentHelp("The length of each interval of rates and staffing.", valueName: "duration"))
    var interval = "30m"

    @Option(name: .long, help: ArgumentHelp("The time of day the first interval starts, for labels.", valueName: "HH:MM"))
    var start = "00:00"

    @Option(name: .long, help: "The seed of every random draw: the same seed gives the same result.")
    var seed: UInt64 = 1

    @Flag(name: .long, help: "Print the result as one JSON object instead of tables.")
    var json = false

    /// The queue a made-up center gets when --arrivals names none.
    static let defaultQueue: QueueID = "calls"

    mutating func validate() throws {
        _ = try values()
    }

    /// The options' values, parsed, without reading the configuration file.
    func values() throws(ValidationError) -> Values {
        var streams: [(name: String?, rates: [Double])] = []
        for entry in arrivals {
            let (name, value) = SimulationSyntax.named(entry)
            if let name { _ = try SimulationSyntax.stream(name, option: "--arrivals") }
            streams.append((name, try SimulationSyntax.rates(value, option: "--arrivals")))
        }
        guard !streams.isEmpty else { throw ValidationError("give the calls: --arrivals RATE (calls per hour)") }
        var handleTimes: [(String?, TimeDistribution)] = []
        for entry in handleTime {
            let (name, value) = SimulationSyntax.named(entry)
            handleTimes.append((name, try SimulationSyntax.distribution(value, option: "--handle-time")))
        }
        var patiences: [(String?, TimeDistribution)] = []
        for entry in patience {
            let (name, value) = SimulationSyntax.named(entry)
            patiences.append((name, try SimulationSyntax.distribution(value, option: "--patience")))
        }
        let interval = try SimulationSyntax.duration(interval, option: "--interval")
        guard interval >= .seconds(60) else { throw ValidationError("--interval: an interval lasts at least 1m") }
        return Values(
            streams: streams, handleTimes: handleTimes, patiences: patiences,
            wrapUp: try wrapUp.map { s throws(ValidationError) in try SimulationSyntax.duration(s, option: "--wrap-up") },
            threshold: try threshold.map { s throws(ValidationError) in try SimulationSyntax.duration(s, option: "--threshold") },
            acceptDelay: try SimulationSyntax.duration(acceptDelay, option: "--accept-delay"),
            interval: interval,
            clockStart: try SimulationSyntax.clock(start, option: "--start")
        )
    }

    /// The parsed options.
    struct Values {
        var streams: [(name: String?, rates: [Double])]
        var handleTimes: [(String?, TimeDistribution)]
        var patiences: [(String?, TimeDistribution)]
        var wrapUp: Duration?
        var threshold: Duration?
        var acceptDelay: Duration
        var interval: Duration
        var clockStart: Duration

        /// The most rates any stream gives.
        var intervalCount: Int { streams.map(\.rates.count).max() ?? 1 }
    }

    /// The center and its traffic: from the configuration file (`agents` is then unused), or made
    /// up with `agents` identical agents serving every queue named in --arrivals.
    func centerAndTraffic(agents: Int) throws -> (center: CenterConfiguration, traffic: TrafficModel) {
        let values = try values()
        var center: CenterConfiguration
        if let config {
            center = try DaemonConfiguration.load(path: config).center
        } else {
            var queues: [QueueID] = []
            for stream in values.streams {
                let queue = try stream.name.map { name throws(ValidationError) in
                    QueueID(try SimulationSyntax.stream(name, option: "--arrivals").queue)
                } ?? Self.defaultQueue
                if !queues.contains(queue) { queues.append(queue) }
            }
            center = CenterConfiguration(
                queues: queues.map { QueueConfiguration(id: $0, wrapUp: .zero) },
                agents: (1...max(agents, 1)).map { number in
                    AgentConfiguration(
                        id: AgentID("agent-\(number)"), name: "Agent \(number)",
                        tiers: Dictionary(uniqueKeysWithValues: queues.map { ($0, 1) })
                    )
                }
            )
        }
        for index in center.queues.indices {
            if let wrapUp = values.wrapUp { center.queues[index].wrapUp = wrapUp }
            if let threshold = values.threshold { center.queues[index].serviceLevelThreshold = threshold }
        }
        if values.wrapUp != nil {
            for index in center.agents.indices { center.agents[index].wrapUp = nil }
        }
        return (center, try traffic(values, center: center))
    }

    private func traffic(_ values: Values, center: CenterConfiguration) throws(ValidationError) -> TrafficModel {
        let queueNames = center.queues.map(\.id.rawValue)
        var streams: [TrafficStream] = []
        for (name, rates) in values.streams {
            let (queue, priority): (String, Int)
            if let name {
                (queue, priority) = try SimulationSyntax.stream(name, option: "--arrivals")
            } else if center.queues.count == 1 {
                (queue, priority) = (queueNames[0], 0)
            } else {
                throw ValidationError("--arrivals: name the queue, QUEUE=RATE (queues: \(queueNames.joined(separator: ", ")))")
            }
            guard let configuration = center.queues.first(where: { $0.id.rawValue == queue }) else {
                throw ValidationError("--arrivals: no queue '\(queue)' (queues: \(queueNames.joined(separator: ", ")))")
            }
            streams.append(TrafficStream(
                queue: configuration.id, priority: priority, callsPerHour: rates,
                handleTime: .exponential(mean: configuration.expectedHandleTime)
            ))
        }
        for (name, distribution) in values.handleTimes.sorted(by: { Self.specificity($0.0) < Self.specificity($1.0) }) {
            try apply(name, to: &streams, option: "--handle-time") { $0.handleTime = distribution }
        }
        for (name, distribution) in values.patiences.sorted(by: { Self.specificity($0.0) < Self.specificity($1.0) }) {
            try apply(name, to: &streams, option: "--patience") { $0.patience = distribution }
        }
        return TrafficModel(streams: streams, interval: values.interval, acceptDelay: values.acceptDelay)
    }

    /// Unnamed settings apply first, then those naming a queue, then those naming a stream at a
    /// priority: the more specific wins.
    private static func specificity(_ name: String?) -> Int {
        guard let name else { return 0 }
        return name.contains("@") ? 2 : 1
    }

    /// Applies `change` to the streams `name` designates: every stream without a name, the streams
    /// of a queue, or one stream.
    private func apply(
        _ name: String?, to streams: inout [TrafficStream], option: String, change: (inout TrafficStream) -> Void
    ) throws(ValidationError) {
        var matched = false
        for index in streams.indices where name == nil || name == streams[index].name || name == streams[index].queue.rawValue {
            change(&streams[index])
            matched = true
        }
        guard matched else {
            throw ValidationError("\(option): no call stream '\(name ?? "")' (streams: \(streams.map(\.name).joined(separator: ", ")))")
        }
    }
}
