import ACDConfiguration
import ACDCore
import ACDJournal
import ArgumentParser
import Foundation

/// `acdctl replay --until TIME`: the center as it was at a past instant, rebuilt from the journal
/// by the same engine code (the snapshot taken before it, then every entry up to it), and why a
/// call was where it was then.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Rebuild the state at a past instant from the journal and explain a call then.",
        discussion: """
            Reads the daemon's journal read-only (the daemon may be running). How far back it can go \
            is journal.history (default 24h).
            """
    )

    @Option(name: .customLong("state-directory"), help: ArgumentHelp("The daemon's state directory.", valueName: "dir"))
    var stateDirectory: String?

    @Option(name: .long, help: ArgumentHelp("The daemon's configuration file, to find its state directory.", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp(
        "The instant: YYYY-MM-DD HH:MM[:SS[.mmm]] in local time (or --time-zone), or @MILLISECONDS since the epoch.",
        valueName: "time"
    ))
    var until: String

    @Option(name: .long, help: ArgumentHelp("Explain this call as it was then.", valueName: "id"))
    var call: String?

    @Option(name: .customLong("time-zone"), help: ArgumentHelp("The time zone of --until (default: the process's).", valueName: "name"))
    var timeZone: String?

    mutating func validate() throws {
        guard (stateDirectory == nil) != (config == nil) else {
            throw ValidationError("say where the journal is: --state-directory DIR or --config FILE")
        }
        _ = try instant()
    }

    func run() throws {
        do {
            let directory = try stateDirectory ?? DaemonConfiguration.load(path: config ?? "").stateDirectory
            let history = try JournalHistory(directory: directory)
            let instant = try instant()
            guard let contents = try history.state(at: instant), let snapshot = contents.snapshot else {
                let earliest = try history.earliest().map { " (it goes back to \(Self.format($0, timeZone: zone)))" } ?? ""
                Output.error("acdctl: the journal does not go back to \(Self.format(instant, timeZone: zone))\(earliest)")
                throw ExitCode(1)
            }
            var engine = snapshot.engine
            var refused = 0
            for entry in contents.entries {
                _ = engine.advance(to: entry.at)
                do {
                    _ = try engine.handle(entry.command)
                } catch {
                    refused += 1
                }
            }
            _ = engine.advance(to: instant)
            for line in Self.describe(engine, at: instant, timeZone: zone, replayed: contents.entries.count) { Output.line(line) }
            if !contents.unreadable.isEmpty || refused > 0 {
                Output.line("(\(contents.unreadable.reduce(0) { $0 + $1.count }) unreadable and \(refused) refused entries skipped, as recovery skips them)")
            }
            if let call {
                guard let explanation = engine.explain(CallID(call)) else {
                    Output.line("call \(call) was not live then")
                    return
                }
                Output.line("call \(call):")
                for line in explanation.lines { Output.line("  " + line) }
            }
        } catch let error as JournalError {
            Output.error("acdctl: \(error)")
            throw ExitCode(1)
        } catch let error as ConfigurationFileError {
            Output.error("acdctl: \(error)")
            throw ExitCode(1)
        }
    }

    private var zone: TimeZone {
        timeZone.flatMap(TimeZone.init(identifier:)) ?? .current
    }

    /// The instant `--until` names.
    func instant() throws(ValidationError) -> Instant {
        if let timeZone, TimeZone(identifier: timeZone) == nil {
            throw ValidationError("--time-zone: unknown time zone '\(timeZone)'")
        }
        guard let instant = Self.parse(until, timeZone: zone) else {
            throw ValidationError("--until: '\(until)' is not YYYY-MM-DD HH:MM[:SS[.mmm]] or @MILLISECONDS")
        }
        return instant
    }

    /// Parses `YYYY-MM-DD HH:MM[:SS[.mmm]]` in `timeZone`, or `@MILLISECONDS`.
    static func parse(_ text: String, timeZone: TimeZone) -> Instant? {
        if text.hasPrefix("@") {
            return Int64(text.dropFirst()).map { Instant(millisecondsSinceEpoch: $0) }
        }
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2 else { return nil }
        let date = parts[0].split(separator: "-").map { Int($0) }
        let clock = parts[1].split(separator: ":")
        guard date.count == 3, date.allSatisfy({ $0 != nil }), (2...3).contains(clock.count) else { return nil }
        let seconds = clock.count == 3 ? clock[2].split(separator: ".", maxSplits: 1) : ["0"]
        guard let hour = Int(clock[0]), let minute = Int(clock[1]), let second = Int(seconds[0]),
              (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        var milliseconds = 0
        if seconds.count == 2 {
            let fraction = seconds[1]
            guard (1...3).contains(fraction.count), let value = Int(fraction) else { return nil }
            milliseconds = value * [100, 10, 1][fraction.count - 1]
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(year: date[0], month: date[1], day: date[2], hour: hour, minute: minute, second: second)
        guard let day = calendar.date(from: components),
              calendar.component(.month, from: day) == date[1], calendar.component(.day, from: day) == date[2]
        else { return nil }
        return Instant(millisecondsSinceEpoch: Int64((day.timeIntervalSince1970 * 1000).rounded()) + Int64(milliseconds))
    }

    static func format(_ instant: Instant, timeZone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.timeZone = timeZone
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss.SSS"
        return formatter.string(from: Date(timeIntervalSince1970: Double(instant.millisecondsSinceEpoch) / 1000))
    }

    /// The center at a glance, then its live calls.
    static func describe(_ engine: RoutingEngine, at instant: Instant, timeZone: TimeZone, replayed: Int) -> [String] {
        let summary = engine.summary
        var lines = [
            "state at \(format(instant, timeZone: timeZone)) (\(replayed) entries replayed after the snapshot):",
            "\(summary.waiting) waiting or ringing, \(summary.readyAgents) of \(summary.loggedInAgents) logged-in agents ready",
        ]
        for id in engine.liveCallIDs {
            guard let status = engine.callStatus(id) else { continue }
            let queue = status.queues.first?.queue.rawValue ?? "-"
            let state = switch status.state {
            case .waiting: "waiting"
            case .offered(let agents): "ringing for \(agents.map(\.rawValue).joined(separator: ", "))"
            case .connected(let agent): "connected to \(agent)"
            case .dialing(let agent): "being dialed by \(agent)"
            case .scheduled(let until): until.map { "out of line until \(format($0, timeZone: timeZone))" } ?? "kept until its queue opens"
            }
            lines.append("  \(id) in \(queue): \(state)")
        }
        return lines
    }
}
