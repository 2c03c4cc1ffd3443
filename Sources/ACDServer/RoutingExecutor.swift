import ACDCore
import ACDProtocol
import Logging
import NIOCore

/// The one place that owns the routing engine, confined to one event loop that also serves every
/// connection. Sessions hand it decoded requests in the same turn of the loop that read them; it
/// applies them in order at the current time, replies, publishes the effects to the sessions
/// concerned, and keeps one timer armed for the engine's next deadline.
final class RoutingExecutor {
    var engine: RoutingEngine
    let settings: ServerSettings
    let logger: Logger
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
    var isShuttingDown = false
    /// Open connections, with or without a session; shutdown waits for them to close.
    private var connections = 0
    private var allClosed: EventLoopPromise<Void>?
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

    init(settings: ServerSettings, serverName: String, logger: Logger, eventLoop: any EventLoop) throws {
        self.settings = settings
        self.serverName = serverName
        self.logger = logger
        self.eventLoop = eventLoop
        flusher = OutputFlusher(eventLoop: eventLoop)
        engine = try RoutingEngine(configuration: settings.center, start: WallClock.now(), seed: UInt64(WallClock.now().millisecondsSinceEpoch))
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
            _ = output.send(WireEvent(.shutdown))
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
        link.output.finish()
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

    /// Tells every client the server is stopping and ends their sessions; the future completes
    /// once every connection closed.
    func shutdown() -> EventLoopFuture<Void> {
        isShuttingDown = true
        deadlineTimer?.cancel()
        positionTimer?.cancel()
        for timer in graceTimers.values { timer.cancel() }
        for number in sessions.keys.sorted() {
            send(WireEvent(.shutdown), to: number)
            close(session: number, reason: "server stopping")
        }
        guard connections > 0 else { return eventLoop.makeSucceededVoidFuture() }
        let promise = eventLoop.makePromise(of: Void.self)
        allClosed = promise
        return promise.futureResult
    }

    /// Sends a reply to a session; a session whose output is full is disconnected as too slow.
    func send(_ reply: WireReply, to number: UInt64) {
        guard let link = sessions[number] else { return }
        if !link.output.send(reply) { tooSlow(link) }
    }

    /// Sends an event to a session; a session whose output is full is disconnected as too slow.
    func send(_ event: WireEvent, to number: UInt64) {
        guard let link = sessions[number] else { return }
        if !link.output.send(event) { tooSlow(link) }
    }

    private func tooSlow(_ link: SessionLink) {
        logger.warning("client too slow: disconnected", metadata: [
            "session": "\(link.number)", "peer": "\(link.peer)", "queued": "\(settings.limits.maxOutputQueue)",
        ])
        link.output.closeNow()
        close(session: link.number, reason: "output queue full")
    }

    // MARK: Time

    /// Moves the engine to the wall clock's now and publishes what time passing did.
    func catchUp() {
        let effects = engine.advance(to: WallClock.now())
        publish(effects)
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

    private func schedulePositionUpdate(in interval: Duration) {
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

    // MARK: Adapter grace

    private func startGrace(for identity: String) {
        graceTimers[identity]?.cancel()
        graceTimers[identity] = eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(settings.limits.adapterGrace)) {
            self.graceEnded(for: identity)
        }
    }

    /// The adapter did not come back: its calls that still wait or ring count as abandoned.
    private func graceEnded(for identity: String) {
        graceTimers[identity] = nil
        guard adapterSessions[identity]?.isEmpty ?? true else { return }
        catchUp()
        let orphans = callOwners.filter { $0.value == identity }.map(\.key).sorted()
        for call in orphans {
            switch engine.callStatus(call)?.state {
            case .waiting?, .offered?:
                logger.warning("adapter gone past its grace period: call abandoned", metadata: ["call.id": "\(call)", "adapter": "\(identity)"])
                if let effects = try? engine.handle(.abandon(call: call)) {
                    publish(effects)
                }
            case .connected?, nil:
                break
            }
        }
        rearm()
    }
}
