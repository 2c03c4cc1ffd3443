/// A request line as sent: every field any request may carry, all optional. `Request(_:)` checks
/// that the fields the request's type needs are there and turns it into a typed `Request`. Its JSON
/// is written and read by hand (JSON/WireRequest+JSON.swift): a new field goes there too.
public struct WireRequest: Codable, Sendable, Equatable {
    public var type: String?
    public var id: RequestID?
    // hello
    public var `protocol`: Int?
    public var role: Role?
    public var client: String?
    // calls and agents
    public var agent: String?
    public var call: String?
    public var queue: String?
    public var priority: Int?
    public var segment: String?
    public var attributes: [String: String]?
    public var enteredMs: Int64?
    public var by: String?
    public var reason: String?
    public var state: String?
    public var topics: [String]?
    // agent.message
    public var message: String?
    // agent.wrapup_done: the classification
    public var callType: String?
    public var motive: String?
    public var subMotive: String?
    public var notes: String?
    // call.survey
    public var score: Int?
    // agent.transfer: the agent asked to take the call over
    public var toAgent: String?
    // call.callback, call.outbound: the number to dial, and not before when
    public var number: String?
    public var notBeforeMs: Int64?
    // call.dial_result
    public var result: String?
    public var retryAtMs: Int64?
    // call.enqueue: the number to call back if a closed queue takes the call as a callback
    public var callbackNumber: String?

    public init(type: String? = nil, id: RequestID? = nil) {
        self.type = type
        self.id = id
    }

    /// The field names a request line may use, as written on the wire.
    public static let fieldNames: Set<String> = Set(JSONField.allCases.map(\.rawValue))
}
