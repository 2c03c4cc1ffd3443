/// Why a call is where it is: to whom it went and by which rule, or why it still waits and what
/// would change that.
public struct CallExplanation: Equatable, Sendable {
    public var call: CallStatus
    public var at: Instant
    /// Time since the call entered the system.
    public var waited: Duration
    /// Waiting calls only: place in the home queue's line (1 = next) and the estimated wait.
    public var position: Int?
    public var estimatedWait: Duration?
    /// The staffing of each of the call's queues, tier by tier.
    public var queues: [QueueStaffing]
    /// Waiting calls only: the next max-wait step of the home queue.
    public var nextOverflow: (at: Instant, action: OverflowAction)?

    /// One queue's agents as the call sees them.
    public struct QueueStaffing: Equatable, Sendable {
        public var queue: QueueID
        public var strategy: RoutingStrategy
        public var tiers: [TierStaffing]
    }

    /// One tier's agents: logged in, of which not ready, ready to take a call now, and occupied
    /// (ringing, on a call, in wrap-up or resting after a declined offer).
    public struct TierStaffing: Equatable, Sendable {
        public var tier: Int
        public var isOpen: Bool
        /// When it opens for this call, if it is not open yet.
        public var opensAt: Instant?
        public var loggedIn: Int
        public var notReady: Int
        public var ready: Int
        public var occupied: Int { loggedIn - notReady - ready }
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.call == rhs.call && lhs.at == rhs.at && lhs.waited == rhs.waited && lhs.position == rhs.position
            && lhs.estimatedWait == rhs.estimatedWait && lhs.queues == rhs.queues
            && lhs.nextOverflow?.at == rhs.nextOverflow?.at && lhs.nextOverflow?.action == rhs.nextOverflow?.action
    }

    /// The call's standing against its segment's target, in words.
    private var serviceLevelLine: String? {
        guard let level = call.serviceLevel else { return nil }
        let escalation = level.escalated ? "escalated at \(level.escalatesAt)" : "escalates at \(level.escalatesAt)"
        let target = level.breached ? "target passed at \(level.targetAt) (breached)" : "target at \(level.targetAt)"
        let maxWait = level.maxWaitAt.map { ", max wait at \($0)" } ?? ""
        return "segment \(level.segment): \(escalation), \(target)\(maxWait)"
    }

    /// What kind of dialed call it is, in words.
    private var dialLine: String? {
        guard let dial = call.dial else { return nil }
        switch dial.kind {
        case .callback:
            return "a callback to \(dial.number): the caller left the line and keeps their place"
        case .outbound:
            return "an outbound call to \(dial.number): offered after every inbound call, while the queue's outbound reserve of ready agents stays free"
        }
    }

    /// The explanation in sentences, most important first.
    public var lines: [String] {
        var lines: [String] = []
        let seconds = waited.milliseconds / 1000
        switch call.state {
        case .connected(let agent):
            lines.append("connected to \(agent) after waiting \(seconds)s")
            if let decision = call.decision { lines.append("why: \(decision.rule)") }
            return lines
        case .offered(let agents):
            lines.append("ringing for \(agents.map(\.rawValue).joined(separator: ", ")) after waiting \(seconds)s")
            if let dialLine { lines.append(dialLine) }
            if let decision = call.decision { lines.append("why: \(decision.rule)") }
            if let serviceLevelLine { lines.append(serviceLevelLine) }
            return lines
        case .dialing(let agent):
            lines.append("being dialed by \(agent) (attempt \(call.failedDialAttempts + 1)) after waiting \(seconds)s")
            if let dialLine { lines.append(dialLine) }
            return lines
        case .scheduled(let until):
            if let until {
                lines.append("out of line until \(until) after \(call.failedDialAttempts) attempt(s) without an answer, or at the time asked for")
            } else {
                lines.append("kept out of line until queue \(call.queues.first?.queue.rawValue ?? "?") opens")
            }
            if let dialLine { lines.append(dialLine) }
            return lines
        case .waiting:
            break
        }
        var waiting = "waiting \(seconds)s at priority \(call.priority)"
        if let position, let home = call.queues.first {
            waiting += ", position \(position) in queue \(home.queue)"
        }
        if let estimatedWait {
            waiting += ", estimated wait \(estimatedWait.milliseconds / 1000)s"
        } else {
            waiting += ", no wait estimate (no staffed agent)"
        }
        lines.append(waiting)
        if let dialLine { lines.append(dialLine) }
        if let serviceLevelLine { lines.append(serviceLevelLine) }
        for queue in queues {
            for tier in queue.tiers {
                let openness = tier.isOpen ? "open" : "opens at \(tier.opensAt.map(\.description) ?? "never")"
                lines.append(
                    "queue \(queue.queue) tier \(tier.tier) (\(openness)): \(tier.loggedIn) logged in, \(tier.ready) ready, "
                        + "\(tier.notReady) not ready, \(tier.occupied) occupied"
                )
            }
        }
        let open = queues.flatMap { $0.tiers.filter(\.isOpen) }
        if open.allSatisfy({ $0.loggedIn == 0 }) {
            lines.append("why it waits: no agent of an open tier is logged in")
        } else if open.allSatisfy({ $0.ready == 0 }) {
            lines.append("why it waits: every logged-in agent of the open tiers is occupied or not ready")
        } else {
            lines.append("why it waits: calls ahead of it take the ready agents first")
        }
        if let position, position > 1 {
            lines.append("would change it: \(position - 1) call(s) ahead being answered or leaving")
        }
        lines.append("would change it: an agent of an open tier becoming ready")
        for queue in queues {
            if let next = queue.tiers.first(where: { !$0.isOpen }), let at = next.opensAt {
                lines.append("would change it: tier \(next.tier) of queue \(queue.queue) opening at \(at) (\(next.loggedIn) logged in)")
            }
        }
        if let nextOverflow {
            lines.append("would change it: max wait at \(nextOverflow.at): \(nextOverflow.action)")
        }
        return lines
    }
}

extension RoutingEngine {
    /// Why the live call `id` went where it went, or why it still waits. Nil for an unknown call.
    public func explain(_ id: CallID) -> CallExplanation? {
        guard let status = callStatus(id), let number = callNumbers[id] else {
            return nil
        }
        let record = calls[Int(number)]
        let place = position(of: id)
        var nextOverflow: (at: Instant, action: OverflowAction)?
        let steps = queues[Int(record.home)].overflowSteps
        if case .waiting = record.phase, record.nextOverflowStep < steps.count {
            let step = steps[record.nextOverflowStep]
            nextOverflow = (record.placements[0].enteredQueue + step.after, step.configured)
        }
        let staffing = record.placements.map { placement in
            let queue = queues[Int(placement.queue)]
            return CallExplanation.QueueStaffing(
                queue: queue.configuration.id, strategy: queue.configuration.strategy,
                tiers: (1...queue.tierCount).map { tier in
                    CallExplanation.TierStaffing(
                        tier: tier, isOpen: tier <= placement.openTier,
                        opensAt: tier <= placement.openTier ? nil : tierOpening(placement.queue, after: tier - 1, from: placement.enteredQueue),
                        loggedIn: queue.loggedInByTier[tier - 1], notReady: queue.notReadyByTier[tier - 1],
                        ready: queue.ready[tier - 1].count
                    )
                }
            )
        }
        return CallExplanation(
            call: status, at: now, waited: now - record.enteredSystem, position: place?.position,
            estimatedWait: place?.estimatedWait, queues: staffing, nextOverflow: nextOverflow
        )
    }
}
