import Foundation
import Testing
@testable import BorderModel
@testable import Geodesy

/// The edge cache may only ever change the speed of loading: a line built from cached solutions
/// is the line built from scratch, and any file that does not match is ignored.
@Suite struct EdgeCacheTests {
    let vertices = [Coordinate(longitude: 60.872855, latitude: 29.858546), Coordinate(longitude: 61.2, latitude: 29.4),
                    Coordinate(longitude: 61.9, latitude: 28.1), Coordinate(longitude: 61.6, latitude: 25.2)]

    /// Saves the line's edges in a new folder and hands both to `body`; the folder is removed after.
    func withSavedLine(_ body: (GeodesicPolyline, URL, UInt64) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("edge-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let line = try GeodesicPolyline(vertices), key = EdgeSolution.key(vertices)
        EdgeCache.save(line.edges, key: key, to: directory)
        try body(line, directory, key)
    }

    @Test func cachedSolutionsBuildTheSameLine() throws {
        try withSavedLine { fresh, directory, key in
            let cached = try #require(EdgeCache.load(key: key, count: vertices.count - 1, from: directory))
            #expect(cached == fresh.edges)
            let rebuilt = try GeodesicPolyline(vertices, known: cached)
            #expect(rebuilt.chainage == fresh.chainage)
            let probe = Coordinate(longitude: 61.0, latitude: 28.0)
            #expect(rebuilt.nearestPoint(to: probe) == fresh.nearestPoint(to: probe))
        }
    }

    @Test func anythingThatDoesNotMatchIsIgnored() throws {
        try withSavedLine { _, directory, key in
            #expect(EdgeCache.load(key: key &+ 1, count: 3, from: directory) == nil)      // another line
            #expect(EdgeCache.load(key: key, count: 4, from: directory) == nil)          // another count
            #expect(EdgeCache.load(key: key, count: 3, from: nil) == nil)                // cache turned off
            let file = EdgeCache.file(key, in: directory)
            var bytes = try Data(contentsOf: file)
            bytes[40] ^= 1                                                               // one bit of a solution
            try bytes.write(to: file)
            #expect(EdgeCache.load(key: key, count: 3, from: directory) == nil)
            try Data(bytes.prefix(100)).write(to: file)                                 // truncated
            #expect(EdgeCache.load(key: key, count: 3, from: directory) == nil)
        }
    }

    @Test func keyChangesWithAnyVertexBit() {
        var moved = vertices
        moved[2].latitude = moved[2].latitude.nextUp
        #expect(EdgeSolution.key(moved) != EdgeSolution.key(vertices))
        #expect(EdgeSolution.key(Array(vertices.reversed())) != EdgeSolution.key(vertices))
        #expect(EdgeSolution.key(vertices) == EdgeSolution.key(vertices))
    }

    @Test func knownSolutionsOfTheWrongCountAreNotUsed() throws {
        let wrong = [EdgeSolution(length: 1, startAzimuth: 0, endAzimuth: 0)]
        #expect(try GeodesicPolyline(vertices, known: wrong).chainage == GeodesicPolyline(vertices).chainage)
    }
}
