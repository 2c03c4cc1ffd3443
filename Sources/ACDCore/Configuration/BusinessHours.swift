/// A queue's business hours: a weekly schedule in a time zone, with holidays. The engine never
/// reads the calendar (it has no time zones): the shell computes when the queue opens and closes
/// and tells the engine with `Command.setOpen`. The engine reads only `whenClosed` and
/// `atClosing`.
public struct BusinessHours: Equatable, Sendable, Codable {
    /// An IANA time zone name, e.g. `Europe/Paris`; the spans are local times there.
    public var timeZone: String
    /// The opening spans of each day of the week; a day with none is closed.
    public var week: [Weekday: [DailySpan]]
    /// Dates with their own hours (none: closed all day), replacing the week's for that date.
    public var holidays: [Holiday]
    /// What a call that arrives while the queue is closed gets.
    public var whenClosed: ClosedTreatment
    /// What becomes of the calls waiting when the queue closes.
    public var atClosing: ClosingTreatment

    public init(
        timeZone: String, week: [Weekday: [DailySpan]], holidays: [Holiday] = [],
        whenClosed: ClosedTreatment = .refuse, atClosing: ClosingTreatment = .serve
    ) {
        self.timeZone = timeZone
        self.week = week
        self.holidays = holidays
        self.whenClosed = whenClosed
        self.atClosing = atClosing
    }
}

/// A day of the week.
public enum Weekday: String, Equatable, Hashable, Sendable, Codable, CaseIterable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday
}

/// One opening span of a day, in local minutes after midnight: open from `opens` (included) to
/// `closes` (excluded). A span whose `closes` is not after `opens` ends the next day (22:00-02:00).
public struct DailySpan: Equatable, Sendable, Codable {
    /// 0 (00:00) to 1439 (23:59).
    public var opens: Int
    /// 1 (00:01) to 1440 (24:00).
    public var closes: Int

    public init(opens: Int, closes: Int) {
        self.opens = opens
        self.closes = closes
    }

    /// Whether the span ends on the next day.
    public var crossesMidnight: Bool { closes <= opens }
}

/// A date (in the schedule's time zone) whose hours replace the week's.
public struct Holiday: Equatable, Sendable, Codable {
    public var year: Int
    public var month: Int
    public var day: Int
    /// The date's own opening spans; empty: closed all day.
    public var spans: [DailySpan]

    public init(year: Int, month: Int, day: Int, spans: [DailySpan] = []) {
        self.year = year
        self.month = month
        self.day = day
        self.spans = spans
    }
}
