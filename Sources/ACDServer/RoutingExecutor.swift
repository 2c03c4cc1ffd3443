import ACDCore
import ACDProtocol
import Logging

/// The one place that owns the routing engine. Sessions hand it decoded requests; it applies them
/// in order at the current time, replies, publishes the effects to the sessions concerned, and
/// keeps one timer armed for the engine's next deadline.
actor RoutingExecutor {
    var engine: RoutingEngine
    let settings: ServerSettings
    let logger: Logger
    let serverName: String
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
    var graceTimers: [String: Task<Void, Never>] = [:]
    var deadlineTimer: Task<Void, Never>?
    var armedDeadline: Instant?
    var positionTimer: Task<Void, Never>?
    var isShuttingDown = false
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

    init(settings: ServerSettings, serverName: String, logger: Logger) throws {
        self.settings = settings
        self.serverName = serverName
        self.logger = logger
        engine = try RoutingEngine(configuration: settings.center, start: WallClock.now(), seed: UInt64(WallClock.now().millisecondsSinceEpoch))
    }

    // MARK: Sessions

    /// Registers a new connection; its replies and events come out of the returned stream.
    func open(peer: PeerCredentials, close: @escaping @Sendable () -> Void) -> (UInt64, AsyncStream<Outbound>) {
        nextSession += 1
        let (stream, continuation) = AsyncStream<Outbound>.makeStream(bufferingPolicy: .bufferingOldest(settings.limits.maxOutputQueue))
        sessions[nextSession] = SessionLink(number: nextSession, peer: peer, outbound: continuation, close: close)
        logger.debug("connection opened", metadata: ["session": "\(nextSession)", "peer": "\(peer)"])
        if positionTimer == nil, let interval = settings.limits.positionInterval, interval > .zero {
            startPositionUpdates(every: interval)
        }
        return (nextSession, stream)
    }

    /// The connection ended: its stream finishes, and an adapter's calls start their grace period
    /// if it was the adapter's last connection.
    func close(session number: UInt64, reason: String) {
        guard let link = sessions.removeValue(forKey: number) else { return }
        link.outbound.finish()
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

    /// Tells every client the server is stopping and ends their streams.
    func shutdown() {
        isShuttingDown = true
        deadlineTimer?.cancel()
        positionTimer?.cancel()
        for timer in graceTimers.values { timer.cancel() }
        for link in sessions.values {
            link.outbound.yield(.event(WireEvent(.shutdown)))
            link.outbound.finish()
        }
    }

    /// Sends `item` to a session; a session whose queue is full is disconnected as too slow.
    func send(_ item: Outbound, to number: UInt64) {
        guard let link = sessions[number] else { return }
        if case .dropped = link.outbound.yield(item) {
            logger.warning("client too slow: disconnected", metadata: [
                "session": "\(number)", "peer": "\(link.peer)", "queued": "\(settings.limits.maxOutputQueue)",
            ])
            link.close()
            close(session: number, reason: "output queue full")
        }
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
        deadlineTimer = Task { [weak self] in
            do {
                try await Task.sleep(for: .milliseconds(delay))
            } catch {
                return
            }
            await self?.deadlineReached()
        }
    }

    private func deadlineReached() {
        armedDeadline = nil
        catchUp()
        rearm()
    }

    private func startPositionUpdates(every interval: Duration) {
        positionTimer = Task { [weak self] in
            while !Task.isCancelled {
                do {
                    try await Task.sleep(for: interval)
                } catch {
                    return
                }
                await self?.sendPositions()
            }
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
        let grace = settings.limits.adapterGrace
        graceTimers[identity] = Task { [weak self] in
            do {
                try await Task.sleep(for: grace)
            } catch {
                return
            }
            await self?.graceEnded(for: identity)
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
