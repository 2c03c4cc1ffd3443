/// A request, checked: its type is known and the fields it needs are present.
public enum Request: Sendable, Equatable {
    case hello(protocolVersion: Int, role: Role, agent: String?, client: String?)
    case callEnqueue(CallEnqueue)
    case callAnswered(call: String, agent: String)
    case callNoAnswer(call: String, agent: String)
    case callHangup(call: String, by: HangupParty)
    case callAbandon(call: String)
    case callTransfer(call: String, queue: String)
    /// The satisfaction survey's score (1-5) for an ended call.
    case callSurvey(call: String, score: Int)
    /// The caller leaves the line to be called back at `number`, not before `notBeforeMs`.
    case callCallback(call: String, number: String, notBeforeMs: Int64?)
    /// Outbound work pushed by an adapter.
    case callOutbound(OutboundRequest)
    /// How the agent's dial attempt of a callback or outbound call went.
    case callDialResult(call: String, result: DialOutcome)
    case calls
    /// Agent requests name the agent when the client speaks for several (a gateway); otherwise
    /// the agent of the hello is meant.
    case agentLogin(agent: String?, reason: String?)
    case agentReady(agent: String?)
    case agentNotReady(agent: String?, reason: String)
    case agentAccept(agent: String?, call: String)
    case agentReject(agent: String?, call: String)
    case agentWrapUpDone(agent: String?, classification: WrapUpClassification? = nil)
    case agentLogout(agent: String?)
    case agentStatus(agent: String?)
    /// The agent asks `toAgent` to take over its call `call` (consult transfer).
    case agentTransfer(agent: String?, call: String, toAgent: String)
    /// The agent asked to take over `call` consents.
    case agentConsultAccept(agent: String?, call: String)
    /// The agent asked to take over `call` refuses.
    case agentConsultDecline(agent: String?, call: String)
    /// Escalates a connected call: from an agent client, the agent on it (`agent` as for other
    /// agent requests); from a supervisor, `agent` is absent.
    case callEscalate(call: String, agent: String?)
    case status
    case subscribe(topics: Set<SubscriptionTopic>)
    case explain(call: String)
    case agentForceState(agent: String, state: ForcedState, reason: String?)
    case callReprioritize(call: String, priority: Int)
    case callMove(call: String, queue: String)
    /// A supervisor's message to an agent, delivered as a `notice` event.
    case agentMessage(agent: String, message: String)
    case stats

    /// The type it was sent as.
    public var type: RequestType {
        switch self {
        case .hello: .hello
        case .callEnqueue: .callEnqueue
        case .callAnswered: .callAnswered
        case .callNoAnswer: .callNoAnswer
        case .callHangup: .callHangup
        case .callAbandon: .callAbandon
        case .callTransfer: .callTransfer
        case .callSurvey: .callSurvey
        case .callCallback: .callCallback
        case .callOutbound: .callOutbound
        case .callDialResult: .callDialResult
        case .calls: .calls
        case .agentLogin: .agentLogin
        case .agentReady: .agentReady
        case .agentNotReady: .agentNotReady
        case .agentAccept: .agentAccept
        case .agentReject: .agentReject
        case .agentWrapUpDone: .agentWrapUpDone
        case .agentLogout: .agentLogout
        case .agentStatus: .agentStatus
        case .agentTransfer: .agentTransfer
        case .agentConsultAccept: .agentConsultAccept
        case .agentConsultDecline: .agentConsultDecline
        case .callEscalate: .callEscalate
        case .status: .status
        case .subscribe: .subscribe
        case .explain: .explain
        case .agentForceState: .agentForceState
        case .callReprioritize: .callReprioritize
        case .callMove: .callMove
        case .agentMessage: .agentMessage
        case .stats: .stats
        }
    }
}

/// A call arriving from the telephony.
public struct CallEnqueue: Sendable, Equatable {
    public var call: String
    /// The queue; when absent, the configured routing rules choose it from the attributes.
    public var queue: String?
    /// 0-9; when absent, the routing rule's priority or 0.
    public var priority: Int?
    public var segment: String?
    public var attributes: [String: String]
    /// When the call entered the system (e.g. the IVR), in milliseconds since the Unix epoch.
    public var enteredMs: Int64?
    /// The number to call back if a closed queue takes the call as a callback.
    public var callbackNumber: String?

    public init(call: String, queue: String? = nil, priority: Int? = nil, segment: String? = nil,
                attributes: [String: String] = [:], enteredMs: Int64? = nil, callbackNumber: String? = nil) {
        self.call = call
        self.queue = queue
        self.priority = priority
        self.segment = segment
        self.attributes = attributes
        self.enteredMs = enteredMs
        self.callbackNumber = callbackNumber
    }
}

/// Outbound work from an adapter: a number for an agent of `queue` to call.
public struct OutboundRequest: Sendable, Equatable {
    public var call: String
    public var queue: String
    public var number: String
    /// 0-9 among the queue's outbound calls; 0 when absent.
    public var priority: Int
    public var attributes: [String: String]
    /// Not dialed before then (milliseconds since the Unix epoch).
    public var notBeforeMs: Int64?

    public init(call: String, queue: String, number: String, priority: Int = 0, attributes: [String: String] = [:], notBeforeMs: Int64? = nil) {
        self.call = call
        self.queue = queue
        self.number = number
        self.priority = priority
        self.attributes = attributes
        self.notBeforeMs = notBeforeMs
    }
}

/// How a dial attempt went, as an adapter reports it.
public enum DialOutcome: Sendable, Equatable {
    case reached
    case noAnswer
    /// The customer asked to be called at this instant (milliseconds since the Unix epoch).
    case retry(atMs: Int64)
    case failed

    /// The `result` field of `call.dial_result`.
    public var name: String {
        switch self {
        case .reached: "reached"
        case .noAnswer: "no_answer"
        case .retry: "retry"
        case .failed: "failed"
        }
    }

    /// The `retry_at_ms` field: with `retry` only.
    public var retryAtMs: Int64? {
        if case .retry(let atMs) = self { atMs } else { nil }
    }
}

/// How the agent classified the call it wraps up: a call type, and the motive and sub-motive its
/// queue's catalogue asks for; free notes.
public struct WrapUpClassification: Sendable, Equatable {
    public var callType: String
    public var motive: String?
    public var subMotive: String?
    public var notes: String?

    public init(callType: String, motive: String? = nil, subMotive: String? = nil, notes: String? = nil) {
        self.callType = callType
        self.motive = motive
        self.subMotive = subMotive
        self.notes = notes
    }
}

/// Who hung up a connected call.
public enum HangupParty: String, Codable, Sendable {
    case caller
    case agent
}

/// What a supervisor may subscribe to.
public enum SubscriptionTopic: String, Codable, Sendable, CaseIterable {
    case queues
    case agents
    case calls
    case all
}

/// The states a supervisor may force an agent into.
public enum ForcedState: String, Codable, Sendable {
    case ready
    case notReady = "not_ready"
    case loggedOut = "logged_out"
}

extension Request {
    /// Checks a wire request: a known type, and the fields that type needs, of the right kind.
    public init(_ wire: WireRequest) throws(ProtocolError) {
        guard let typeName = wire.type else { throw ProtocolError(.invalidField, "missing field 'type'") }
        guard let type = RequestType(rawValue: typeName) else {
            throw ProtocolError(.unknownType, "no request type '\(typeName)'")
        }
        func required<T>(_ value: T?, _ name: String) throws(ProtocolError) -> T {
            guard let value else { throw ProtocolError(.invalidField, "'\(type.rawValue)' needs field '\(name)'") }
            return value
        }
        func nonEmpty(_ value: String?, _ name: String) throws(ProtocolError) -> String {
            let value = try required(value, name)
            guard !value.isEmpty else { throw ProtocolError(.invalidField, "field '\(name)' is empty") }
            return value
        }
        switch type {
        case .hello:
            let role = try required(wire.role, "role")
            if role == .agent, wire.agent == nil {
                throw ProtocolError(.invalidField, "an agent's hello needs field 'agent' (its agent id)")
            }
            self = .hello(protocolVersion: try required(wire.protocol, "protocol"), role: role, agent: wire.agent, client: wire.client)
        case .callEnqueue:
            if let priority = wire.priority, !(0...9).contains(priority) {
                throw ProtocolError(.invalidPriority, "priority \(priority) is outside 0-9")
            }
            self = .callEnqueue(CallEnqueue(
                call: try nonEmpty(wire.call, "call"), queue: wire.queue, priority: wire.priority,
                segment: wire.segment, attributes: wire.attributes ?? [:], enteredMs: wire.enteredMs,
                callbackNumber: wire.callbackNumber
            ))
        case .callAnswered:
            self = .callAnswered(call: try nonEmpty(wire.call, "call"), agent: try nonEmpty(wire.agent, "agent"))
        case .callNoAnswer:
            self = .callNoAnswer(call: try nonEmpty(wire.call, "call"), agent: try nonEmpty(wire.agent, "agent"))
        case .callHangup:
            let by = try required(wire.by, "by")
            guard let party = HangupParty(rawValue: by) else {
                throw ProtocolError(.invalidField, "field 'by' must be 'caller' or 'agent', not '\(by)'")
            }
            self = .callHangup(call: try nonEmpty(wire.call, "call"), by: party)
        case .callAbandon:
            self = .callAbandon(call: try nonEmpty(wire.call, "call"))
        case .callTransfer:
            self = .callTransfer(call: try nonEmpty(wire.call, "call"), queue: try nonEmpty(wire.queue, "queue"))
        case .callSurvey:
            let score = try required(wire.score, "score")
            guard (1...5).contains(score) else { throw ProtocolError(.invalidScore, "score \(score) is outside 1-5") }
            self = .callSurvey(call: try nonEmpty(wire.call, "call"), score: score)
        case .callCallback:
            self = .callCallback(call: try nonEmpty(wire.call, "call"), number: try nonEmpty(wire.number, "number"), notBeforeMs: wire.notBeforeMs)
        case .callOutbound:
            let priority = wire.priority ?? 0
            guard (0...9).contains(priority) else { throw ProtocolError(.invalidPriority, "priority \(priority) is outside 0-9") }
            self = .callOutbound(OutboundRequest(
                call: try nonEmpty(wire.call, "call"), queue: try nonEmpty(wire.queue, "queue"),
                number: try nonEmpty(wire.number, "number"), priority: priority, attributes: wire.attributes ?? [:],
                notBeforeMs: wire.notBeforeMs
            ))
        case .callDialResult:
            let name = try required(wire.result, "result")
            let outcome: DialOutcome
            switch name {
            case "reached": outcome = .reached
            case "no_answer": outcome = .noAnswer
            case "failed": outcome = .failed
            case "retry": outcome = .retry(atMs: try required(wire.retryAtMs, "retry_at_ms"))
            default:
                throw ProtocolError(.invalidField, "field 'result' must be reached, no_answer, retry or failed, not '\(name)'")
            }
            if wire.retryAtMs != nil, name != "retry" {
                throw ProtocolError(.invalidField, "field 'retry_at_ms' goes only with result 'retry'")
            }
            self = .callDialResult(call: try nonEmpty(wire.call, "call"), result: outcome)
        case .calls:
            self = .calls
        case .agentLogin:
            self = .agentLogin(agent: wire.agent, reason: wire.reason)
        case .agentReady:
            self = .agentReady(agent: wire.agent)
        case .agentNotReady:
            self = .agentNotReady(agent: wire.agent, reason: try nonEmpty(wire.reason, "reason"))
        case .agentAccept:
            self = .agentAccept(agent: wire.agent, call: try nonEmpty(wire.call, "call"))
        case .agentReject:
            self = .agentReject(agent: wire.agent, call: try nonEmpty(wire.call, "call"))
        case .agentWrapUpDone:
            var classification: WrapUpClassification?
            if let callType = wire.callType {
                guard !callType.isEmpty else { throw ProtocolError(.invalidField, "field 'call_type' is empty") }
                classification = WrapUpClassification(callType: callType, motive: wire.motive, subMotive: wire.subMotive, notes: wire.notes)
            } else if wire.motive != nil || wire.subMotive != nil || wire.notes != nil {
                throw ProtocolError(.classificationIncomplete, "a classification needs field 'call_type'")
            }
            self = .agentWrapUpDone(agent: wire.agent, classification: classification)
        case .agentLogout:
            self = .agentLogout(agent: wire.agent)
        case .agentStatus:
            self = .agentStatus(agent: wire.agent)
        case .agentTransfer:
            self = .agentTransfer(agent: wire.agent, call: try nonEmpty(wire.call, "call"), toAgent: try nonEmpty(wire.toAgent, "to_agent"))
        case .agentConsultAccept:
            self = .agentConsultAccept(agent: wire.agent, call: try nonEmpty(wire.call, "call"))
        case .agentConsultDecline:
            self = .agentConsultDecline(agent: wire.agent, call: try nonEmpty(wire.call, "call"))
        case .callEscalate:
            self = .callEscalate(call: try nonEmpty(wire.call, "call"), agent: wire.agent)
        case .status:
            self = .status
        case .subscribe:
            var topics: Set<SubscriptionTopic> = []
            for name in try required(wire.topics, "topics") {
                guard let topic = SubscriptionTopic(rawValue: name) else {
                    throw ProtocolError(.invalidField, "no topic '\(name)' (queues, agents, calls, all)")
                }
                topics.insert(topic)
            }
            self = .subscribe(topics: topics)
        case .explain:
            self = .explain(call: try nonEmpty(wire.call, "call"))
        case .agentForceState:
            let name = try required(wire.state, "state")
            guard let state = ForcedState(rawValue: name) else {
                throw ProtocolError(.invalidField, "field 'state' must be ready, not_ready or logged_out, not '\(name)'")
            }
            if state == .notReady, wire.reason == nil {
                throw ProtocolError(.invalidField, "'agent.force_state' to not_ready needs field 'reason'")
            }
            self = .agentForceState(agent: try nonEmpty(wire.agent, "agent"), state: state, reason: wire.reason)
        case .callReprioritize:
            let priority = try required(wire.priority, "priority")
            guard (0...9).contains(priority) else {
                throw ProtocolError(.invalidPriority, "priority \(priority) is outside 0-9")
            }
            self = .callReprioritize(call: try nonEmpty(wire.call, "call"), priority: priority)
        case .callMove:
            self = .callMove(call: try nonEmpty(wire.call, "call"), queue: try nonEmpty(wire.queue, "queue"))
        case .agentMessage:
            self = .agentMessage(agent: try nonEmpty(wire.agent, "agent"), message: try nonEmpty(wire.message, "message"))
        case .stats:
            self = .stats
        }
    }
}
