/// A skill a queue requires of its agents, at a minimum proficiency (1-10).
public struct SkillRequirement: Equatable, Sendable, Codable {
    public var skill: SkillID
    public var minimumProficiency: Int

    public init(_ skill: SkillID, minimumProficiency: Int = 1) {
        self.skill = skill
        self.minimumProficiency = minimumProficiency
    }
}
