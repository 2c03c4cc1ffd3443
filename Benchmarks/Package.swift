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
    ],
    swiftLanguageModes: [.v6]
)
