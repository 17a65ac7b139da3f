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
        // Readers: CSV (generic, ACLED, GTD, WKT) and GeoJSON points, each row with its one outcome.
        .target(name: "BorderInput", dependencies: ["BorderModel", "Geodesy", .product(name: "CSV", package: "CSV.swift")]),
        // Writers: the table, CSV, JSON, one GeoJSON encoder for rows, coverage and the map layers; checked output files.
        .target(name: "BorderOutput", dependencies: ["BorderInput", "BorderAnalysis", "BorderModel", "Geodesy", "CSystem"]),
        // The report: Markdown, HTML, its SVG map and chart, the seed's claims.
        .target(name: "BorderReport", dependencies: ["BorderOutput", "BorderInput", "BorderAnalysis", "BorderModel", "Geodesy"]),
        // The run engine: the one row loop on worker threads, progress.
        .target(name: "BorderRun", dependencies: ["BorderInput", "Geodesy"]),
        // The command-line tool: commands, option groups, exit statuses.
        .executableTarget(name: "border", dependencies: [
            "BorderRun", "BorderReport", "BorderOutput", "BorderInput", "BorderAnalysis", "BorderModel", "Geodesy", "CSystem",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // libFuzzer over the readers: scripts/fuzz builds it with -sanitize=fuzzer -DFUZZING.
        .target(name: "CFuzzDriver"),
        .executableTarget(name: "FuzzReaders", dependencies: ["BorderInput", "BorderOutput", "BorderModel", "CFuzzDriver"]),

        // Helpers shared by the test targets (a seeded random generator).
        .target(name: "TestSupport", dependencies: ["BorderModel"], path: "Tests/TestSupport"),
        .testTarget(name: "GeodesyTests", dependencies: ["Geodesy", "TestSupport", .product(name: "CSV", package: "CSV.swift")]),
        .testTarget(name: "BorderModelTests", dependencies: ["BorderModel", "Geodesy", "TestSupport"]),
        .testTarget(name: "BorderAnalysisTests", dependencies: ["BorderAnalysis", "BorderModel", "Geodesy", "TestSupport"],
                    exclude: ["Resources"]),
        .testTarget(name: "BorderInputTests", dependencies: ["BorderInput", "BorderModel", "Geodesy", "TestSupport",
                                                           .product(name: "CSV", package: "CSV.swift")]),
        .testTarget(name: "BorderOutputTests", dependencies: ["BorderOutput", "BorderInput", "BorderAnalysis", "BorderModel", "Geodesy", "TestSupport"]),
        .testTarget(name: "BorderCLITests", dependencies: ["border", "TestSupport"], exclude: ["Malformed", "Inputs"]),
    ],
    swiftLanguageModes: [.v6]
)
