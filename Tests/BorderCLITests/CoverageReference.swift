import Foundation
import Testing

/// Reference answers for `border coverage`, computed independently with GeographicLib by
/// scripts/reference/make_coverage_references.py (boundaries to 1 mm, distances to 1e-7 m; metres).
struct CoverageReference: Decodable {
    struct SectorLimit: Decodable { var name: String, startM: Double, endM: Double }

    struct Gap: Decodable {
        var startM: Double, endM: Double
        /// [longitude, latitude] of the gap's ends.
        var start: [Double], end: [Double]
    }

    struct Sector: Decodable { var name: String, startKm: Double, endKm: Double, coveredM: Double, coveragePct: Double, boundariesInside: Int }

    struct Step: Decodable { var date: String, segments: Int, covered: [[Double]], coveredM: Double, coveragePct: Double }

    struct Incident: Decodable { var id: String, gap: Int, distanceM: Double }

    struct Scenario: Decodable, Sendable, CustomTestStringConvertible {
        var name: String
        /// After `border coverage --format json`; paths relative to the repository.
        var arguments: [String]
        var segmentsUsed: Int
        var borderM: Double
        var covered: [[Double]]
        var coveredM: Double
        var coveragePct: Double
        var gaps: [Gap]
        var sectors: [Sector]
        var timeline: [Step]
        var incidentsNearGaps: [Incident]
        var testDescription: String { name }
    }

    var sectorLimits: [SectorLimit]
    var scenarios: [Scenario]

    static let file = CLI.repository.appendingPathComponent("Tests/BorderCLITests/Inputs/coverage/reference-answers.json")

    static func load() throws -> CoverageReference {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(CoverageReference.self, from: Data(contentsOf: file))
    }

    static func scenario(_ name: String) throws -> Scenario {
        guard let found = try load().scenarios.first(where: { $0.name == name }) else {
            throw CommandFailed(description: "no scenario \"\(name)\" in \(file.path); regenerate it")
        }
        return found
    }
}

/// What `border coverage --format json` prints (the fields the reference checks).
struct CoverageOutput: Decodable {
    struct Gap: Decodable { var startKm: Double, endKm: Double, lengthKm: Double, startLon: Double, startLat: Double, endLon: Double, endLat: Double }
    struct Sector: Decodable { var name: String, startKm: Double, endKm: Double, lengthKm: Double, coveredKm: Double, coveragePct: Double }
    struct Step: Decodable { var date: String, segments: Int, coveredKm: Double, coveragePct: Double }
    struct Incident: Decodable { var id: String, gap: Int, gapStartKm: Double, gapEndKm: Double, distanceKm: Double }
    struct Filters: Decodable { var segmentsUsed: Int }

    var borderKm: Double
    var coveredKm: Double
    var coveragePct: Double
    var gaps: [Gap]
    var longestGap: Gap?
    var sectors: [Sector]
    var timeline: [Step]
    var incidentsNearGaps: [Incident]
    var filters: Filters

    static func run(_ arguments: [String]) throws -> CoverageOutput {
        let result = try CLI.run(["coverage", "--format", "json"] + arguments).expecting(0)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(CoverageOutput.self, from: Data(result.stdout.utf8))
    }
}

/// How far a printed figure may be from the reference, in metres.
enum CoverageTolerance {
    /// README "Method and accuracy": every boundary between covered and uncovered within 0.5 m of the true one.
    static let claimedBoundaryMetres = 0.5
    /// json prints km to 3 decimals.
    static let printedMetres = 0.5
    /// The reference's own boundaries are bisected to 1 mm.
    static let referenceMetres = 0.002

    /// A gap's end, or a distance to a gap (a distance to a set moves no more than the set's ends do).
    static let boundaryMetres = claimedBoundaryMetres + printedMetres + referenceMetres

    /// A total over stretches with this many boundaries strictly inside the border (or sector).
    static func lengthMetres(boundaries: Int) -> Double {
        Double(boundaries) * (claimedBoundaryMetres + referenceMetres) + printedMetres
    }

    /// A percentage of `totalMetres`, printed to 2 decimals.
    static func percent(boundaries: Int, of totalMetres: Double) -> Double {
        100 * (lengthMetres(boundaries: boundaries) - printedMetres) / totalMetres + 0.005 + 1e-9
    }

    /// Boundaries of `stretches` ([start, end] metres) strictly inside [0, length].
    static func innerBoundaries(_ stretches: [[Double]], length: Double) -> Int {
        stretches.flatMap { $0 }.filter { $0 > 0.001 && $0 < length - 0.001 }.count
    }

    /// Metres between two nearby [longitude, latitude] positions (a local flat approximation,
    /// ample for sub-metre differences); positions print to 6 decimals (≤ 0.08 m).
    static func metresApart(_ a: [Double], _ b: [Double]) -> Double {
        let metresPerDegree = 111_320.0
        let east = (a[0] - b[0]) * metresPerDegree * cos(a[1] * .pi / 180), north = (a[1] - b[1]) * metresPerDegree
        return (east * east + north * north).squareRoot()
    }

    static let positionMetres = claimedBoundaryMetres + 0.08 + referenceMetres
}
