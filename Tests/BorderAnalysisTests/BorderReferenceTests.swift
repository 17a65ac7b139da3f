import BorderModel
import Foundation
import Testing
import TestSupport
@testable import Geodesy

/// The engine against the exact GeographicLib oracle (scripts/reference/make_border_references.py):
/// centimetres from the border, beside its longest (17 km) edges, beyond both ends, far away.
@Suite struct BorderReferenceTests {
    @Test func distancesMatchTheOracleWithinAMicrometre() throws {
        let border = try Fixtures.border().line
        let references = try Fixtures.csv(Fixtures.repository.appendingPathComponent("Tests/BorderAnalysisTests/Resources/border-references.csv"))
        #expect(references.count > 50)
        for reference in references {
            let point = Coordinate(longitude: Double(reference["lon"]!)!, latitude: Double(reference["lat"]!)!)
            let nearest = border.nearestPoint(to: point)
            let expected = Double(reference["distance_m"]!)!
            #expect(abs(nearest.distance - expected) < 1e-6, "\(reference["id"]!): \(nearest.distance) vs \(expected)")
            #expect(abs(nearest.chainage - Double(reference["chainage_m"]!)!) < 0.01, "\(reference["id"]!) chainage")
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
    /// The points lie along the whole border on both sides: within metres, within 2 km, and hundreds
    /// of km away, in runs of neighbours (so the hint of the last search in their cell is used); half
    /// the runs are around a vertex, where the foot is often the vertex itself, shared by two edges.
    @Test func startingPieceChangesNothing() throws {
        let border = try Fixtures.border().line
        let seed = testSeed(11)
        var generator = SplitMix64(seed: seed)
        var hints = NearestPointHints(slots: 64)
        var sides: [LineSide: Int] = [:], withinTenMetres = 0, withinTwoKilometres = 0, beyondHundredKilometres = 0
        var hinted = 0, innerVertexFeet = 0
        for run in 0..<60 {
            // A foot on the line (a vertex, or anywhere along an edge), and the run's directions from it:
            // any, or square to the edge on either side; far runs keep to one side.
            let edge = 1 + Int(generator.next() % UInt64(border.edgeCount - 1))
            let aroundVertex = run % 2 == 0
            let (foot, azimuth) = border.segment(edge).position(at: aroundVertex ? 0 : generator.unit() * border.segment(edge).length)
            let farMetres = 100_000 + generator.unit() * 600_000, farSide = generator.unit() < 0.5 ? 90.0 : -90.0
            for _ in 0..<5 {
                let side = aroundVertex ? generator.unit() * 360 : generator.unit() < 0.5 ? 90.0 : -90.0
                let (offset, metres) = switch run % 3 {
                case 0: (side, 0.001 + generator.unit() * 10)
                case 1: (side, generator.unit() * 2_000)
                default: (farSide, farMetres + (generator.unit() - 0.5) * 2_000)
                }
                let point = Geodesic.wgs84.direct(from: foot, azimuth: azimuth + offset, distance: metres)
                let plain = border.nearestPoint(to: point)
                let hint = Int(generator.next() % UInt64(border.index.pieces.count))
                var scratch = SearchScratch()
                #expect(border.nearestPoint(to: point, startingFrom: hint, scratch: &scratch).nearest == plain, "seed \(seed) \(point)")
                var tiny = SearchScratch(keptLimit: 1)                  // forces the second walk of the tree
                #expect(border.nearestPoint(to: point, startingFrom: hint, scratch: &tiny).nearest == plain, "seed \(seed) \(point)")
                if hints.piece(near: point) != nil { hinted += 1 }
                #expect(border.nearestPoint(to: point, hints: &hints) == plain, "seed \(seed) \(point)")
                if plain.distance < 2_000, let side = plain.side { sides[side, default: 0] += 1 }
                if plain.distance < 10 { withinTenMetres += 1 } else if plain.distance <= 2_000 { withinTwoKilometres += 1 }
                if plain.distance > 100_000 { beyondHundredKilometres += 1 }
                if !plain.isAtEnd && [border.chainage[plain.edge], border.chainage[plain.edge + 1]].contains(plain.chainage) { innerVertexFeet += 1 }
            }
        }
        // The points are what this test says they are.
        #expect(sides[.left, default: 0] > 30 && sides[.right, default: 0] > 30, "seed \(seed): \(sides)")
        #expect(withinTenMetres > 50 && withinTwoKilometres > 50 && beyondHundredKilometres > 50, "seed \(seed)")
        #expect(hinted > 150 && innerVertexFeet > 30, "seed \(seed): \(hinted) searches from a hint, \(innerVertexFeet) feet at a vertex")
    }
}
