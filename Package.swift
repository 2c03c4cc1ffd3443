// swift-tools-version:6.1
import PackageDescription

/// Settings every target shares: Swift 6 language mode plus the upcoming features that make a
/// target's public imports exactly the ones it exposes.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "acdd",
    products: [
        .library(name: "ACDCore", targets: ["ACDCore"]),
        .library(name: "ACDProtocol", targets: ["ACDProtocol"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .target(
            name: "ACDCore",
            dependencies: [.product(name: "HeapModule", package: "swift-collections")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ACDProtocol",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ACDProtocolTests",
            dependencies: ["ACDProtocol"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ACDCoreTests",
            dependencies: [
                "ACDCore",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
