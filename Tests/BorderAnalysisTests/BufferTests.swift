import BorderAnalysis
import Foundation
import Testing
@testable import Geodesy

@Suite struct BufferTests {
    @Test func bufferOutlineLiesAtTheBandDistance() throws {
        let line = try Fixtures.border().line
        let clock = ContinuousClock()
        for r in [10_000.0, 25_000, 50_000] {
            var result: GeodesicBuffer? = nil
            let t = try clock.measure { result = try line.buffer(distance: r, projection: "EPSG:32641") }
            print("r", r, "time", t, "vertices", result!.vertexCount, "polygons", result!.polygons.count, "rings", result!.polygons.map(\.count), "maxError", result!.maxError)
        }
    }
}
