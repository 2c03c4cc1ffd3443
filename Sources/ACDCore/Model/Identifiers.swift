/// A name from the configuration or from a client: an agent, a call, a queue, a skill or a
/// not-ready reason. `Kind` only keeps the five apart, so an agent's id cannot be passed as a call's.
public struct Identifier<Kind>: Hashable, Comparable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    public var rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Written as the plain string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

public enum AgentKind {}
public enum CallKind {}
public enum QueueKind {}
public enum SkillKind {}
public enum NotReadyReasonKind {}

/// The identifier of an agent, as written in the configuration.
public typealias AgentID = Identifier<AgentKind>
/// The identifier of a call, chosen by the telephony adapter that reports it.
public typealias CallID = Identifier<CallKind>
/// The identifier of a queue, as written in the configuration.
public typealias QueueID = Identifier<QueueKind>
/// The name of a skill (an area such as `tax` or `legal`, a language, a product).
public typealias SkillID = Identifier<SkillKind>
/// Why an agent is not ready: a reason code such as `break`, `lunch`, `training` or `meeting`.
/// The engine itself sets `no-answer` after too many missed offers; `login` is the usual reason
/// for an agent that logs in without being ready.
public typealias NotReadyReason = Identifier<NotReadyReasonKind>

extension Identifier where Kind == NotReadyReasonKind {
    public static let onBreak: NotReadyReason = "break"
    public static let lunch: NotReadyReason = "lunch"
    public static let training: NotReadyReason = "training"
    public static let meeting: NotReadyReason = "meeting"
    public static let noAnswer: NotReadyReason = "no-answer"
    public static let login: NotReadyReason = "login"
}
