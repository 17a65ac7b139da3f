import BorderModel
import Foundation
import Testing
import TestSupport
@testable import Geodesy

/// The engine against the exact GeographicLib oracle (scripts/reference/make_border_references.py):
/// centimetres from the border, beside its longest (17 km) edges, beyond both ends, far away.
@Suite struct BorderReferenceTests {
    @Test func distancesMatchTheOracleWithinOneMillimetre() throws {
        let border = try Fixtures.border().line
        let references = try Fixtures.csv(Fixtures.resources.appendingPathComponent("border-references.csv"))
        #expect(references.count > 50)
        for reference in references {
            let point = Coordinate(longitude: Double(reference["lon"]!)!, latitude: Double(reference["lat"]!)!)
            let nearest = border.nearestPoint(to: point)
            let expected = Double(reference["distance_m"]!)!
            #expect(abs(nearest.distance - expected) < 0.001, "\(reference["id"]!): \(nearest.distance) vs \(expected)")
            #expect(abs(nearest.chainage - Double(reference["chainage_m"]!)!) < 1, "\(reference["id"]!) chainage")
            let foot = Coordinate(longitude: Double(reference["near_lon"]!)!, latitude: Double(reference["near_lat"]!)!)
            #expect(Geodesic.wgs84.inverse(foot, nearest.coordinate).distance < 0.01, "\(reference["id"]!) foot")
            let referenceChainage = Double(reference["chainage_m"]!)!
            let expectAtEnd = referenceChainage < 0.001 || referenceChainage > border.length - 0.001
            #expect(nearest.isAtEnd == expectAtEnd, "\(reference["id"]!) end")
            if reference["id"]!.hasPrefix("beyond-") { #expect(nearest.isAtEnd) }
        }
    }

    /// The pruned search against refining every edge, on part of the real border.
    @Test func prunedSearchEqualsExhaustiveSearch() throws {
        let vertices = Array(try Fixtures.border().line.vertices[3000..<4200])
        let line = try GeodesicPolyline(vertices)
        var generator = SplitMix64(seed: 7)
        // Far points, and points within about 2 km of a random vertex, where close calls between edges happen.
        let far = (0..<12).map { _ in Coordinate(longitude: 62 + generator.unit() * 2, latitude: 27 + generator.unit() * 2) }
        let near = (0..<36).map { _ in
            let vertex = vertices[Int(generator.next() % UInt64(vertices.count))]
            return Coordinate(longitude: vertex.longitude + (generator.unit() - 0.5) * 0.04,
                              latitude: vertex.latitude + (generator.unit() - 0.5) * 0.04)
        }
        for point in far + near {
            let exhaustive = (0..<line.edgeCount).map {
                EdgeFoot.find(on: line.segment($0), from: line.vertices[$0], to: line.vertices[$0 + 1],
                              target: point, near: 0, geodesic: .wgs84).distance
            }.min()!
            #expect(abs(line.nearestPoint(to: point).distance - exhaustive) < 1e-6)
        }
    }

    /// Whatever piece a search starts from, near or absurd, the answer is the same to the bit, with
    /// or without the second walk of the tree; and the hints of a run over nearby points change nothing.
    @Test func startingPieceChangesNothing() throws {
        let border = try Fixtures.border().line
        var generator = SplitMix64(seed: 11)
        var hints = NearestPointHints(slots: 64)
        for _ in 0..<300 {
            let point = Coordinate(longitude: 61.5 + generator.unit(), latitude: 27 + generator.unit())
            let plain = border.nearestPoint(to: point)
            let hint = Int(generator.next() % UInt64(border.index.pieces.count))
            var scratch = SearchScratch()
            #expect(border.nearestPoint(to: point, startingFrom: hint, scratch: &scratch).nearest == plain)
            var tiny = SearchScratch(keptLimit: 1)                  // forces the second walk of the tree
            #expect(border.nearestPoint(to: point, startingFrom: hint, scratch: &tiny).nearest == plain)
            #expect(border.nearestPoint(to: point, hints: &hints) == plain)
        }
    }
}
