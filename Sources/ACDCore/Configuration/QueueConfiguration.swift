/// One queue: which agents serve it, how it routes, and the limits it enforces.
public struct QueueConfiguration: Equatable, Sendable, Codable {
    public var id: QueueID
    /// Skills an agent needs, all of them, to serve this queue. A queue that requires no skill is
    /// served by the agents that name it in their tiers.
    public var requiredSkills: [SkillRequirement]
    public var strategy: RoutingStrategy
    /// Tier N is offered a call once it has waited `tierWait` x (N - 1) in this queue.
    public var tierWait: Duration
    /// What happens at max wait, in order of `after`. Empty: calls wait until answered or abandoned.
    public var overflow: [OverflowStep]
    /// A waiting call leaves with outcome `leftNoAgents` once no agent has been logged in to the
    /// queue for this long. Nil: it does not.
    public var maxWaitWithNoAgent: Duration?
    /// At most this many calls wait; more are refused with outcome `rejectedFull`. Nil: no limit.
    public var maxLength: Int?
    /// Whether a call may join while no agent is logged in to the queue; if not, it leaves at once
    /// with outcome `leftNoAgents`.
    public var joinWhenEmpty: Bool
    /// How long an offer rings before it counts as missed.
    public var offerTimeout: Duration
    /// After this many consecutive missed offers the agent is made not ready (reason `no-answer`)
    /// and supervisors are told. 0: never.
    public var maxNoAnswer: Int
    /// After an agent rejects or misses an offer, it is offered nothing for this long.
    public var rejectDelay: Duration
    /// After-call work before the agent is ready again (an agent's own setting wins).
    public var wrapUp: Duration
    /// The maximum call time. Nil: none.
    public var maxCallDuration: CallDurationLimit?
    /// The service-level threshold: a call answered within it counts as answered in time.
    public var serviceLevelThreshold: Duration
    /// For agents serving several queues: a head call's age is multiplied by this weight when the
    /// queues compete at equal priority.
    public var weight: Int
    /// The handle time (talk plus wrap-up) assumed for wait estimates until calls have been
    /// measured.
    public var expectedHandleTime: Duration
    /// The call types and motives agents classify this queue's calls with, and whether they must.
    public var classification: ClassificationCatalogue
    /// Business hours: when the queue takes calls, and what a call gets when it is closed. Nil:
    /// always open.
    public var hours: BusinessHours?
    /// Where an escalated call of this queue goes (e.g. a supervisors' queue). Nil: the call waits
    /// again in this queue with the tier above its agent's open.
    public var escalationQueue: QueueID?
    /// How the queue's callbacks and outbound calls are dialed.
    public var dialing: DialPolicy

    public init(
        id: QueueID,
        requiredSkills: [SkillRequirement] = [],
        strategy: RoutingStrategy = .longestIdle,
        tierWait: Duration = .seconds(30),
        overflow: [OverflowStep] = [],
        maxWaitWithNoAgent: Duration? = nil,
        maxLength: Int? = nil,
        joinWhenEmpty: Bool = true,
        offerTimeout: Duration = .seconds(20),
        maxNoAnswer: Int = 3,
        rejectDelay: Duration = .seconds(10),
        wrapUp: Duration = .seconds(30),
        maxCallDuration: CallDurationLimit? = nil,
        serviceLevelThreshold: Duration = .seconds(20),
        weight: Int = 1,
        expectedHandleTime: Duration = .seconds(180),
        classification: ClassificationCatalogue = ClassificationCatalogue(),
        hours: BusinessHours? = nil,
        escalationQueue: QueueID? = nil,
        dialing: DialPolicy = DialPolicy()
    ) {
        self.id = id
        self.requiredSkills = requiredSkills
        self.strategy = strategy
        self.tierWait = tierWait
        self.overflow = overflow
        self.maxWaitWithNoAgent = maxWaitWithNoAgent
        self.maxLength = maxLength
        self.joinWhenEmpty = joinWhenEmpty
        self.offerTimeout = offerTimeout
        self.maxNoAnswer = maxNoAnswer
        self.rejectDelay = rejectDelay
        self.wrapUp = wrapUp
        self.maxCallDuration = maxCallDuration
        self.serviceLevelThreshold = serviceLevelThreshold
        self.weight = weight
        self.expectedHandleTime = expectedHandleTime
        self.classification = classification
        self.hours = hours
        self.escalationQueue = escalationQueue
        self.dialing = dialing
    }

    /// A queue written before classification catalogues has the default catalogue (and no
    /// escalation queue, and the default dial policy).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(QueueID.self, forKey: .id)
        requiredSkills = try container.decode([SkillRequirement].self, forKey: .requiredSkills)
        strategy = try container.decode(RoutingStrategy.self, forKey: .strategy)
        tierWait = try container.decode(Duration.self, forKey: .tierWait)
        overflow = try container.decode([OverflowStep].self, forKey: .overflow)
        maxWaitWithNoAgent = try container.decodeIfPresent(Duration.self, forKey: .maxWaitWithNoAgent)
        maxLength = try container.decodeIfPresent(Int.self, forKey: .maxLength)
        joinWhenEmpty = try container.decode(Bool.self, forKey: .joinWhenEmpty)
        offerTimeout = try container.decode(Duration.self, forKey: .offerTimeout)
        maxNoAnswer = try container.decode(Int.self, forKey: .maxNoAnswer)
        rejectDelay = try container.decode(Duration.self, forKey: .rejectDelay)
        wrapUp = try container.decode(Duration.self, forKey: .wrapUp)
        maxCallDuration = try container.decodeIfPresent(CallDurationLimit.self, forKey: .maxCallDuration)
        serviceLevelThreshold = try container.decode(Duration.self, forKey: .serviceLevelThreshold)
        weight = try container.decode(Int.self, forKey: .weight)
        expectedHandleTime = try container.decode(Duration.self, forKey: .expectedHandleTime)
        classification = try container.decodeIfPresent(ClassificationCatalogue.self, forKey: .classification) ?? ClassificationCatalogue()
        hours = try container.decodeIfPresent(BusinessHours.self, forKey: .hours)
        escalationQueue = try container.decodeIfPresent(QueueID.self, forKey: .escalationQueue)
        dialing = try container.decodeIfPresent(DialPolicy.self, forKey: .dialing) ?? DialPolicy()
    }
}
