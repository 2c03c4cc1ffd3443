import ACDCore
import Yams

extension ConfigurationParser {
    /// The longest survey window: the engine remembers every answered call that ended within it.
    static let maximumSurveyWindow = Duration.seconds(7 * 24 * 3600)

    /// The satisfaction survey policy: `{window: 1h}`.
    func parseSurveys(_ node: Node?) throws(ConfigurationFileError) -> SurveyPolicy {
        var policy = SurveyPolicy()
        guard let mapping = try reader.optionalMapping(node, "surveys") else { return policy }
        try mapping.rejectUnknownKeys(["window"], in: "in surveys", reader: reader)
        if let node = mapping["window"] {
            let window = try reader.duration(node, "window")
            guard window > .zero, window <= Self.maximumSurveyWindow else {
                throw reader.error("window must be more than 0 and at most 168h (a week), not \(reader.describe(node))", at: node)
            }
            policy.window = window
        }
        return policy
    }
}
