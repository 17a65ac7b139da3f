// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "border",
    products: [
        .executable(name: "border", targets: ["border"]),
        .library(name: "BorderAnalysis", targets: ["BorderAnalysis"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        // C libraries from Debian (libgeos-dev, libproj-dev), found through pkg-config.
        .systemLibrary(name: "CGEOS", pkgConfig: "geos", providers: [.apt(["libgeos-dev"])]),
        .systemLibrary(name: "CPROJ", pkgConfig: "proj", providers: [.apt(["libproj-dev"])]),

        // glibc's mallopt, which the Glibc module does not export, and the async-signal-safe
        // interrupt handler that removes partial output files.
        .target(name: "CSystem"),

        // Geometry: the only module that touches GEOS and PROJ handles.
        .target(name: "Geodesy", dependencies: ["CGEOS", "CPROJ"],
                linkerSettings: [.linkedLibrary("m")]),
        // The border, places, incidents and countries, loaded from data/.
        .target(name: "BorderModel", dependencies: ["Geodesy", .product(name: "CSV", package: "CSV.swift")]),
        // Distances and coverage.
        .target(name: "BorderAnalysis", dependencies: ["BorderModel", "Geodesy"]),
        // Readers and writers: CSV, JSON, GeoJSON, tables.
        .target(name: "BorderFormats", dependencies: [
            "BorderModel", "BorderAnalysis", "Geodesy", "CSystem",
            .product(name: "CSV", package: "CSV.swift"),
        ]),
        // The command-line tool.
        .executableTarget(name: "border", dependencies: [
            "BorderFormats", "CSystem", "BorderAnalysis", "BorderModel", "Geodesy",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // libFuzzer over the readers: scripts/fuzz builds it with -sanitize=fuzzer -DFUZZING.
        .target(name: "CFuzzDriver"),
        .executableTarget(name: "FuzzReaders", dependencies: ["BorderFormats", "BorderModel", "CFuzzDriver"]),

        // Helpers shared by the test targets (a seeded random generator).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "GeodesyTests", dependencies: ["Geodesy", "TestSupport", .product(name: "CSV", package: "CSV.swift")]),
        .testTarget(name: "BorderModelTests", dependencies: ["BorderModel", "Geodesy", "TestSupport"]),
        .testTarget(name: "BorderAnalysisTests", dependencies: ["BorderAnalysis", "BorderFormats", "BorderModel", "Geodesy", "TestSupport"],
                    exclude: ["Resources"]),
        .testTarget(name: "BorderFormatsTests", dependencies: ["BorderFormats", "BorderAnalysis", "BorderModel", "Geodesy", "TestSupport",
                                                             .product(name: "CSV", package: "CSV.swift")]),
        .testTarget(name: "BorderCLITests", dependencies: ["border", "TestSupport"], exclude: ["Malformed", "Inputs"]),
    ],
    swiftLanguageModes: [.v6]
)
