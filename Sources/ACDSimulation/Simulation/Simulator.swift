/// The simulator: the routing engine living a simulated day (or year) as fast as it can compute.
public enum Simulator {
    /// One replication of `plan`, its randomness drawn from `seed`. The same plan and seed give
    /// the same result, always.
    public static func run(_ plan: SimulationPlan, seed: UInt64) throws(SimulationError) -> ReplicationResult {
        var run = try SimulationRun(plan: plan, seed: seed)
        return try run.run()
    }

    /// `replications` independent replications of `plan` (their seeds derived from `seed`), up to
    /// `parallelism` at a time, summarized with 95% confidence intervals. The result does not
    /// depend on `parallelism`.
    public static func replicate(
        _ plan: SimulationPlan, replications: Int, seed: UInt64, parallelism: Int = 1
    ) async throws(SimulationError) -> SimulationSummary {
        guard replications >= 1 else { throw .invalidPlan("at least one replication is needed") }
        try plan.validate()
        let outcomes = await withTaskGroup(of: (Int, Result<ReplicationResult, SimulationError>).self) { group in
            var outcomes: [Result<ReplicationResult, SimulationError>?] = Array(repeating: nil, count: replications)
            var next = 0
            func start() {
                let index = next
                next += 1
                group.addTask {
                    let seed = SimulationRandom.seed(seed, stream: UInt64(index) + 1)
                    do throws(SimulationError) {
                        return (index, .success(try run(plan, seed: seed)))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            while next < min(max(parallelism, 1), replications) { start() }
            while let (index, outcome) = await group.next() {
                outcomes[index] = outcome
                if next < replications { start() }
            }
            return outcomes
        }
        var results: [ReplicationResult] = []
        for outcome in outcomes.compactMap(\.self) {
            switch outcome {
            case .success(let result): results.append(result)
            case .failure(let error): throw error
            }
        }
        return SimulationSummary(plan: plan, replications: results)
    }
}
