import ACDSimulation
import ArgumentParser
import Foundation

/// `acdctl forecast`: the agents each interval needs to reach a service level, by Erlang C or A
/// checked by simulation, or by simulation alone where no formula fits the center.
struct ForecastCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Forecast the agents needed per interval for a service-level target.",
        discussion: """
            One queue of identical agents: Erlang C (Erlang A when callers abandon with exponential \
            patience), each interval checked by a steady-state simulation. Tiers, skills, several \
            queues or priorities, queue rules or a ring delay make the formulas inexact: the number \
            of agents (in the configured team's mix) then comes from simulation alone, and the \
            report says why. See docs/simulation.md.
            """
    )

    @OptionGroup var traffic: TrafficOptions

    @Option(name: .customLong("service-level"), help: ArgumentHelp("The share of calls to answer within the threshold.", valueName: "percent"))
    var serviceLevel = "80"

    @Option(name: .customLong("max-occupancy"), help: ArgumentHelp("The highest planned occupancy.", valueName: "percent"))
    var maxOccupancy = "100"

    @Option(name: .long, help: "Independent replications of each simulated interval (at least 2).")
    var replications = 10

    @Option(name: .customLong("check-duration"), help: ArgumentHelp(
        "Simulated time measured per replication of an interval, after the warm-up.", valueName: "duration"
    ))
    var checkDuration = "8h"

    @Option(name: .customLong("warm-up"), help: ArgumentHelp("Simulated time before measuring, per replication.", valueName: "duration"))
    var warmUp = "30m"

    @Flag(name: .customLong("no-check"), help: "Do not simulate (Erlang only; a center no formula fits needs the simulation).")
    var noCheck = false

    mutating func validate() throws {
        _ = try target()
        _ = try check()
    }

    private func target() throws(ValidationError) -> ServiceTarget {
        ServiceTarget(
            serviceLevel: try SimulationSyntax.percentage(serviceLevel, option: "--service-level"),
            maxOccupancy: try SimulationSyntax.percentage(maxOccupancy, option: "--max-occupancy")
        )
    }

    /// How each interval is simulated; nil with --no-check.
    private func check() throws(ValidationError) -> SimulationCheck? {
        guard replications >= 2 else { throw ValidationError("--replications: at least 2, for confidence intervals") }
        let check = SimulationCheck(
            replications: replications, measured: try SimulationSyntax.duration(checkDuration, option: "--check-duration"),
            warmUp: try SimulationSyntax.duration(warmUp, option: "--warm-up"), seed: traffic.seed,
            parallelism: ProcessInfo.processInfo.activeProcessorCount
        )
        return noCheck ? nil : check
    }

    func run() async throws {
        try await SimulationFailure.reported {
            let values = try traffic.values()
            let (center, model) = try traffic.centerAndTraffic(agents: 1)
            let request = ForecastRequest(center: center, traffic: model, target: try target(), check: try check())
            let forecast = try await StaffingForecaster.forecast(request)
            if traffic.json {
                Output.line(try SimulationJSON.forecast(forecast, request: request))
            } else {
                for line in SimulationTables.forecast(forecast, request: request, clockStart: values.clockStart) {
                    Output.line(line)
                }
            }
        }
    }
}
