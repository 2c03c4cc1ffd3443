import ACDCore
import Yams

extension ConfigurationParser {
    static let dialingKeys = ["max_attempts", "retry_delay", "outbound_reserve"]

    /// A queue's dial policy for callbacks and outbound calls:
    /// `{max_attempts: 3, retry_delay: 10m, outbound_reserve: 0}`; keys left out keep `base`.
    func dialPolicy(_ node: Node, base: DialPolicy) throws(ConfigurationFileError) -> DialPolicy {
        var policy = base
        let mapping = try reader.mapping(node, "dialing")
        try mapping.rejectUnknownKeys(Self.dialingKeys, in: "in dialing", reader: reader)
        if let node = mapping["max_attempts"] {
            policy.maxAttempts = try reader.int(node, "max_attempts", in: 1...100)
        }
        if let node = mapping["retry_delay"] {
            policy.retryDelay = try reader.duration(node, "retry_delay")
        }
        if let node = mapping["outbound_reserve"] {
            policy.outboundReserve = try reader.int(node, "outbound_reserve", in: 0...100_000)
        }
        return policy
    }
}
