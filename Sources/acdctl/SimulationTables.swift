import ACDCore
import ACDSimulation
import Foundation

/// The simulator's and the forecast's results as text for people: figures as `mean ±half-width`
/// of their 95% confidence interval.
enum SimulationTables {
    /// `simulate`'s report: a summary line, a table of the streams, the center's occupancy.
    static func simulation(_ summary: SimulationSummary, plan: SimulationPlan, seed: UInt64, clockStart: Duration) -> [String] {
        let runs = summary.replications.count
        let measured = plan.duration - plan.warmUp
        let team = plan.staffing.isEmpty ? "\(plan.center.agents.count) agents"
            : plan.staffing.count == 1 ? "\(plan.staffing[0]) agents" : "\(plan.staffing.min() ?? 0)-\(plan.teamSize) agents"
        var lines = [
            "Simulated \(runs) replication\(runs == 1 ? "" : "s") of \(Display.duration(ms: measured.milliseconds)) from "
                + "\(clock(clockStart)) (seed \(seed)\(plan.warmUp > .zero ? ", after a \(Display.duration(ms: plan.warmUp.milliseconds)) warm-up" : "")): "
                + "\(team), \(count(Double(summary.callsSimulated) / Double(runs))) calls per replication.",
            runs > 1 ? "Each figure: mean ±half-width of its 95% confidence interval over the replications." : "One replication: no confidence intervals.",
            "",
        ]
        var table = TextTable(
            headers: ["STREAM", "OFFERED", "ANSWERED", "ABANDONED", "OTHER", "SERVICE LEVEL", "ASA", "AHT", "OCCUPANCY", "LONGEST WAIT"],
            rightAligned: Set(1...9)
        )
        for stream in summary.streams {
            table.append([
                stream.name, count(stream.offered), count(stream.answered), count(stream.abandoned), count(stream.leftByRules),
                percent(stream.serviceLevel) + " in " + Display.duration(ms: stream.serviceLevelThreshold.milliseconds),
                seconds(stream.averageSpeedOfAnswer), seconds(stream.averageHandleTime), percent(stream.occupancy),
                seconds(stream.longestWait),
            ])
        }
        lines.append(table.render())
        lines.append("")
        lines.append("Center occupancy: \(percent(summary.occupancy)).")
        return lines
    }

    /// `forecast`'s report: the method, a table of the intervals, the total.
    static func forecast(_ forecast: StaffingForecast, request: ForecastRequest, clockStart: Duration) -> [String] {
        let target = request.target
        let threshold = request.center.queues.first { $0.id == request.traffic.streams.first?.queue }?.serviceLevelThreshold ?? .zero
        var lines: [String] = []
        let goal = "target \(plain(target.serviceLevel)) answered within \(Display.duration(ms: threshold.milliseconds))"
            + (target.maxOccupancy < 1 ? ", occupancy at most \(plain(target.maxOccupancy))" : "")
        let check = request.check.map { "\($0.replications) replications of \(Display.duration(ms: $0.measured.milliseconds)) per interval" }
        switch forecast.method {
        case .erlangC, .erlangA:
            let formula = forecast.method == .erlangC ? "Erlang C" : "Erlang A (callers abandon)"
            lines.append("Agents by \(formula), \(check.map { "checked by simulation (\($0))" } ?? "not checked by simulation"); \(goal).")
        case .simulation:
            lines.append("Agents by simulation alone (\(check ?? "")): Erlang C is inexact here: \(forecast.inexactBecause.joined(separator: "; ")); \(goal).")
        }
        for note in forecast.notes { lines.append("Note: \(note).") }
        lines.append("")
        let streams = request.traffic.streams
        var headers = ["INTERVAL", "CALLS/H", "LOAD", "AGENTS"]
        if forecast.method != .simulation {
            headers += ["SL", "ASA", "OCC"] + (forecast.method == .erlangA ? ["ABANDON"] : [])
        }
        if request.check != nil {
            headers += streams.count == 1 ? ["SIM SL", "SIM ASA"] : streams.flatMap { ["SIM SL \($0.name)", "SIM ASA \($0.name)"] }
            headers += ["SIM OCC", "CHECK"]
        }
        var table = TextTable(headers: headers, rightAligned: Set(1..<headers.count - (request.check == nil ? 0 : 1)))
        for interval in forecast.intervals {
            let from = clockStart + interval.start
            var row = [
                "\(clock(from))-\(clock(from + forecast.interval))",
                plain(number: interval.callsPerHour.reduce(0, +)), String(format: "%.2f", interval.load), String(interval.agents),
            ]
            if forecast.method != .simulation {
                if let model = interval.model {
                    row += [plain(model.serviceLevel), String(format: "%.1fs", model.averageSpeedOfAnswer), plain(model.occupancy)]
                    if forecast.method == .erlangA { row.append(plain(model.abandonRate)) }
                } else {
                    row += Array(repeating: "-", count: forecast.method == .erlangA ? 4 : 3)
                }
            }
            if request.check != nil {
                for index in streams.indices {
                    let stream = interval.simulated?[index]
                    row += [percent(stream?.serviceLevel), seconds(stream?.averageSpeedOfAnswer)]
                }
                row.append(percent(interval.simulatedOccupancy))
                row.append(interval.simulationMeetsTarget.map { $0 ? "ok" : "short" } ?? "-")
            }
            table.append(row)
        }
        lines.append(table.render())
        lines.append("")
        lines.append("Total: \(String(format: "%.1f", forecast.agentHours)) agent-hours.")
        return lines
    }

    /// `84.2% ±1.3`, or `-`.
    static func percent(_ estimate: Estimate?) -> String {
        guard let estimate else { return "-" }
        return String(format: "%.1f%%", estimate.mean * 100) + (estimate.halfWidth.map { String(format: " ±%.1f", $0 * 100) } ?? "")
    }

    /// `12.3s ±0.8`, or `-`.
    static func seconds(_ estimate: Estimate?) -> String {
        guard let estimate else { return "-" }
        return seconds(estimate.mean) + (estimate.halfWidth.map { " ±" + seconds($0) } ?? "")
    }

    /// `1,234 ±56`.
    static func count(_ estimate: Estimate) -> String {
        count(estimate.mean) + (estimate.halfWidth.map { " ±" + count($0) } ?? "")
    }

    private static func seconds(_ value: Double) -> String {
        value < 100 ? String(format: "%.1fs", value) : String(format: "%.0fs", value)
    }

    private static func count(_ value: Double) -> String {
        let whole = Int(value.rounded())
        let digits = String(whole.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped += "," }
            grouped.append(digit)
        }
        return (whole < 0 ? "-" : "") + grouped
    }

    /// `80.0%`.
    private static func plain(_ fraction: Double) -> String {
        String(format: "%.1f%%", fraction * 100)
    }

    /// `120` or `12.5`.
    private static func plain(number: Double) -> String {
        number == number.rounded() ? String(format: "%.0f", number) : String(format: "%.1f", number)
    }

    /// `HH:MM` of a time of day, past midnight on the next day.
    static func clock(_ time: Duration) -> String {
        let minutes = time.milliseconds / 60_000
        return String(format: "%02d:%02d", Int(minutes / 60 % 24), Int(minutes % 60))
    }
}
