import ACDCore
import Foundation
import Yams

extension ConfigurationParser {
    static let hoursKeys = ["time_zone", "week", "holidays", "when_closed", "at_closing"]

    /// A queue's `hours`: `{time_zone: Europe/Madrid, week: {monday: ["08:15-17:15"], ...},
    /// holidays: [2026-12-25, {date: 2026-12-24, hours: ["08:15-13:00"]}], when_closed: refuse,
    /// at_closing: serve}`; null for none.
    func businessHours(_ node: Node, locations queueLocations: inout SourceLocations.Queue) throws(ConfigurationFileError) -> BusinessHours? {
        if reader.isNull(node) { return nil }
        let mapping = try reader.mapping(node, "hours")
        try mapping.rejectUnknownKeys(Self.hoursKeys, in: "in hours", reader: reader)
        guard let zoneNode = mapping["time_zone"] else {
            throw reader.error("hours needs 'time_zone', the IANA time zone of its times (e.g. Europe/Madrid)", at: mapping.position)
        }
        let zone = try reader.string(zoneNode, "time_zone")
        guard TimeZone(identifier: zone) != nil else {
            throw reader.error("unknown time zone \(YAMLReader.quoted(zone)); use an IANA name such as Europe/Madrid or America/New_York", at: zoneNode)
        }
        var hours = BusinessHours(timeZone: zone, week: [:])
        if let weekMapping = try reader.optionalMapping(mapping["week"], "week") {
            for entry in weekMapping.entries {
                guard let day = Weekday(rawValue: entry.key) else {
                    throw YAMLMapping.unknownKey(entry, known: Weekday.allCases.map(\.rawValue), in: "in week", reader: reader)
                }
                hours.week[day] = try spans(entry.value, "\(day.rawValue)")
            }
        }
        var dates: [Int64: SourcePosition] = [:]
        for element in try reader.optionalSequence(mapping["holidays"], "holidays") {
            let holiday = try holiday(element)
            let number = BusinessSchedule.dayNumber(year: holiday.year, month: holiday.month, day: holiday.day)
            if let first = dates[number] {
                throw reader.error("this date is listed twice in holidays (first at \(first))", at: element)
            }
            dates[number] = SourcePosition(of: element)
            hours.holidays.append(holiday)
        }
        if let node = mapping["when_closed"] {
            queueLocations.options["hours.when_closed"] = SourcePosition(of: node)
            hours.whenClosed = try closedTreatment(node)
        }
        if let node = mapping["at_closing"] {
            let text = try reader.string(node, "at_closing")
            guard let treatment = ClosingTreatment(rawValue: text) else {
                throw reader.error("at_closing must be 'serve' or 'leave', not \(YAMLReader.quoted(text))", at: node)
            }
            hours.atClosing = treatment
        }
        return hours
    }

    /// A list of `"HH:MM-HH:MM"` spans (null or `[]`: closed), none overlapping another.
    private func spans(_ node: Node, _ what: String) throws(ConfigurationFileError) -> [DailySpan] {
        var spans: [(span: DailySpan, node: Node)] = []
        for element in try reader.optionalSequence(node, what) {
            spans.append((try span(element), element))
        }
        // Compared as minutes from the day's midnight; a span crossing midnight runs past 1440.
        let ordered = spans.sorted { $0.span.opens < $1.span.opens }
        for (earlier, later) in zip(ordered, ordered.dropFirst()) {
            let earlierEnd = earlier.span.closes + (earlier.span.crossesMidnight ? 1440 : 0)
            if later.span.opens < earlierEnd {
                throw reader.error("span overlaps another span of \(what) (at \(SourcePosition(of: earlier.node)))", at: later.node)
            }
        }
        return spans.map(\.span)
    }

    /// `"08:15-17:15"`; `"22:00-02:00"` ends the next day; `24:00` closes at midnight.
    private func span(_ node: Node) throws(ConfigurationFileError) -> DailySpan {
        let text = try reader.string(node, "a span")
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw reader.error("a span is written \"HH:MM-HH:MM\" (e.g. \"08:15-17:15\"), not \(YAMLReader.quoted(text))", at: node)
        }
        let opens = try minuteOfDay(parts[0], in: text, at: node)
        let closes = try minuteOfDay(parts[1], in: text, at: node)
        guard opens < 1440 else { throw reader.error("a span cannot open at 24:00 (\(YAMLReader.quoted(text)))", at: node) }
        guard opens != closes else {
            throw reader.error("a span must not open and close at the same time (\(YAMLReader.quoted(text))); 00:00-24:00 is the whole day", at: node)
        }
        return DailySpan(opens: opens, closes: closes == 0 ? 1440 : closes)
    }

    /// Minutes after midnight of `H:MM` or `HH:MM`, 00:00 to 24:00.
    private func minuteOfDay(_ part: Substring, in text: String, at node: Node) throws(ConfigurationFileError) -> Int {
        let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
        guard pieces.count == 2, (1...2).contains(pieces[0].count), pieces[1].count == 2,
              pieces.allSatisfy({ $0.unicodeScalars.allSatisfy { $0.value >= 48 && $0.value <= 57 } }),
              let hour = Int(pieces[0]), let minute = Int(pieces[1])
        else {
            throw reader.error("a span is written \"HH:MM-HH:MM\" (e.g. \"08:15-17:15\"), not \(YAMLReader.quoted(text))", at: node)
        }
        guard hour <= 24 else { throw reader.error("hour \(hour) is outside 00-24 in \(YAMLReader.quoted(text))", at: node) }
        guard minute <= 59 else { throw reader.error("minute \(minute) is outside 00-59 in \(YAMLReader.quoted(text))", at: node) }
        guard hour < 24 || minute == 0 else { throw reader.error("\(YAMLReader.quoted(String(part))) is past 24:00", at: node) }
        return hour * 60 + minute
    }

    /// `2026-12-25` (closed all day) or `{date: 2026-12-24, hours: ["08:15-13:00"]}`.
    private func holiday(_ node: Node) throws(ConfigurationFileError) -> Holiday {
        guard case .mapping = node else { return try date(node) }
        let mapping = try reader.mapping(node, "a holiday")
        try mapping.rejectUnknownKeys(["date", "hours"], in: "in a holiday", reader: reader)
        guard let dateNode = mapping["date"] else {
            throw reader.error("a holiday needs a 'date' (YYYY-MM-DD)", at: mapping.position)
        }
        var holiday = try date(dateNode)
        if let node = mapping["hours"] {
            holiday.spans = try spans(node, "the holiday")
        }
        return holiday
    }

    private func date(_ node: Node) throws(ConfigurationFileError) -> Holiday {
        let text = try reader.string(node, "a date")
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.unicodeScalars.allSatisfy { $0.value >= 48 && $0.value <= 57 } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else {
            throw reader.error("a holiday date is written YYYY-MM-DD (e.g. 2026-12-25), not \(YAMLReader.quoted(text))", at: node)
        }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(month), (1...lengths[month - 1]).contains(day) else {
            throw reader.error("\(YAMLReader.quoted(text)) is not a date", at: node)
        }
        return Holiday(year: year, month: month, day: day)
    }

    /// `refuse`, `callback`, `{voicemail: DESTINATION}` or `{queue: QUEUE}`.
    private func closedTreatment(_ node: Node) throws(ConfigurationFileError) -> ClosedTreatment {
        guard case .mapping = node else {
            let text = try reader.string(node, "when_closed")
            switch text {
            case "refuse": return .refuse
            case "callback": return .callback
            default:
                throw reader.error(
                    "when_closed must be 'refuse', 'callback', {voicemail: DESTINATION} or {queue: QUEUE}, not \(YAMLReader.quoted(text))", at: node
                )
            }
        }
        let mapping = try reader.mapping(node, "when_closed")
        try mapping.rejectUnknownKeys(["voicemail", "queue"], in: "in when_closed", reader: reader)
        if let voicemail = mapping["voicemail"], mapping["queue"] == nil {
            let destination = try reader.string(voicemail, "voicemail")
            guard !destination.isEmpty else { throw reader.error("voicemail must name a destination", at: voicemail) }
            return .voicemail(destination)
        }
        if let queue = mapping["queue"], mapping["voicemail"] == nil {
            return .sendTo(QueueID(try reader.identifier(queue, "queue")))
        }
        throw reader.error("when_closed takes one of 'voicemail' or 'queue'", at: mapping.position)
    }
}
