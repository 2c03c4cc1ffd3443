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
        .library(name: "ACDClient", targets: ["ACDClient"]),
        .library(name: "ACDConfiguration", targets: ["ACDConfiguration"]),
        .library(name: "ACDSimulation", targets: ["ACDSimulation"]),
        .library(name: "ACDRecords", targets: ["ACDRecords"]),
        .library(name: "ACDJournal", targets: ["ACDJournal"]),
        .library(name: "ACDSystemd", targets: ["ACDSystemd"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .target(
            name: "ACDConfiguration",
            dependencies: ["ACDCore", "ACDJournal", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ACDConfigurationTests",
            dependencies: ["ACDConfiguration", "ACDCore", "ACDJournal"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ACDCore",
            dependencies: [.product(name: "HeapModule", package: "swift-collections")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ACDProtocol",
            swiftSettings: strictSettings
        ),
        .target(
            name: "ACDJournal",
            dependencies: [
                "ACDCore", "ACDRecords", "CSQLiteTuning", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ACDJournalTests",
            dependencies: ["ACDJournal", "ACDCore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ACDRecords",
            dependencies: [
                "ACDCore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ACDRecordsTests",
            dependencies: ["ACDRecords", "ACDCore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ACDSimulation",
            dependencies: ["ACDCore"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ACDSimulationTests",
            dependencies: ["ACDSimulation", "ACDCore"],
            swiftSettings: strictSettings
        ),
        .systemLibrary(
            name: "CSQLiteTuning",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(
            name: "CSystemd",
            pkgConfig: "libsystemd",
            providers: [.apt(["libsystemd-dev"])]
        ),
        .target(
            name: "ACDSystemd",
            dependencies: [
                "CSystemd",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ACDSystemdTests",
            dependencies: ["ACDSystemd", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ACDServer",
            dependencies: [
                "ACDCore", "ACDProtocol", "ACDJournal", "ACDSystemd",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ACDServerTests",
            dependencies: [
                "ACDServer", "ACDCore", "ACDJournal", "ACDRecords",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "acdd",
            dependencies: [
                "ACDConfiguration", "ACDCore", "ACDServer", "ACDSystemd",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["acdd", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ACDProtocolTests",
            dependencies: ["ACDProtocol", .product(name: "PropertyBased", package: "swift-property-based")],
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
        .target(
            name: "ACDClient",
            dependencies: [
                "ACDProtocol",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "acdctl",
            dependencies: [
                "ACDClient", "ACDProtocol", "ACDConfiguration", "ACDSimulation", "ACDRecords", "ACDJournal", "ACDCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ACDClientTests",
            dependencies: [
                "ACDClient", "ACDCore", "ACDProtocol", "acdctl",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
