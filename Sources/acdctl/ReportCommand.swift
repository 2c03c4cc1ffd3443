import ACDConfiguration
import ACDCore
import ACDRecords
import ArgumentParser
import Foundation

/// `acdctl report`: call and agent figures per interval, from the call records in the daemon's
/// database, read directly and read-only (the daemon may be running or not).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report calls by queue, agents' time, wrap-up classifications, survey scores or transfers, per interval, from the call records.",
        discussion: """
            Reads <state directory>/records.sqlite read-only. A call counts in the interval in \
            which it arrived, in the queue (and segment) it arrived in; an agent's time counts in the intervals \
            it falls in, its current state until now. Intervals are local time (the process's \
            time zone, or --time-zone). Columns and formulas: docs/reports.md.
            """
    )

    @Option(name: .customLong("state-directory"), help: ArgumentHelp("The daemon's state directory.", valueName: "dir"))
    var stateDirectory: String?

    @Option(name: .long, help: ArgumentHelp("The daemon's configuration file, to find its state directory.", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("The day to report (default: today).", valueName: "YYYY-MM-DD"))
    var day: String?

    @Option(name: .long, help: ArgumentHelp("The first day of a range (with --to).", valueName: "YYYY-MM-DD"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("The last day of a range, included (default: --from).", valueName: "YYYY-MM-DD"))
    var to: String?

    @Option(name: .long, help: ArgumentHelp("15m, 30m, 60m or day.", valueName: "interval"))
    var interval = "60m"

    @Option(name: .long, help: ArgumentHelp(
        "queue (calls), segment (calls by customer segment), agent (agents' time), classification (wrap-up call types and motives per queue), survey (satisfaction scores) or transfer (transfers and escalations per queue).",
        valueName: "queue|segment|agent|classification|survey|transfer"
    ))
    var by = "queue"

    @Option(name: .long, help: ArgumentHelp("Only this queue (with --by queue, segment, classification, survey or transfer).", valueName: "id"))
    var queue: String?

    @Option(name: .long, help: ArgumentHelp("Only this agent (with --by agent or survey).", valueName: "id"))
    var agent: String?

    @Option(name: .customLong("short-abandon"), help: ArgumentHelp(
        "Calls abandoned within this wait are short abandons, left out of the service level (default: the configuration's records.short_abandon, else 5s).",
        valueName: "duration"
    ))
    var shortAbandon: String?

    @Option(name: .customLong("time-zone"), help: ArgumentHelp("The time zone of the intervals (default: the process's).", valueName: "name"))
    var timeZone: String?

    @Flag(name: .long, help: "Print CSV (durations in milliseconds) instead of a table.")
    var csv = false

    @Flag(name: .long, help: "Print one JSON object (durations in milliseconds) instead of a table.")
    var json = false

    mutating func validate() throws {
        _ = try request(now: Date(), configured: nil)
    }

    func run() throws {
        let now = Date()
        do {
            let configuration = try config.map { path throws(ConfigurationFileError) in try DaemonConfiguration.load(path: path) }
            var request = try request(now: now, configured: configuration?.records.shortAbandon)
            if request.interval == .day, let agents = configuration?.center.agents {
                request.dailyTargets = Dictionary(uniqueKeysWithValues: agents.compactMap { agent in agent.dailyTarget.map { (agent.id, $0) } })
            }
            let directory = try stateDirectoryPath(configuration)
            let output = try ReportDatabase.read(directory: directory) { db in
                try ReportOutput(request: request, db: db)
            }
            Output.line(csv ? output.csv() : json ? output.json() : output.table())
        } catch let error as ReportFailure {
            Output.error("acdctl: \(error.message)")
            throw ExitCode(1)
        } catch let error as ConfigurationFileError {
            Output.error("acdctl: \(error)")
            throw ExitCode(1)
        }
    }

    /// The report asked for, checked.
    private func request(now: Date, configured: Duration?) throws(ValidationError) -> ReportRequest {
        guard let grouping = ReportGrouping(rawValue: by) else {
            throw ValidationError("--by: 'queue', 'segment', 'agent', 'classification', 'survey' or 'transfer', not '\(by)'")
        }
        guard let interval = ReportInterval(rawValue: interval) else { throw ValidationError("--interval: 15m, 30m, 60m or day, not '\(interval)'") }
        guard !(csv && json) else { throw ValidationError("--csv and --json: choose one") }
        guard stateDirectory == nil || config == nil else { throw ValidationError("--state-directory and --config: give one") }
        switch grouping {
        case .queue, .segment, .classification, .transfer: guard agent == nil else { throw ValidationError("--agent goes with --by agent or survey") }
        case .agent: guard queue == nil else { throw ValidationError("--queue goes with --by queue, segment, classification, survey or transfer") }
        case .survey: break
        }
        let zone: TimeZone
        if let timeZone {
            guard let named = TimeZone(identifier: timeZone) else { throw ValidationError("--time-zone: unknown time zone '\(timeZone)'") }
            zone = named
        } else {
            zone = .current
        }
        let (first, last) = try days(today: ReportDate(now, in: zone))
        let millis = Int64((now.timeIntervalSince1970 * 1000).rounded())
        let query = ReportQuery(
            buckets: ReportCalendar.buckets(from: first, through: last, interval: interval, timeZone: zone),
            queue: queue.map { QueueID($0) }, agent: agent.map { AgentID($0) },
            shortAbandon: try shortAbandon.map { text throws(ValidationError) in try SimulationSyntax.duration(text, option: "--short-abandon") }
                ?? configured ?? RecordsConfiguration.defaultShortAbandon,
            now: Instant(millisecondsSinceEpoch: millis)
        )
        return ReportRequest(grouping: grouping, interval: interval, timeZone: zone, from: first, through: last, query: query)
    }

    private func days(today: ReportDate) throws(ValidationError) -> (ReportDate, ReportDate) {
        func parse(_ text: String, _ option: String) throws(ValidationError) -> ReportDate {
            guard let date = ReportDate(text) else { throw ValidationError("\(option): '\(text)' is not a date (YYYY-MM-DD)") }
            return date
        }
        if let day {
            guard from == nil, to == nil else { throw ValidationError("--day, or --from and --to: not both") }
            let date = try parse(day, "--day")
            return (date, date)
        }
        guard let from else {
            guard to == nil else { throw ValidationError("--to needs --from") }
            return (today, today)
        }
        let first = try parse(from, "--from")
        let last = try to.map { text throws(ValidationError) in try parse(text, "--to") } ?? first
        guard first <= last else { throw ValidationError("--from \(first) is after --to \(last)") }
        guard first.year + 1 >= last.year else { throw ValidationError("--from and --to: at most about a year apart") }
        return (first, last)
    }

    /// The state directory: given, or read from the configuration file.
    private func stateDirectoryPath(_ configuration: DaemonConfiguration?) throws(ReportFailure) -> String {
        if let stateDirectory { return stateDirectory }
        guard let configuration else {
            throw ReportFailure(message: "say where the records are: --state-directory DIR or --config FILE")
        }
        return configuration.stateDirectory
    }
}

/// How a report groups its rows.
enum ReportGrouping: String {
    case queue
    case segment
    case agent
    case classification
    case survey
    case transfer
}

/// A checked report request.
struct ReportRequest {
    var grouping: ReportGrouping
    var interval: ReportInterval
    var timeZone: TimeZone
    var from: ReportDate
    var through: ReportDate
    var query: ReportQuery
    /// Each agent's daily target (its own, or its team's), from the configuration; with
    /// `--by agent --interval day` the report sets the calls handled against it.
    var dailyTargets: [AgentID: Int]? = nil
}

/// Why a report cannot be made, in words for the operator.
struct ReportFailure: Error {
    var message: String
}
