import TestSupport
import BorderAnalysis
import BorderModel
import Foundation
import Geodesy
import Testing

/// Fences whose coverage is known by construction, on the bundled border.
/// km 382.957–415.018 is two near-collinear geodesic edges (azimuth 176.68°): a straight 32 km stretch.
@Suite struct CoverageTests {
    let border: GeodesicPolyline

    init() throws { border = try Fixtures.border().line }

    func covered(_ lines: [[Coordinate]], toleranceMetres: Double) throws -> [ChainageInterval] {
        try CoverageCalculator(border: border, tolerance: toleranceMetres).coveredStretches(by: GeodesicLineSet(lines))
    }

    func subline(_ startKilometres: Double, _ endKilometres: Double) -> [Coordinate] {
        border.subline(from: startKilometres * 1000, to: endKilometres * 1000)
    }

    /// A line `offset` metres to the left (negative: right) of the border, from one chainage to another.
    func offsetLine(fromKilometres start: Double, to end: Double, offset: Double) -> [Coordinate] {
        stride(from: start * 1000, through: end * 1000, by: 500).map { s in
            let (edge, along) = locate(s)
            let azimuth = border.segment(edge).position(at: along).azimuth
            return Geodesic.wgs84.direct(from: border.point(atChainage: s), azimuth: azimuth - 90, distance: offset)
        }
    }

    func locate(_ s: Double) -> (Int, Double) {
        let edge = border.chainage.lastIndex { $0 <= s }!
        return (min(edge, border.edgeCount - 1), s - border.chainage[min(edge, border.edgeCount - 1)])
    }

    @Test func theWholeBorderAsAFenceCoversAllOfIt() throws {
        let stretches = try covered([border.vertices], toleranceMetres: 1_000)
        #expect(stretches == [ChainageInterval(start: 0, end: border.length)])
    }

    @Test func sublinesCoverTheirSummedLengthWithTheGapsBetween() throws {
        let cuts = [(100.0, 150.0), (400.0, 420.5), (700.0, 900.0)]
        let stretches = try covered(cuts.map { subline($0.0, $0.1) }, toleranceMetres: 1)
        #expect(stretches.count == 3)
        for (stretch, cut) in zip(stretches, cuts) {
            #expect(abs(stretch.start - cut.0 * 1000) <= 10, "\(stretch)")
            #expect(abs(stretch.end - cut.1 * 1000) <= 10, "\(stretch)")
        }
        let total = stretches.reduce(0) { $0 + $1.length }
        #expect(abs(total - 270_500) <= 10 * 2 * 3)
        let gaps = CoverageCalculator.gaps(in: stretches, length: border.length)
        let expectedGaps = [(0.0, 100.0), (150.0, 400.0), (420.5, 700.0), (900.0, border.length / 1000)]
        #expect(gaps.count == expectedGaps.count)
        for (gap, expected) in zip(gaps, expectedGaps) {
            #expect(abs(gap.start - expected.0 * 1000) <= 10 && abs(gap.end - expected.1 * 1000) <= 10, "\(gap)")
        }
    }

    @Test func aFenceFiveKilometresOffCoversNothingAtOneAndItsStretchAtSix() throws {
        let fence = offsetLine(fromKilometres: 388, to: 410, offset: 5_000)
        #expect(try covered([fence], toleranceMetres: 1_000).isEmpty)
        // Straight border: covered where √(x² + 5²) ≤ 6 km beyond the ends, x = √11 km = 3.3166 km.
        let stretches = try covered([fence], toleranceMetres: 6_000)
        let reach = 11.0.squareRoot() * 1000
        #expect(stretches.count == 1)
        #expect(abs(stretches[0].start - (388_000 - reach)) <= 20, "\(stretches)")
        #expect(abs(stretches[0].end - (410_000 + reach)) <= 20, "\(stretches)")
        // The same on the Iranian side.
        let right = try covered([offsetLine(fromKilometres: 388, to: 410, offset: -5_000)], toleranceMetres: 6_000)
        #expect(right.count == 1 && abs(right[0].length - (22_000 + 2 * reach)) <= 40, "\(right)")
    }

    @Test func aFenceFarAwayCoversNothing() throws {
        let quetta = Coordinate(longitude: 67.00141, latitude: 30.18414)
        let fence = [quetta, Geodesic.wgs84.direct(from: quetta, azimuth: 90, distance: 50_000)]
        #expect(try covered([fence], toleranceMetres: 1_000).isEmpty)
        #expect(try covered([fence], toleranceMetres: 100_000).isEmpty)
        #expect(CoverageCalculator.gaps(in: [], length: border.length) == [ChainageInterval(start: 0, end: border.length)])
    }

    @Test func overlappingSegmentsCountOnce() throws {
        let stretches = try covered([subline(100, 200), subline(150, 250), subline(150, 250), subline(120, 130)],
                                    toleranceMetres: 1)
        #expect(stretches.count == 1)
        #expect(abs(stretches.reduce(0) { $0 + $1.length } - 150_000) <= 20)
    }

    @Test func aFenceCrossingTheBorderCoversOnlyItsNearPart() throws {
        // Perpendicular to the straight stretch at km 400, 10 km out on each side.
        let centre = border.point(atChainage: 400_000)
        let (edge, along) = locate(400_000)
        let azimuth = border.segment(edge).position(at: along).azimuth
        let fence = [Geodesic.wgs84.direct(from: centre, azimuth: azimuth - 90, distance: 10_000),
                     Geodesic.wgs84.direct(from: centre, azimuth: azimuth + 90, distance: 10_000)]
        let stretches = try covered([fence], toleranceMetres: 1_000)
        #expect(stretches.count == 1)
        #expect(abs(stretches[0].start - 399_000) <= 10 && abs(stretches[0].end - 401_000) <= 10, "\(stretches)")
    }

    @Test func asOfIncludesExactlyTheSegmentsCompletedByThatDate() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coverage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("fence.csv")
        try """
            start_km,end_km,status,side,kind,completed,source
            10,20,built,PK,fence,2019-05-01,a
            30,45,built,PK,fence,2020-06-30,b
            60,70,built,IR,wall,2020-07-01,c
            80,90,built,PK,fence,,d
            100,130,under_construction,PK,fence,2020-01-01,e
            """.write(to: file, atomically: true, encoding: .utf8)
        let fence = try Fence.loadCSV(from: file, border: Fixtures.border())
        let filter = CoverageFilter(statuses: [.built], side: nil, asOf: "2020-06-30")
        let used = fence.segments.filter(filter.admits)
        #expect(used.map(\.source) == ["a", "b"])
        let stretches = try covered(used.map(\.geometry), toleranceMetres: 1)
        #expect(abs(stretches.reduce(0) { $0 + $1.length } - 25_000) <= 40)
        #expect(fence.segments.filter(CoverageFilter(asOf: "2020-07-01").admits).map(\.source) == ["a", "b", "c"])
        #expect(fence.segments.filter(CoverageFilter(side: .iran).admits).map(\.source) == ["c"])
        #expect(fence.segments.filter(CoverageFilter(statuses: [.built, .underConstruction]).admits).count == 5)
    }

    @Test func loadErrorsNameTheFileRowColumnAndValue() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coverage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("fence.csv")
        try "start_km,end_km,status,side,kind,completed,source\n10,20,built,PK,fence,2019-05-01,a\n30,45,finished,PK,fence,,b\n"
            .write(to: file, atomically: true, encoding: .utf8)
        #expect { try Fence.loadCSV(from: file, border: Fixtures.border()) } throws: { error in
            "\(error)" == "\(file.path): row 3, column status, value \"finished\": expected built, under_construction or planned"
        }
        try "start_km,end_km,status,side,kind,completed,source\n10,20,built,PK,fence,2019-02-30,a\n"
            .write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: ModelError.self) { try Fence.loadCSV(from: file, border: Fixtures.border()) }
    }

    @Test func theBundledFenceAgreesWithItsCSV() throws {
        let geoJSON = try Fence.loadGeoJSON(from: Fixtures.data.appendingPathComponent("fence.geojson"))
        let csv = try Fence.loadCSV(from: Fixtures.data.appendingPathComponent("fence.csv"), border: Fixtures.border())
        #expect(geoJSON.segments.count == csv.segments.count)
        #expect(geoJSON.caveat?.contains("ASSUMED") == true)
        #expect(geoJSON.segments.allSatisfy { $0.isPlacementAssumed })
        let built = CoverageFilter()
        let a = try covered(geoJSON.segments.filter(built.admits).map(\.geometry), toleranceMetres: 1_000)
        let b = try covered(csv.segments.filter(built.admits).map(\.geometry), toleranceMetres: 1_000)
        #expect(a.count == b.count)
        for (x, y) in zip(a, b) { #expect(abs(x.start - y.start) <= 10 && abs(x.end - y.end) <= 10) }
        let sectors = try Sector.load(from: Fixtures.data.appendingPathComponent("sectors.csv"))
        #expect(sectors.count == 5 && sectors.first?.startKilometres == 0 && sectors.last?.endKilometres == 1022.981)
    }
}
