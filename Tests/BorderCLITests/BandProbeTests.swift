import Foundation
import Testing

/// The distance bands of the built `border geojson` against GeographicLib: every vertex and the
/// geodesic midpoint of every edge of every band outline, measured by
/// `scripts/reference/band_probes.py` (standard library + geographiclib, nothing from the program).
/// Where the outline is the buffer's edge the distance must be the band's; where it follows a
/// country outline (the coast clip) the point must lie within the band; every other probe is on land.
@Suite struct BandProbeTests {
    /// README: "0.6 m at 10 km, 2.2 m at 25 km, 1.3 m at 50 km"; a few metres is the promise.
    static let toleranceMetres = 3.0
    static let readmeMaxErrorMetres: [String: Double] = ["10": 0.6, "25": 2.2, "50": 1.3]
    /// `max_error_m` is written with one decimal (±0.05 m); coordinates with 9 (±0.1 mm); the
    /// geodesic midpoint is within 1 mm of the lon/lat one the program measures.
    static let statedErrorSlackMetres = 0.06

    static let report = Shared<ProbeReport> {
        let file = try CLI.temporaryFolder().appendingPathComponent("bands.geojson")
        _ = try CLI.run(["geojson", "--precision", "9", "-o", file.path]).expecting(0)
        let json = try CLI.referenceScript("band_probes.py", [file.path])
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(ProbeReport.self, from: Data(json.utf8))
    }

    /// The probes, or nil (a visible skip, a failure in CI) without python3 + geographiclib.
    static func probes() throws -> ProbeReport? { try CLI.whereReferenceRuns { try report.get() } }

    @Test func everyBandIsProbedAtBothOfItsDistances() throws {
        guard let report = try Self.probes() else { return }
        #expect(report.bands.map { [$0.innerKm, $0.outerKm] } == [[25, 50], [10, 25], [0, 10]])
        #expect(report.stride == 1, "\(report.bands.map(\.vertices)) outline vertices: only every \(report.stride)th probed")
        for band in report.bands {
            let expected = [band.outerKm, band.innerKm].filter { $0 > 0 }.map(Self.name).sorted()
            #expect(band.buffer.keys.sorted() == expected, "band \(band.outerKm)")
            for (level, kinds) in band.buffer {
                #expect(kinds.vertex.probes >= 1000 && kinds.midpoint.probes >= 1000, "band \(band.outerKm), \(level) km: \(kinds)")
            }
        }
    }

    @Test func bufferEdgesAreAtTheBandDistance() throws {
        guard let report = try Self.probes() else { return }
        for band in report.bands {
            for (level, kinds) in band.buffer {
                for (kind, measure) in [("vertex", kinds.vertex), ("midpoint", kinds.midpoint)] {
                    #expect(measure.maxErrorM <= Self.toleranceMetres,
                            "band \(band.innerKm)–\(band.outerKm) km, \(kind) at \(measure.at ?? []) is \(measure.maxErrorM) m off \(level) km")
                }
            }
        }
    }

    /// Snapping puts a vertex exactly at the band distance from its nearest border point; only
    /// where that point jumps (the outline's inner corners) is it off. So the typical vertex is
    /// within the 9-decimal rounding of its coordinates (~0.1 mm): a band built 1 mm off fails.
    @Test func typicalBufferVertexIsAtTheBandDistanceToAMillimetre() throws {
        guard let report = try Self.probes() else { return }
        for band in report.bands {
            for (level, kinds) in band.buffer {
                let median = kinds.vertex.medianErrorM ?? .infinity
                #expect(median <= 0.001, "band \(band.innerKm)–\(band.outerKm) km: median vertex \(median) m off \(level) km")
            }
        }
    }

    /// The measured error is at most README's figure for each distance, and the program's own
    /// `max_error_m` does not claim better than the truth.
    @Test func statedErrorsAreNotBelowTheMeasuredOnes() throws {
        guard let report = try Self.probes() else { return }
        for band in report.bands {
            let level = Self.name(band.outerKm)
            let measured = report.bands.compactMap { $0.buffer[level] }.flatMap { [$0.vertex.maxErrorM, $0.midpoint.maxErrorM] }.max() ?? .infinity
            #expect(band.claimedMaxErrorM >= measured - Self.statedErrorSlackMetres, "\(level) km: states \(band.claimedMaxErrorM) m, measured \(measured) m")
            let readme = try #require(Self.readmeMaxErrorMetres[level])
            #expect(measured <= readme + 0.05, "\(level) km: README says \(readme) m, measured \(measured) m")
        }
    }

    /// Where a band was cut by the coast or the outer limit of the land, it lies within its distances.
    @Test func clippedOutlineLiesWithinTheBand() throws {
        guard let report = try Self.probes() else { return }
        for band in report.bands {
            #expect(band.clipped.vertex > 10 && band.clipped.midpoint > 10, "band \(band.outerKm) never meets the coast")
            let (beyond, below) = (band.clipped.maxBeyondOuterM ?? .infinity, band.clipped.maxBelowInnerM ?? .infinity)
            #expect(beyond <= Self.toleranceMetres, "band \(band.outerKm): a clipped probe \(beyond) m beyond \(band.outerKm) km")
            #expect(below <= Self.toleranceMetres, "band \(band.outerKm): a clipped probe \(below) m nearer than \(band.innerKm) km")
        }
    }

    @Test func outlineIsOnLandAndHolesAreAtTheInnerDistance() throws {
        guard let report = try Self.probes() else { return }
        for band in report.bands {
            #expect(band.offLand == 0, "band \(band.outerKm): \(band.offLand) probes off land, e.g. \(band.offLandExamples)")
            #expect(band.holesNotAtInnerKm == 0, "band \(band.outerKm)")
        }
    }

    /// Points on the border's normals, 3–70 km out every 20 km of chainage, fall in the band their
    /// exact distance names, on land, and in no band beyond 50 km or at sea.
    @Test func landPointsFallInTheBandOfTheirDistance() throws {
        guard let report = try Self.probes() else { return }
        let membership = report.membership
        #expect(membership.checked >= 800)
        #expect(membership.inside.values.allSatisfy { $0 >= 100 }, "\(membership.inside)")
        #expect(membership.inside.values.reduce(0, +) < membership.checked, "no probe outside every band")
        #expect(membership.mismatchCount == 0, "\(membership.mismatches)")
    }

    static func name(_ kilometres: Double) -> String {
        kilometres == kilometres.rounded() ? String(Int(kilometres)) : String(kilometres)
    }
}

/// What `band_probes.py` prints (snake_case keys).
struct ProbeReport: Decodable, Sendable {
    struct Measure: Decodable, Sendable {
        var probes: Int
        var maxErrorM: Double
        var at: [Double]?
        var medianErrorM: Double?
    }
    struct Kinds: Decodable, Sendable {
        var vertex: Measure
        var midpoint: Measure
    }
    struct Clipped: Decodable, Sendable {
        var vertex: Int
        var midpoint: Int
        /// nil when no probe lies on a country outline.
        var maxBeyondOuterM: Double?
        var maxBelowInnerM: Double?
    }
    struct Band: Decodable, Sendable {
        var innerKm: Double
        var outerKm: Double
        var claimedMaxErrorM: Double
        var vertices: Int
        var buffer: [String: Kinds]
        var clipped: Clipped
        var offLand: Int
        var offLandExamples: [[Double]]
        var holesNotAtInnerKm: Int
    }
    struct Mismatch: Decodable, Sendable {
        var lon: Double
        var lat: Double
        var distanceM: Double
        var onLand: Bool
        var expected: [String]
        var found: [String]
    }
    struct Membership: Decodable, Sendable {
        var checked: Int
        var skipped: Int
        var inside: [String: Int]
        var mismatches: [Mismatch]
        var mismatchCount: Int
    }
    /// 1 when every vertex was probed (the script's budget is 100,000 vertices).
    var stride: Int
    var bands: [Band]
    var distinctProbes: Int
    var membership: Membership
    var seconds: Double
}
