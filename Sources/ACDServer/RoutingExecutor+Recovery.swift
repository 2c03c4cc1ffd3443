import ACDCore
public import ACDJournal
import Logging
import NIOCore

/// Recovery: the executor's state rebuilt from the journal before the socket listens.
extension RoutingExecutor {
    /// Rebuilds the state from the journal (the latest snapshot, then every entry after it through
    /// the same engine code), or starts it; called once, before the socket listens.
    func recover() throws(RecoveryError) {
        guard let journal else { return }
        let started = WallClock.now()
        let contents: JournalContents
        do {
            contents = try journal.contents()
        } catch {
            throw .journal(error)
        }
        for sequence in contents.unreadable {
            logger.warning("journal entry unreadable (torn or corrupted write): skipped", metadata: ["sequence": "\(sequence)", "journal": "\(journal.path)"])
        }
        guard let snapshot = contents.snapshot else {
            try startFresh(journal, reason: "new journal")
            return
        }
        // Replay through the executor itself, quietly, so its own tables (owners, agents on calls,
        // recent endings) are rebuilt the way they were built.
        let fresh = engine
        let loud = logger.logLevel
        logger.logLevel = .warning
        engine = snapshot.engine
        center = snapshot.configuration
        callOwners = snapshot.callOwners
        for entry in contents.entries {
            publish(engine.advance(to: entry.at))
            do {
                let effects = try engine.handle(entry.command)
                if let owner = entry.owner, let call = entry.command.call, engine.callStatus(call) != nil {
                    callOwners[call] = owner
                }
                publish(effects)
            } catch {
                logger.warning("journal entry refused on replay: skipped", metadata: ["sequence": "\(entry.sequence)", "error": "\(error.message)"])
            }
        }
        logger.logLevel = loud
        nextSequence = (contents.entries.last?.sequence ?? snapshot.through) + 1
        if snapshot.configuration != settings.center {
            let live = engine.liveCallIDs.count
            let loggedIn = engine.summary.loggedInAgents
            if live == 0 && loggedIn == 0 || settings.journal?.discardStateOnChange == true {
                if live > 0 || loggedIn > 0 {
                    logger.warning("configuration changed: --discard-state given, starting from an empty state", metadata: [
                        "dropped_calls": "\(live)", "dropped_agents": "\(loggedIn)",
                    ])
                }
                engine = fresh
                center = settings.center
                callOwners = [:]
                callAgents = [:]
                recentlyFinished = [:]
                recentlyFinishedOrder = []
                recentlyFinishedStart = 0
                try startFresh(journal, reason: "configuration changed")
                return
            }
            // Calls and agents are live under the recorded configuration: they keep being served
            // under it rather than dropped; the new file applies at a start with nothing live.
            logger.warning("configuration changed while calls or agents were live: running with the configuration they were recorded under", metadata: [
                "live_calls": "\(live)", "logged_in": "\(loggedIn)",
            ])
        }
        logger.logLevel = .warning
        publish(engine.advance(to: WallClock.now()))
        logger.logLevel = loud
        durableThrough = nextSequence - 1
        entriesSinceSnapshot = contents.entries.count
        for identity in Set(callOwners.values).sorted() {
            startGrace(for: identity)
        }
        rearm()
        let elapsed = WallClock.now().millisecondsSinceEpoch - started.millisecondsSinceEpoch
        logger.info("state recovered from the journal", metadata: [
            "journal": "\(journal.path)", "replayed": "\(contents.entries.count)", "calls": "\(engine.liveCallIDs.count)",
            "ms": "\(elapsed)",
        ])
    }

    private func startFresh(_ journal: Journal, reason: String) throws(RecoveryError) {
        do {
            try journal.writeNow(JournalSnapshot(through: nextSequence - 1, configuration: center, engine: engine, callOwners: [:]))
        } catch {
            throw .journal(error)
        }
        durableThrough = nextSequence - 1
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

