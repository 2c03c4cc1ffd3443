import ACDCore
public import ACDJournal
import ACDRecords
import Logging
import NIOCore

/// Recovery: the executor's state rebuilt from the journal before the socket listens.
extension RoutingExecutor {
    /// Rebuilds the state from the journal (the latest snapshot, then every entry after it through
    /// the same engine code, records included), or starts it; called once, before the socket
    /// listens. A configuration file that changed meanwhile is then applied like a reload.
    func recover() throws(RecoveryError) {
        guard let journal else { return }
        if !SQLiteTuning.memoryStatisticsOff {
            logger.warning("SQLite was in use before the journal opened: its memory statistics stay on, and the journal and the call records wait on each other's allocations")
        }
        if let upgrade = journal.records.upgrade {
            logger.notice("call records brought to this version's format", metadata: [
                "records": "\(journal.records.path)", "migrations": "\(upgrade.migrations.joined(separator: ","))",
                "ms": "\(upgrade.milliseconds)",
            ])
        }
        let started = WallClock.now()
        var contents: JournalContents
        let readMilliseconds: Int64
        do {
            if let opened = openedContents.take() {
                (contents, readMilliseconds) = (try opened.contents.get(), opened.readMilliseconds)
            } else {
                contents = try journal.contents()
                readMilliseconds = WallClock.now().millisecondsSinceEpoch - started.millisecondsSinceEpoch
            }
        } catch {
            throw .journal(error)
        }
        let read = WallClock.now()
        for sequences in contents.unreadable {
            logger.warning("journal entries unreadable (torn or corrupted write): skipped", metadata: [
                "sequences": "\(sequences.lowerBound)-\(sequences.upperBound)", "journal": "\(journal.path)",
            ])
        }
        // Taken out of the contents, so that the engine's and the keeper's tables have one owner
        // and the replay's first changes do not copy them whole.
        guard var snapshot = contents.snapshot.take() else {
            try startFresh(journal, keeper: RecordKeeper(configuration: center), reason: "new journal")
            return
        }
        // Replay through the executor itself, quietly, so its own tables (owners, agents on calls,
        // recent endings) are rebuilt the way they were built; the records the replay makes again
        // are written again (idempotently).
        let fresh = engine
        let loud = logger.logLevel
        logger.logLevel = .warning
        let through = snapshot.through
        center = snapshot.configuration
        (callOwners, snapshot.callOwners) = (snapshot.callOwners, [:])
        var keeper = snapshot.records.take() ?? RecordKeeper(configuration: snapshot.configuration)
        var rows = RecordBatch()
        (engine, snapshot.engine) = (snapshot.engine, fresh)
        for entry in contents.entries {
            let (passed, records) = keeper.advance(&engine, to: entry.at)
            rows.append(records)
            publish(passed)
            do {
                let effects = try engine.handle(entry.command)
                if let owner = entry.owner, let call = entry.command.call, engine.callStatus(call) != nil {
                    callOwners[call] = owner
                }
                if case .reconfigure(let configuration, _) = entry.command {
                    center = configuration
                }
                rows.append(keeper.observe(effects, at: engine.now, command: entry.command))
                publish(effects)
            } catch {
                logger.warning("journal entry refused on replay: skipped", metadata: ["sequence": "\(entry.sequence)", "error": "\(error.message)"])
            }
        }
        let replayed = WallClock.now()
        nextSequence = (contents.entries.last?.sequence ?? through) + 1
        durableThrough = nextSequence - 1
        entriesSinceSnapshot = contents.entries.count
        let lastActivity = engine.now
        let (passed, records) = keeper.advance(&engine, to: WallClock.now())
        rows.append(records)
        publish(passed)
        logger.logLevel = loud
        if center != settings.center, settings.journal?.discardStateOnChange == true {
            let live = engine.liveCallCount
            let loggedIn = engine.summary.loggedInAgents
            logger.warning("configuration changed: --discard-state given, starting from an empty state", metadata: [
                "dropped_calls": "\(live)", "dropped_agents": "\(loggedIn)",
            ])
            engine = fresh
            center = settings.center
            callOwners = [:]
            callAgents = [:]
            recentlyFinished = [:]
            recentlyFinishedOrder = []
            recentlyFinishedStart = 0
            try startFresh(journal, keeper: RecordKeeper(configuration: settings.center), reason: "configuration changed")
            return
        }
        recorder?.restart(from: keeper, rows: rows)
        if center != settings.center {
            applyChangedConfiguration()
        }
        if !isSameDay(lastActivity, WallClock.now()) {
            beginDay()
        }
        for identity in Set(callOwners.values).sorted() {
            startGrace(for: identity)
        }
        rearm()
        let now = WallClock.now()
        logger.info("state recovered from the journal", metadata: [
            "journal": "\(journal.path)", "replayed": "\(contents.entries.count)", "calls": "\(engine.liveCallCount)",
            "ms": "\(readMilliseconds + now.millisecondsSinceEpoch - read.millisecondsSinceEpoch)",
            "read_ms": "\(readMilliseconds)",
            "replay_ms": "\(replayed.millisecondsSinceEpoch - read.millisecondsSinceEpoch)",
        ])
    }

    /// The configuration file changed while acdd was down: it applies to the recovered state as a
    /// reload would (a journaled reconfiguration), or, when the engine refuses it, the recorded
    /// one stays in force.
    private func applyChangedConfiguration() {
        let command = Command.reconfigure(settings.center, removedQueueCalls: settings.removedQueueCalls)
        let effects: [Effect]
        do {
            effects = try engine.handle(command)
        } catch {
            logger.error("the changed configuration cannot take over the recovered state: running with the recorded one", metadata: [
                "error": "\(error.message)",
            ])
            return
        }
        record(command, owner: nil, effects: effects)
        let summary = ReloadSummary(from: center, to: settings.center, effects: effects)
        center = settings.center
        var metadata = Logger.Metadata()
        for (key, value) in summary.fields {
            metadata[key] = "\(value)"
        }
        logger.notice("configuration changed since the journal was written: applied to the recovered state", metadata: metadata)
        publish(effects)
    }

    private func startFresh(_ journal: Journal, keeper: RecordKeeper, reason: String) throws(RecoveryError) {
        do {
            try journal.records.closeOpenIntervals(at: engine.now)
            try journal.writeNow(JournalSnapshot(
                through: nextSequence - 1, configuration: center, engine: engine, callOwners: [:], records: keeper
            ))
        } catch {
            throw .journal(error)
        }
        durableThrough = nextSequence - 1
        recorder?.restart(from: keeper, rows: RecordBatch())
        logger.info("journal started", metadata: ["journal": "\(journal.path)", "reason": "\(reason)"])
    }
}

/// Why the daemon cannot start from its journal.
public enum RecoveryError: Error, CustomStringConvertible {
    case journal(JournalError)

    public var description: String {
        switch self {
        case .journal(let error): "\(error)"
        }
    }
}

