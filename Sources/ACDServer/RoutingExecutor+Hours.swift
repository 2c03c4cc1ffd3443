import ACDCore
import Logging
import NIOCore

/// Business hours: the engine cannot read a calendar, so the executor computes each queue's
/// opening from its schedule (`ServerSettings.openingHours`) and tells the engine with a journaled
/// `setOpen` whenever it differs from what the engine holds: at start-up (after recovery), after a
/// reload, and at each opening or closing (one timer for the earliest, and a check before every
/// request so that a call arriving exactly at the boundary gets the new state). Replay reads the
/// journaled commands, never the clock.
extension RoutingExecutor {
    /// Brings every queue's opening in the engine up to date at the engine's now (catch up first)
    /// and arms the timer for the next change.
    func syncHours() {
        guard !isShuttingDown else { return }
        var next: Instant?
        for queue in engine.queueIDs {
            // A queue the settings give no hours (the engine kept a recorded configuration that
            // had some) is open.
            let held = engine.queueStatus(queue)?.opening
            guard let computed = settings.openingHours(queue, engine.now) ?? held.map({ _ in OpeningState(isOpen: true, until: nil) })
            else { continue }
            if computed != held {
                let command = Command.setOpen(queue: queue, state: computed)
                if let effects = try? engine.handle(command) {
                    record(command, owner: nil, effects: effects)
                    publish(effects)
                }
            }
            if let until = computed.until, next.map({ until < $0 }) ?? true {
                next = until
            }
        }
        nextHoursChange = next
        hoursTimer?.cancel()
        hoursTimer = nil
        guard let next else { return }
        let delay = max(1, next.millisecondsSinceEpoch - WallClock.now().millisecondsSinceEpoch)
        hoursTimer = eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(delay)) {
            self.hoursTimer = nil
            self.catchUp()
            self.syncHours()
            self.rearm()
        }
    }

    /// Carries out an opening or closing that is due, if one is (before a request is applied).
    func syncHoursIfDue() {
        guard let due = nextHoursChange, engine.now >= due else { return }
        syncHours()
    }
}
