// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "JobScope",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "JobScope", targets: ["JobScope"]),
        .executable(name: "jobscope", targets: ["jobscope"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/onevcat/Rainbow", from: "4.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // Header-free: gives only the compile and link flags for libxml2 (see README, "Architecture").
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // The only code that includes <libxml/...>; its public header speaks plain C types.
        .target(
            name: "JobScopeXML",
            dependencies: ["CLibXML2"]
        ),
        .target(
            name: "JobScope",
            dependencies: [
                "JobScopeXML",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .executableTarget(
            name: "jobscope",
            dependencies: [
                "JobScope",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Rainbow", package: "Rainbow"),
            ]
        ),
        .testTarget(
            name: "JobScopeTests",
            dependencies: [
                "JobScope", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            resources: [.copy("Fixtures")]
        ),
        // Runs the built `jobscope` executable (swift test builds it): options, exit codes, the README's examples.
        .testTarget(
            name: "CLITests",
            dependencies: ["JobScope", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
