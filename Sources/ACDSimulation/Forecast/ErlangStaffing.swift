/// The number of agents an Erlang formula asks for, for one queue in one interval.
public enum ErlangStaffing {
    /// The most agents tried: far beyond any center, it only stops a search for an unreachable
    /// target.
    public static let maximumAgents = 100_000

    /// The fewest agents with which Erlang C reaches `target` (service level within `threshold`
    /// seconds, occupancy at most the maximum), with its figures; nil beyond `maximumAgents`.
    public static func erlangC(
        arrivalRate: Double, averageHandleTime: Double, threshold: Double, target: ServiceTarget
    ) -> (agents: Int, model: ErlangC)? {
        let stable = Int((arrivalRate * averageHandleTime).rounded(.down)) + 1
        return smallest(lowest: stable, guess: stable) { agents in
            ErlangC(arrivalRate: arrivalRate, averageHandleTime: averageHandleTime, agents: agents)
        } meets: { model in
            model.serviceLevel(threshold: threshold) >= target.serviceLevel && model.occupancy <= target.maxOccupancy
        }
    }

    /// The fewest agents with which Erlang A reaches `target`, with its figures; nil beyond
    /// `maximumAgents`.
    public static func erlangA(
        arrivalRate: Double, averageHandleTime: Double, averagePatience: Double, threshold: Double, target: ServiceTarget
    ) -> (agents: Int, model: ErlangA)? {
        let guess = Int((arrivalRate * averageHandleTime).rounded(.down)) + 1
        return smallest(lowest: 1, guess: guess) { agents in
            ErlangA(arrivalRate: arrivalRate, averageHandleTime: averageHandleTime, averagePatience: averagePatience, agents: agents)
        } meets: { model in
            model.serviceLevel(threshold: threshold) >= target.serviceLevel && model.occupancy <= target.maxOccupancy
        }
    }

    private static func smallest<Model>(
        lowest: Int, guess: Int, model: (Int) -> Model, meets: (Model) -> Bool
    ) -> (agents: Int, model: Model)? {
        var search = StaffingSearch(lowest: lowest, guess: guess, highest: maximumAgents)
        var models: [Int: Model] = [:]
        while let agents = search.candidate {
            let built = model(agents)
            models[agents] = built
            search.record(meets: meets(built))
        }
        guard let agents = search.result, let found = models[agents] else { return nil }
        return (agents, found)
    }
}
