// swift-tools-version:6.1
import PackageDescription

// Fuzz targets live in their own package so that the root package's `swift build` and `swift test`
// never try to link a libFuzzer entry point. Build and run them with ./run (see its header).
let package = Package(
    name: "acdd-fuzz",
    dependencies: [
        .package(name: "acdd", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "FuzzLineDecoder",
            dependencies: [.product(name: "ACDProtocol", package: "acdd")],
            path: "FuzzLineDecoder"
        ),
        .executableTarget(
            name: "FuzzConfiguration",
            dependencies: [
                .product(name: "ACDConfiguration", package: "acdd"),
                .product(name: "ACDCore", package: "acdd"),
            ],
            path: "FuzzConfiguration"
        ),
    ],
    swiftLanguageModes: [.v6]
)
