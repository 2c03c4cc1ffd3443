public import ACDCore

/// One rule of the routing table: a call whose attributes match goes to `queue` at `priority`.
/// The table is ordered and the first matching rule wins.
public struct RoutingRule: Equatable, Sendable {
    /// Attribute name to the values it may take (any one of them). The attribute `segment` is the
    /// call's customer segment. Empty: the rule matches every call (a catch-all).
    public var match: [String: [String]]
    public var queue: QueueID
    /// 0-9, higher first.
    public var priority: Int

    public init(match: [String: [String]] = [:], queue: QueueID, priority: Int = 0) {
        self.match = match
        self.queue = queue
        self.priority = priority
    }

    /// Whether a call with these attributes and segment satisfies every condition of the rule.
    /// `segment`, when given, is the value of the attribute `segment`.
    public func matches(attributes: [String: String], segment: String?) -> Bool {
        match.allSatisfy { attribute, values in
            let value = attribute == RoutingRule.segmentAttribute ? (segment ?? attributes[attribute]) : attributes[attribute]
            return value.map(values.contains) ?? false
        }
    }

    /// The attribute that stands for the call's customer segment.
    public static let segmentAttribute = "segment"
}
