import ACDCore
import Logging
import NIOCore

/// Reload: new settings applied to the running center without dropping a call or a connection.
extension RoutingExecutor {
    /// Applies `new`: the engine takes the new center with everything live carried over (a
    /// journaled `reconfigure` command, so a restart replays it), and access rules, routing rules,
    /// contacts and limits apply from now on (to connections that say hello from now on, for the
    /// access rules). The journal's settings stay those of the start. On error nothing changed.
    func reload(_ new: ServerSettings) throws(ReloadError) -> ReloadSummary {
        guard !isShuttingDown else { throw .notRunning }
        catchUp()
        let command = Command.reconfigure(new.center, removedQueueCalls: new.removedQueueCalls)
        let effects: [Effect]
        do {
            effects = try engine.handle(command)
        } catch {
            throw .invalidConfiguration(error.message)
        }
        record(command, owner: nil, effects: effects)
        let summary = ReloadSummary(from: center, to: new.center, effects: effects)
        let oldInterval = settings.limits.positionInterval
        center = new.center
        var applied = new
        applied.journal = settings.journal
        settings = applied
        publish(effects)
        syncHours()
        rearm()
        if new.limits.positionInterval != oldInterval {
            positionTimer?.cancel()
            positionTimer = nil
            if let interval = new.limits.positionInterval, interval > .zero, !sessions.isEmpty {
                schedulePositionUpdate(in: interval)
            }
        }
        return summary
    }
}
