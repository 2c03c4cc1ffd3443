import ACDCore
import Benchmark

// Placeholder until ACDCore has routing API worth measuring. Each measured iteration runs
// `benchmark.scaledIterations` (here 1,000) inner loops; results marked `*` are per inner loop.
let benchmarks: @Sendable () -> Void = {
    Benchmark(
        "Placeholder.arithmetic",
        configuration: .init(
            metrics: [.wallClock, .throughput],
            timeUnits: .nanoseconds,
            scalingFactor: .kilo,
            maxDuration: .seconds(2),
            maxIterations: 1_000
        )
    ) { benchmark in
        for i in benchmark.scaledIterations {
            blackHole(i &* 31 &+ 7)
        }
    }
}
