import ACDCore
import Yams

extension ConfigurationParser {
    /// The longest consult timeout: a target agent is asked for at most this long.
    static let maximumConsultTimeout = Duration.seconds(600)

    /// The consult transfer policy: `{consult_timeout: 20s}`.
    func parseTransfers(_ node: Node?) throws(ConfigurationFileError) -> TransferPolicy {
        var policy = TransferPolicy()
        guard let mapping = try reader.optionalMapping(node, "transfers") else { return policy }
        try mapping.rejectUnknownKeys(["consult_timeout"], in: "in transfers", reader: reader)
        if let node = mapping["consult_timeout"] {
            let timeout = try reader.duration(node, "consult_timeout")
            guard timeout > .zero, timeout <= Self.maximumConsultTimeout else {
                throw reader.error("consult_timeout must be more than 0 and at most 10m, not \(reader.describe(node))", at: node)
            }
            policy.consultTimeout = timeout
        }
        return policy
    }
}
