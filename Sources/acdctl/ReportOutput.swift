import ACDCore
import ACDRecords
import Foundation
import GRDB

/// A report's rows, as a table for people, CSV or JSON. Tables show durations as `3m05s` and
/// shares as percentages; CSV and JSON give milliseconds and fractions.
struct ReportOutput {
    let request: ReportRequest
    /// Column names (CSV and JSON keys), then each row's cells for people and for machines.
    var columns: [String] = []
    var rightAligned: Set<Int> = []
    var human: [[String]] = []
    var machine: [[Cell]] = []

    /// A value for CSV and JSON.
    enum Cell {
        case text(String)
        case number(Int64)
        case fraction(Double)
        case flag(Bool)
        case absent

        init(_ number: Int) { self = .number(Int64(number)) }
        init(_ duration: Duration?) { self = duration.map { .number($0.milliseconds) } ?? .absent }
        init(_ share: Double?) { self = share.map { .fraction($0) } ?? .absent }

        var csv: String {
            switch self {
            case .text(let text):
                guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
                return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            case .number(let number): return "\(number)"
            case .fraction(let share): return "\(share)"
            case .flag(let flag): return "\(flag)"
            case .absent: return ""
            }
        }

        var json: Any {
            switch self {
            case .text(let text): text
            case .number(let number): number
            case .fraction(let share): share
            case .flag(let flag): flag
            case .absent: NSNull()
            }
        }
    }

    init(request: ReportRequest, db: Database) throws {
        self.request = request
        switch request.grouping {
        case .queue: try fillQueues(RecordReports.queues(request.query, in: db))
        case .segment: try fillSegments(RecordReports.segments(request.query, in: db))
        case .agent: try fillAgents(RecordReports.agents(request.query, in: db))
        case .classification: try fillClassifications(RecordReports.classifications(request.query, in: db))
        case .survey: try fillSurveys(RecordReports.surveys(request.query, in: db))
        case .transfer: try fillTransfers(RecordReports.transfers(request.query, in: db))
        }
    }

    private mutating func fillTransfers(_ rows: [TransferReportRow]) {
        columns = ["interval", "queue", "transfers", "consult_transfers", "escalations"]
        rightAligned = Set(2..<columns.count)
        for row in rows {
            human.append([row.bucket.label, row.queue.rawValue, "\(row.transfers)", "\(row.consultTransfers)", "\(row.escalations)"])
            machine.append([
                .text(row.bucket.label), .text(row.queue.rawValue), Cell(row.transfers), Cell(row.consultTransfers), Cell(row.escalations),
            ])
        }
    }

    private mutating func fillQueues(_ rows: [QueueReportRow]) {
        columns = [
            "interval", "queue", "offered", "answered", "answered_in_time", "abandoned", "short_abandoned", "other_unanswered",
            "service_level", "asa_ms", "aht_ms", "longest_wait_ms", "closed", "redirected", "callbacks", "callbacks_reached", "outbound",
            "outbound_reached", "dial_attempts", "unreached",
        ]
        rightAligned = Set(2..<columns.count)
        for row in rows {
            human.append([
                row.bucket.label, row.queue.rawValue, "\(row.offered)", "\(row.answered)", "\(row.answeredInTime)", "\(row.abandoned)",
                "\(row.shortAbandoned)", "\(row.otherUnanswered)", Self.percent(row.serviceLevel),
                Display.duration(ms: row.averageSpeedOfAnswer?.milliseconds), Display.duration(ms: row.averageHandleTime?.milliseconds),
                Display.duration(ms: row.longestWait.milliseconds), "\(row.closed)", "\(row.redirected)", "\(row.callbacks)",
                "\(row.callbacksReached)", "\(row.outbound)", "\(row.outboundReached)", "\(row.dialAttempts)", "\(row.unreached)",
            ])
            machine.append([
                .text(row.bucket.label), .text(row.queue.rawValue), Cell(row.offered), Cell(row.answered), Cell(row.answeredInTime),
                Cell(row.abandoned), Cell(row.shortAbandoned), Cell(row.otherUnanswered), Cell(row.serviceLevel),
                Cell(row.averageSpeedOfAnswer), Cell(row.averageHandleTime), Cell(row.longestWait), Cell(row.closed),
                Cell(row.redirected), Cell(row.callbacks), Cell(row.callbacksReached), Cell(row.outbound), Cell(row.outboundReached),
                Cell(row.dialAttempts), Cell(row.unreached),
            ])
        }
    }

    private mutating func fillSegments(_ rows: [SegmentReportRow]) {
        columns = ["interval", "queue", "segment", "offered", "answered", "answered_in_target", "breaches", "escalated", "service_level"]
        rightAligned = Set(3..<columns.count)
        for row in rows {
            human.append([
                row.bucket.label, row.queue.rawValue, row.segment, "\(row.offered)", "\(row.answered)", "\(row.answeredInTarget)",
                "\(row.breaches)", "\(row.escalated)", Self.percent(row.serviceLevel),
            ])
            machine.append([
                .text(row.bucket.label), .text(row.queue.rawValue), .text(row.segment), Cell(row.offered), Cell(row.answered),
                Cell(row.answeredInTarget), Cell(row.breaches), Cell(row.escalated), Cell(row.serviceLevel),
            ])
        }
    }

    private mutating func fillAgents(_ rows: [AgentReportRow]) {
        let reasons = Set(rows.flatMap(\.notReadyByReason.keys)).sorted()
        let targets = request.dailyTargets
        columns = [
            "interval", "agent", "handled", "dialed", "dial_attempts", "talk_ms", "wrap_up_ms", "aht_ms", "logged_in_ms", "ready_ms",
            "not_ready_ms", "occupancy",
        ] + reasons.map { "not_ready_\($0.rawValue)_ms" } + (targets == nil ? [] : ["daily_target", "target_met"])
        rightAligned = Set(2..<columns.count)
        for row in rows {
            let byReason = reasons.map { row.notReadyByReason[$0] ?? .zero }
            let target = targets?[row.agent]
            let met = target.map { row.handled >= $0 }
            human.append([
                row.bucket.label, row.agent.rawValue, "\(row.handled)", "\(row.dialed)", "\(row.dialAttempts)",
                Display.duration(ms: row.talkTime.milliseconds),
                Display.duration(ms: row.wrapUp.milliseconds), Display.duration(ms: row.averageHandleTime?.milliseconds),
                Display.duration(ms: row.loggedIn.milliseconds), Display.duration(ms: row.ready.milliseconds),
                Display.duration(ms: row.notReady.milliseconds), Self.percent(row.occupancy),
            ] + byReason.map { Display.duration(ms: $0.milliseconds) }
                + (targets == nil ? [] : [target.map { "\($0)" } ?? "-", met.map { $0 ? "yes" : "no" } ?? "-"]))
            machine.append([
                .text(row.bucket.label), .text(row.agent.rawValue), Cell(row.handled), Cell(row.dialed), Cell(row.dialAttempts),
                Cell(row.talkTime), Cell(row.wrapUp),
                Cell(row.averageHandleTime), Cell(row.loggedIn), Cell(row.ready), Cell(row.notReady), Cell(row.occupancy),
            ] + byReason.map { Cell($0) } + (targets == nil ? [] : [target.map { Cell($0) } ?? .absent, met.map { .flag($0) } ?? .absent]))
        }
    }

    private mutating func fillClassifications(_ rows: [ClassificationReportRow]) {
        columns = ["interval", "queue", "call_type", "motive", "sub_motive", "conversations", "share"]
        rightAligned = [5, 6]
        for row in rows {
            human.append([
                row.bucket.label, row.queue.rawValue, row.callType ?? "(unclassified)", row.motive ?? "-", row.subMotive ?? "-",
                "\(row.conversations)", Self.percent(row.share),
            ])
            machine.append([
                .text(row.bucket.label), .text(row.queue.rawValue), row.callType.map(Cell.text) ?? .absent,
                row.motive.map(Cell.text) ?? .absent, row.subMotive.map(Cell.text) ?? .absent, Cell(row.conversations), Cell(row.share),
            ])
        }
    }

    private mutating func fillSurveys(_ rows: [SurveyReportRow]) {
        columns = ["interval", "scope", "id", "scores", "average", "satisfied", "dissatisfied"]
        rightAligned = [3, 4, 5, 6]
        for row in rows {
            let (scope, id) = switch row.scope {
            case .center: ("center", "")
            case .queue(let queue): ("queue", queue.rawValue)
            case .agent(let agent): ("agent", agent.rawValue)
            }
            human.append([
                row.bucket.label, scope, id, "\(row.scores)", row.average.map { String(format: "%.2f", $0) } ?? "-",
                Self.percent(row.satisfiedShare), Self.percent(row.dissatisfiedShare),
            ])
            machine.append([
                .text(row.bucket.label), .text(scope), id.isEmpty ? .absent : .text(id), Cell(row.scores), Cell(row.average),
                Cell(row.satisfiedShare), Cell(row.dissatisfiedShare),
            ])
        }
    }

    /// The table, with a title line saying what it covers; a line saying so when it is empty.
    func table() -> String {
        let range = request.from == request.through ? "\(request.from)" : "\(request.from) to \(request.through)"
        let subject = switch request.grouping {
        case .queue: "Calls by queue"
        case .segment: "Calls by segment"
        case .agent: "Agents"
        case .classification: "Wrap-up classification by queue"
        case .survey: "Satisfaction survey scores"
        case .transfer: "Transfers and escalations by queue"
        }
        let title = "\(subject), \(range), per \(request.interval.rawValue) (\(request.timeZone.identifier))"
        guard !human.isEmpty else { return title + "\nNo records in that period." }
        var table = TextTable(headers: columns.map(Self.header), rightAligned: rightAligned)
        for row in human { table.append(row) }
        return title + "\n" + table.render()
    }

    func csv() -> String {
        ([columns.joined(separator: ",")] + machine.map { row in row.map(\.csv).joined(separator: ",") }).joined(separator: "\n")
    }

    func json() -> String {
        let rows = machine.map { row in
            Dictionary(uniqueKeysWithValues: zip(columns, row.map(\.json)))
        }
        let document: [String: Any] = [
            "by": request.grouping.rawValue, "interval": request.interval.rawValue, "time_zone": request.timeZone.identifier,
            "from": "\(request.from)", "to": "\(request.through)", "short_abandon_ms": request.query.shortAbandon.milliseconds, "rows": rows,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// A column's name in the table: without its unit suffix.
    private static func header(_ column: String) -> String {
        column.hasSuffix("_ms") ? String(column.dropLast(3)) : column
    }

    private static func percent(_ share: Double?) -> String {
        guard let share else { return "-" }
        return String(format: "%.1f%%", share * 100)
    }
}
