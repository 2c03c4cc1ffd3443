// swift-tools-version:6.1
import PackageDescription

// Benchmarks live in their own package so that the root package's `swift build` and `swift test`
// never resolve or compile ordo-one/benchmark. Run from this directory:
//   swift package --allow-writing-to-package-directory benchmark
let package = Package(
    name: "acdd-benchmarks",
    dependencies: [
        .package(name: "acdd", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        // EndToEnd: latencies in an HdrHistogram, clients on SwiftNIO directly.
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .executableTarget(
            name: "RoutingBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ACDCore", package: "acdd"),
            ],
            path: "RoutingBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // The simulator living an 8-hour day of a 200-agent center.
        .executableTarget(
            name: "SimulationBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ACDCore", package: "acdd"),
                .product(name: "ACDSimulation", package: "acdd"),
            ],
            path: "SimulationBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // The call records' keeper and store, per 1,000 calls of an adapter's flood.
        .executableTarget(
            name: "RecordBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ACDCore", package: "acdd"),
                .product(name: "ACDRecords", package: "acdd"),
                .product(name: "ACDJournal", package: "acdd"),
            ],
            path: "RecordBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // The journal's commits, as the event loop makes them.
        .executableTarget(
            name: "JournalBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ACDCore", package: "acdd"),
                .product(name: "ACDJournal", package: "acdd"),
            ],
            path: "JournalBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // A log line made by swift-log's StreamLogHandler and by acdd's TextLogHandler.
        .executableTarget(
            name: "LogBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ACDSystemd", package: "acdd"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "LogBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Not an ordo-one benchmark: a plain executable that drives a real acdd process over its
        // socket (1,000 agent connections and an adapter). Run it with ./run-end-to-end.
        .executableTarget(
            name: "EndToEnd",
            dependencies: [
                .product(name: "ACDClient", package: "acdd"),
                .product(name: "ACDProtocol", package: "acdd"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "EndToEnd"
        ),
    ],
    swiftLanguageModes: [.v6]
)
