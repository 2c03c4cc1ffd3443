import ACDCore
import ACDJournal
import Foundation
import Logging
import NIOCore

/// The working day: at local midnight (the process's time zone) the day's figures and agent
/// counters start over, as a journaled `beginDay`, and call records older than the retention go.
extension RoutingExecutor {
    /// Starts a new day now.
    func beginDay() {
        let effects = (try? engine.handle(.beginDay)) ?? []
        record(.beginDay, owner: nil, effects: effects)
        publish(effects)
        logger.notice("a new day: the day's figures start over")
        pruneRecords()
    }

    /// Arms the timer for the next local midnight.
    func scheduleNextDay() {
        guard !isShuttingDown else { return }
        let now = Date()
        let midnight = Self.nextMidnight(after: now)
        let delay = Int64((midnight.timeIntervalSince(now) * 1000).rounded(.up))
        dayTimer = eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(max(delay, 1))) {
            self.catchUp()
            self.beginDay()
            self.rearm()
            self.scheduleNextDay()
        }
    }

    /// Whether two instants fall on the same local calendar day.
    func isSameDay(_ first: Instant, _ second: Instant) -> Bool {
        Calendar.current.isDate(Self.date(first), inSameDayAs: Self.date(second))
    }

    private func pruneRecords() {
        guard let journal, let retention = settings.journal?.recordRetention else { return }
        let before = engine.now + (.zero - retention)
        let logger = logger
        journal.records.prune(before: before) { result in
            if case .failure(let error) = result {
                logger.error("old call records not pruned", metadata: ["error": "\(error)"])
            }
        }
    }

    static func nextMidnight(after date: Date) -> Date {
        let calendar = Calendar.current
        return calendar.nextDate(after: date, matching: DateComponents(hour: 0, minute: 0, second: 0), matchingPolicy: .nextTime)
            ?? calendar.startOfDay(for: date).addingTimeInterval(86_400)
    }

    private static func date(_ instant: Instant) -> Date {
        Date(timeIntervalSince1970: Double(instant.millisecondsSinceEpoch) / 1000)
    }
}
