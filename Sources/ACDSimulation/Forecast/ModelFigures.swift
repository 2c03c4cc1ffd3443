/// What a queueing formula predicts for one interval at the forecast number of agents.
public struct ModelFigures: Equatable, Sendable {
    /// Fractions (0-1).
    public var serviceLevel: Double
    public var abandonRate: Double
    public var occupancy: Double
    /// Seconds.
    public var averageSpeedOfAnswer: Double

    /// The figures as given.
    public init(serviceLevel: Double, abandonRate: Double, occupancy: Double, averageSpeedOfAnswer: Double) {
        self.serviceLevel = serviceLevel
        self.abandonRate = abandonRate
        self.occupancy = occupancy
        self.averageSpeedOfAnswer = averageSpeedOfAnswer
    }

    /// Erlang C's figures.
    public init(_ model: ErlangC, threshold: Double) {
        self.init(
            serviceLevel: model.serviceLevel(threshold: threshold), abandonRate: 0, occupancy: model.occupancy,
            averageSpeedOfAnswer: model.averageSpeedOfAnswer
        )
    }

    /// Erlang A's figures.
    public init(_ model: ErlangA, threshold: Double) {
        self.init(
            serviceLevel: model.serviceLevel(threshold: threshold), abandonRate: model.probabilityOfAbandoning,
            occupancy: model.occupancy, averageSpeedOfAnswer: model.averageSpeedOfAnswer
        )
    }
}
