import Testing
@testable import Geodesy

@Suite struct PROJTests {
    @Test func unknownCRSThrowsPROJMessage() throws {
        let context = try ProjContext()
        #expect {
            _ = try Transformation(from: "EPSG:999999", context: context)
        } throws: { error in
            guard case GeometryError.proj(let message) = error else { return false }
            return message.contains("crs not found")   // PROJ's log text, not its generic errno string
        }
    }

    @Test func utm41NorthToGeographic() throws {
        // pyproj: Transformer.from_crs(4326, 32641, always_xy=True).transform(61.59, 28.97)
        let context = try ProjContext()
        let toUTM = try Transformation(from: "EPSG:4326", to: "EPSG:32641", context: context)
        let (x, y) = try toUTM.transform(x: 61.59, y: 28.97)
        #expect(abs(x - 362_619.0443359298) < 1e-6)
        #expect(abs(y - 3_205_480.7410134035) < 1e-6)
        let back = try Transformation(from: "EPSG:32641", context: context).transform(x: x, y: y)
        #expect(abs(back.x - 61.59) < 1e-9 && abs(back.y - 28.97) < 1e-9)
    }
}
