import ACDSimulation
import ArgumentParser
import Foundation

/// `acdctl simulate`: the routing engine lives a simulated day on a virtual clock, without a
/// daemon, and reports what callers and agents would see.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate a day of calls through the routing engine (no daemon needed).",
        discussion: """
            Calls arrive at the given rates (Poisson), agents accept every offer, talk for the drawn \
            handle time and wrap up; callers hang up when their patience runs out. Independent \
            replications give each figure a 95% confidence interval. The same seed gives the same \
            result. See docs/simulation.md.
            """
    )

    @OptionGroup var traffic: TrafficOptions

    @Option(name: .long, help: ArgumentHelp(
        "Agents on shift, one count per interval. Default: every configured agent.",
        discussion: "With --config, the configured agents are taken in order and repeated as needed (ana, bruno, ..., ana#2...).",
        valueName: "n[,n...]"
    ))
    var agents: String?

    @Option(name: .long, help: ArgumentHelp(
        "How long to simulate. Default: the intervals the rates or staffing cover, or 8h.", valueName: "duration"
    ))
    var duration: String?

    @Option(name: .customLong("warm-up"), help: ArgumentHelp(
        "Simulate this long first without counting it (for steady-state figures).", valueName: "duration"
    ))
    var warmUp = "0"

    @Option(name: .long, help: "Independent replications (at least 1; 2 or more for confidence intervals).")
    var replications = 10

    @Option(name: .long, help: ArgumentHelp("Draw service level and waiting calls over the day into this SVG file.", valueName: "file.svg"))
    var plot: String?

    @Option(name: .customLong("plot-interval"), help: ArgumentHelp("The plot's bucket length.", valueName: "duration"))
    var plotInterval = "15m"

    @Option(name: .long, help: ArgumentHelp("The service-level target drawn on the plot.", valueName: "percent"))
    var target = "80"

    mutating func validate() throws {
        _ = try staffing()
        _ = try SimulationSyntax.duration(warmUp, option: "--warm-up")
        _ = try SimulationSyntax.duration(plotInterval, option: "--plot-interval")
        _ = try SimulationSyntax.percentage(target, option: "--target")
        if let duration { _ = try SimulationSyntax.duration(duration, option: "--duration") }
        guard replications >= 1 else { throw ValidationError("--replications: at least 1") }
        if traffic.config == nil, agents == nil {
            throw ValidationError("without --config, say how many agents: --agents N")
        }
    }

    /// The agents on shift per interval; empty: every configured agent.
    private func staffing() throws(ValidationError) -> [Int] {
        guard let agents else { return [] }
        var counts: [Int] = []
        for part in agents.split(separator: ",", omittingEmptySubsequences: false) {
            guard let count = Int(part), count >= 0, count <= 100_000 else {
                throw ValidationError("--agents: '\(part)' is not a number of agents (e.g. 12 or 10,12,15)")
            }
            counts.append(count)
        }
        return counts
    }

    /// A time of day for an offset that may fall before midnight (a warm-up before a 00:30 start).
    static func timeOfDay(_ offset: Duration) -> Duration {
        var time = offset
        while time < .zero { time += .seconds(24 * 3600) }
        return time
    }

    func run() async throws {
        try await SimulationFailure.reported {
            let staffing = try staffing()
            let values = try traffic.values()
            let (center, model) = try traffic.centerAndTraffic(agents: staffing.max() ?? 0)
            let intervals = max(values.intervalCount, staffing.count)
            let length = try duration.map { text throws(ValidationError) in try SimulationSyntax.duration(text, option: "--duration") }
                ?? (intervals > 1 ? values.interval * intervals : .seconds(8 * 3600))
            let warmUp = try SimulationSyntax.duration(warmUp, option: "--warm-up")
            let plan = SimulationPlan(
                center: center, traffic: model, staffing: staffing, duration: warmUp + length, warmUp: warmUp,
                seriesInterval: try SimulationSyntax.duration(plotInterval, option: "--plot-interval")
            )
            let summary = try await Simulator.replicate(
                plan, replications: replications, seed: traffic.seed, parallelism: ProcessInfo.processInfo.activeProcessorCount
            )
            if let plot {
                let picture = ServiceLevelPlot(
                    summary: summary, target: try SimulationSyntax.percentage(target, option: "--target"),
                    clockStart: Self.timeOfDay(values.clockStart - warmUp), warmUp: warmUp
                )
                do {
                    try picture.svg().write(toFile: plot, atomically: true, encoding: .utf8)
                } catch {
                    throw ValidationError("--plot: cannot write \(plot): \(error.localizedDescription)")
                }
            }
            if traffic.json {
                Output.line(try SimulationJSON.simulation(summary, plan: plan, seed: traffic.seed))
            } else {
                for line in SimulationTables.simulation(summary, plan: plan, seed: traffic.seed, clockStart: values.clockStart) {
                    Output.line(line)
                }
                if let plot { Output.line("Plot written to \(plot).") }
            }
        }
    }
}
