import ACDCore
import ACDJournal
import ACDRecords
import ACDSystemd
import ACDProtocol
import Logging
import NIOCore

/// The one place that owns the routing engine, confined to one event loop that also serves every
/// connection. Sessions hand it decoded requests in the same turn of the loop that read them; it
/// applies them in order at the current time, replies, publishes the effects to the sessions
/// concerned, and keeps one timer armed for the engine's next deadline.
final class RoutingExecutor {
    var engine: RoutingEngine
    /// The configuration the engine runs: the file's, or the one the journal's live state was
    /// recorded under when the file changed while calls were live.
    var center: CenterConfiguration
    /// The settings in force: the start's, then each reload's (the journal's stay the start's).
    var settings: ServerSettings
    var logger: Logger
    let serverName: String
    let eventLoop: any EventLoop
    private let flusher: OutputFlusher
    var sessions: [UInt64: SessionLink] = [:]
    var nextSession: UInt64 = 0
    /// The adapter identity that owns each live call.
    var callOwners: [CallID: String] = [:]
    /// Sessions per agent and per adapter identity, for publishing.
    var agentSessions: [AgentID: Set<UInt64>] = [:]
    var adapterSessions: [String: Set<UInt64>] = [:]
    /// Supervisor sessions that subscribed to something.
    var subscribers: Set<UInt64> = []
    /// Grace timers of adapters that went away, by identity.
    var graceTimers: [String: Scheduled<Void>] = [:]
    var deadlineTimer: Scheduled<Void>?
    var armedDeadline: Instant?
    var positionTimer: Scheduled<Void>?
    /// Fires at the next local midnight (see RoutingExecutor+Day).
    var dayTimer: Scheduled<Void>?
    /// Fires at the next opening or closing of a queue (see RoutingExecutor+Hours).
    var hoursTimer: Scheduled<Void>?
    var nextHoursChange: Instant?
    var isShuttingDown = false
    /// Open connections, with or without a session; shutdown waits for them to close.
    var connections = 0
    var allClosed: EventLoopPromise<Void>?
    /// Completed once every journal entry is durable (shutdown waits for it).
    var settled: EventLoopPromise<Void>?
    /// Events for the session whose request is being answered, held until its reply is queued.
    var pendingEvents: [UInt64: [WireEvent]] = [:]
    /// The agent on each connected call, to tell it when the call ends.
    var callAgents: [CallID: AgentID] = [:]
    /// How the most recent calls ended ("ended", "abandoned"...), so that a retried hangup or
    /// abandon is answered as the first one was; at most `recentlyFinishedLimit`, oldest forgotten.
    var recentlyFinished: [CallID: String] = [:]
    var recentlyFinishedOrder: [CallID] = []
    var recentlyFinishedStart = 0
    let recentlyFinishedLimit = 10_000
    // The journal (see RoutingExecutor+Journal).
    let journal: Journal?
    let snapshotEvery: Int
    /// What `JournalOpening` read before the executor started, for `recover()`.
    var openedContents: (contents: Result<JournalContents, JournalError>, readMilliseconds: Int64)?
    var unsubmitted: [JournalEntry] = []
    /// Makes and writes the call records and agent intervals, away from the loop.
    let recorder: CallRecorder?
    /// The engine's steps since the last submission, for the recorder once their entries are durable.
    var unsubmittedSteps: [RecordStep] = []
    /// Steps whose entries are durable, gathered for the recorder (see `handOver`).
    var durableSteps: [RecordStep] = []
    /// A hand-over of `durableSteps` is scheduled within `handOverInterval`.
    var handOverScheduled = false
    /// The recorder is writing what it was given, for `journalSettled`.
    var isFlushingRecords = false
    var nextSequence: Int64 = 1
    var durableThrough: Int64 = 0
    var commitInFlight = false
    var submissionScheduled = false
    /// The last journal write failed; it is retried every second, and new calls are refused.
    var isStorageWaiting = false
    var entriesSinceSnapshot = 0
    var snapshotInFlight = false
    /// Lines waiting for the journal, oldest first.
    var held = CircularBuffer<HeldLine>()

    /// What systemd hears from the executor: watchdog keep-alives and the status line.
    var heartbeat: ServiceHeartbeat?
    var heartbeatTimer: Scheduled<Void>?

    init(settings: ServerSettings, serverName: String, logger: Logger, eventLoop: any EventLoop, heartbeat: ServiceHeartbeat? = nil) throws {
        self.heartbeat = heartbeat
        self.settings = settings
        self.serverName = serverName
        self.logger = logger
        self.eventLoop = eventLoop
        flusher = OutputFlusher(eventLoop: eventLoop)
        // The engine is built before the journal is taken, while a journal being opened on
        // another thread (`JournalOpening`) may still be at work.
        center = settings.center
        engine = try RoutingEngine(configuration: settings.center, start: WallClock.now(), seed: UInt64(WallClock.now().millisecondsSinceEpoch))
        if let settings = settings.journal {
            if let opening = settings.opening, opening.directory == settings.directory {
                let opened = try opening.take()
                journal = opened.journal
                openedContents = (opened.contents, opened.readMilliseconds)
            } else {
                journal = try Journal(directory: settings.directory, durability: settings.durability, history: settings.history)
            }
            snapshotEvery = settings.snapshotEvery
        } else {
            journal = nil
            snapshotEvery = .max
        }
        recorder = journal.map { CallRecorder(keeper: RecordKeeper(configuration: settings.center), journal: $0, logger: logger) }
    }

    // MARK: Connections and sessions

    func connectionOpened() {
        connections += 1
    }

    func connectionClosed() {
        connections -= 1
        if connections == 0, let allClosed {
            self.allClosed = nil
            allClosed.succeed()
        }
    }

    /// The output of a new connection on `channel`.
    func makeOutput(for channel: any Channel) -> SessionOutput {
        SessionOutput(channel: channel, limit: settings.limits.maxOutputQueue, flusher: flusher)
    }

    /// Registers a new connection; its replies and events go to `output`.
    func open(peer: PeerCredentials, output: SessionOutput) -> UInt64 {
        nextSession += 1
        sessions[nextSession] = SessionLink(number: nextSession, peer: peer, output: output)
        logger.debug("connection opened", metadata: ["session": "\(nextSession)", "peer": "\(peer)"])
        if isShuttingDown {
            _ = output.send(output.line(WireEvent(.shutdown)))
            close(session: nextSession, reason: "server stopping")
        } else if positionTimer == nil, let interval = settings.limits.positionInterval, interval > .zero {
            schedulePositionUpdate(in: interval)
        }
        return nextSession
    }

    /// The session ended: its output ends once written, and an adapter's calls start their grace
    /// period if it was the adapter's last connection.
    func close(session number: UInt64, reason: String) {
        guard let link = sessions.removeValue(forKey: number) else { return }
        hold(.finish, session: number, output: link.output)
        pendingEvents[number] = nil
        subscribers.remove(number)
        for agent in link.agents {
            agentSessions[agent]?.remove(number)
        }
        if let identity = link.adapterIdentity {
            adapterSessions[identity]?.remove(number)
            if adapterSessions[identity]?.isEmpty ?? true, !isShuttingDown {
                startGrace(for: identity)
            }
        }
        logger.debug("connection closed", metadata: ["session": "\(number)", "reason": "\(reason)"])
    }

    /// Tells every client the server is stopping and ends their sessions, once everything already
    /// said is durable and sent; the future completes once every connection closed.
    func shutdown() -> EventLoopFuture<Void> {
        isShuttingDown = true
        deadlineTimer?.cancel()
        positionTimer?.cancel()
        heartbeatTimer?.cancel()
        dayTimer?.cancel()
        hoursTimer?.cancel()
        for timer in graceTimers.values { timer.cancel() }
        return journalSettled().assumeIsolated().flatMap {
            for number in self.sessions.keys.sorted() {
                self.send(WireEvent(.shutdown), to: number)
                self.close(session: number, reason: "server stopping")
            }
            guard self.connections > 0 else { return self.eventLoop.makeSucceededVoidFuture() }
            let promise = self.eventLoop.makePromise(of: Void.self)
            self.allClosed = promise
            return promise.futureResult
        }.nonisolated()
    }

    /// Sends a reply to a session once what it follows is durable.
    ///
    /// A refusal changed nothing, so it waits for nothing: it goes out at once, even ahead of this
    /// session's lines still waiting for the journal (replies are matched by id). So
    /// `storage_unavailable` reaches the adapter while the journal cannot be written.
    func send(_ reply: WireReply, to number: UInt64) {
        guard let link = sessions[number] else { return }
        let line = HeldLine.Item.line(link.output.line(reply))
        if reply.ok {
            hold(line, session: number, output: link.output)
        } else {
            carryOut(line, session: number, output: link.output)
        }
    }

    /// Sends an event to a session once what it follows is durable.
    func send(_ event: WireEvent, to number: UInt64) {
        guard let link = sessions[number] else { return }
        hold(.line(link.output.line(event)), session: number, output: link.output)
    }

    /// Carries out `item` once what it follows is durable: at once if nothing waits for the journal.
    private func hold(_ item: HeldLine.Item, session number: UInt64, output: SessionOutput) {
        if mustHold {
            held.append(HeldLine(session: number, output: output, requires: nextSequence - 1, item: item))
        } else {
            carryOut(item, session: number, output: output)
        }
    }

    /// Writes a line (or ends the output) now; a session whose output is full is disconnected as
    /// too slow.
    func carryOut(_ item: HeldLine.Item, session number: UInt64, output: SessionOutput) {
        let accepted = switch item {
        case .line(let line): output.send(line)
        case .finish: { output.finish(); return true }()
        }
        if !accepted {
            logger.warning("client too slow: disconnected", metadata: [
                "session": "\(number)", "peer": "\(sessions[number]?.peer.description ?? "-")", "queued": "\(settings.limits.maxOutputQueue)",
            ])
            output.closeNow()
            close(session: number, reason: "output queue full")
        }
    }

    // MARK: Time

    /// Moves the engine to the wall clock's now, one deadline at a time so that the records get
    /// each step's own instant, and publishes what time passing did.
    func catchUp() {
        var steps: [RecordStep] = []
        let effects = engine.advance(to: WallClock.now()) { instant, fired in
            if !fired.isEmpty { steps.append(RecordStep(instant: instant, command: nil, effects: fired)) }
        }
        keep(steps)
        publish(effects)
        syncHoursIfDue()
    }

    /// Arms the one timer for the engine's next deadline, if it moved.
    func rearm() {
        let next = engine.nextDeadline
        guard next != armedDeadline, !isShuttingDown else { return }
        deadlineTimer?.cancel()
        armedDeadline = next
        guard let next else {
            deadlineTimer = nil
            return
        }
        let delay = max(0, next.millisecondsSinceEpoch - WallClock.now().millisecondsSinceEpoch)
        deadlineTimer = eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(delay)) {
            self.deadlineReached()
        }
    }

    private func deadlineReached() {
        armedDeadline = nil
        catchUp()
        rearm()
    }

    func schedulePositionUpdate(in interval: Duration) {
        positionTimer = eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(interval)) {
            guard !self.isShuttingDown else { return }
            self.sendPositions()
            self.schedulePositionUpdate(in: interval)
        }
    }

    /// Every waiting call's position and estimated wait, to its adapter.
    private func sendPositions() {
        catchUp()
        for call in engine.liveCallIDs {
            guard let place = engine.position(of: call), let queue = engine.callStatus(call)?.queues.first?.queue else { continue }
            var event = WireEvent(.callPosition)
            event.call = call.rawValue
            event.queue = queue.rawValue
            event.position = place.position
            event.ewtMs = place.estimatedWait?.milliseconds
            toAdapter(owning: call, event)
        }
        rearm()
    }

    // MARK: systemd

    /// Beats every `beatInterval` from this loop: if routing hangs, the keep-alives stop and
    /// systemd restarts acdd.
    func startHeartbeat() {
        guard let interval = heartbeat?.beatInterval, !isShuttingDown else { return }
        heartbeatTimer = eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(interval)) {
            self.beat()
            self.startHeartbeat()
        }
    }

    private func beat() {
        guard !isShuttingDown, var heartbeat else { return }
        let now = WallClock.now()
        let summary = engine.summary
        let line = StatusLine(
            waiting: summary.waiting,
            longestWait: summary.oldestWaitingSince.map { now - $0 } ?? .zero,
            readyAgents: summary.readyAgents, loggedInAgents: summary.loggedInAgents,
            answeredInTimeToday: summary.answeredInTime, answeredOrAbandonedToday: summary.answeredOrAbandoned
        )
        do {
            try heartbeat.beat(line)
        } catch {
            logger.error("cannot notify systemd", metadata: ["error": "\(error)"])
        }
        self.heartbeat = heartbeat
    }

    // MARK: Adapter grace

    func startGrace(for identity: String) {
        graceTimers[identity]?.cancel()
        graceTimers[identity] = eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(settings.limits.adapterGrace)) {
            self.graceEnded(for: identity)
        }
    }

    /// The adapter did not come back: its calls that still wait or ring count as abandoned; a dial
    /// attempt in progress counts as not answered (the call is tried again as its queue says);
    /// callbacks and outbound calls still to dial stay.
    private func graceEnded(for identity: String) {
        graceTimers[identity] = nil
        guard adapterSessions[identity]?.isEmpty ?? true else { return }
        catchUp()
        let orphans = callOwners.filter { $0.value == identity }.map(\.key).sorted()
        for call in orphans {
            guard let status = engine.callStatus(call) else { continue }
            if status.dial != nil, case .dialing = status.state {
                logger.warning("adapter gone past its grace period during a dial attempt: not answered", metadata: ["call.id": "\(call)", "adapter": "\(identity)"])
                let command = Command.dialResult(call: call, result: .noAnswer)
                if let effects = try? engine.handle(command) {
                    record(command, owner: nil, effects: effects)
                    publish(effects)
                }
                continue
            }
            switch status.state {
            case .waiting where status.dial == nil, .offered where status.dial == nil:
                logger.warning("adapter gone past its grace period: call abandoned", metadata: ["call.id": "\(call)", "adapter": "\(identity)"])
                if let effects = try? engine.handle(.abandon(call: call)) {
                    record(.abandon(call: call), owner: nil, effects: effects)
                    publish(effects)
                }
            case .waiting, .offered, .connected, .dialing, .scheduled:
                break
            }
        }
        rearm()
    }
}
