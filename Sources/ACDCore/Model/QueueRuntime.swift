/// A queue's configuration with its live indexes and figures.
struct QueueRuntime: Sendable, Codable {
    let configuration: QueueConfiguration
    /// Copies of the configuration's routing fields, read on every decision.
    let strategy: RoutingStrategy
    let tierWaitMilliseconds: Int64
    let offerTimeoutMilliseconds: Int64
    let rejectDelayMilliseconds: Int64
    let wrapUpMilliseconds: Int64
    /// The overflow steps in order of `after`, their queue references resolved.
    let overflowSteps: [ResolvedOverflowStep]
    /// The highest tier of any agent serving the queue (at least 1).
    let tierCount: Int
    /// Per tier: the waiting calls that tier may take (its calls with `openTier` >= tier).
    var waiting: [OrderedIndex<WaitingCallKey>]
    /// Per tier: the routable agents of that tier, by the strategy's key.
    var ready: [OrderedIndex<ReadyAgentKey>]
    /// Per tier: agents logged in, and of those, not ready.
    var loggedInByTier: [Int]
    var notReadyByTier: [Int]
    var loggedIn: Int { loggedInByTier.reduce(0, +) }
    /// Since when no agent has been logged in; nil while some are.
    var noAgentSince: Instant?
    /// Sum of the capacity shares of the staffed agents serving the queue.
    var staffedCapacity: Double = 0
    /// Moving average of handle time (talk plus wrap-up), in milliseconds.
    var averageHandleMilliseconds: Double
    /// Today's figures.
    var figures = QueueFigures()
    /// Open or closed, as the shell last said (`setOpen`); nil: open (no business hours, or not
    /// told yet).
    var opening: OpeningState?
    /// Callbacks kept out of line while the queue is closed, put back in line when it opens.
    var parked: [Int32] {
        get { parkedCallbacks ?? [] }
        set { parkedCallbacks = newValue.isEmpty ? nil : newValue }
    }
    /// The storage of `parked`: nil when none (and in snapshots written before callbacks).
    var parkedCallbacks: [Int32]? = nil

    /// The inbound calls (callbacks included) waiting in the queue: tier 1 may take every one of
    /// them, and they rank before the outbound band.
    var waitingCount: Int {
        waiting[0].rank(of: WaitingCallKey(priority: -1, enteredSystem: .min, sequence: 0, call: -1))
    }

    /// The routable agents in the queue's ready indexes, every tier.
    var readyCount: Int { ready.reduce(0) { $0 + $1.count } }

    /// The outbound calls waiting in the queue's line.
    var outboundWaiting: Int { waiting[0].count - waitingCount }
}

/// An overflow step as configured, with its queues resolved to engine numbers.
struct ResolvedOverflowStep: Sendable, Codable {
    let after: Duration
    let configured: OverflowAction
    let action: ResolvedOverflowAction
}

/// An overflow action with its queues resolved to engine numbers.
enum ResolvedOverflowAction: Sendable, Codable {
    case moveTo(Int32)
    case widen([Int32])
    case leave
    case divert(String)
}
