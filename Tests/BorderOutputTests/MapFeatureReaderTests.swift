import BorderInput
import Foundation
import Testing
@testable import BorderOutput

/// The map's layer reader (regions, fence) reads positions as the incident reader does.
@Suite struct MapFeatureReaderTests {
    func read(_ json: String) throws -> [MapFeature] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("layer-\(UUID().uuidString).geojson")
        try json.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        return try MapFeatureReader.read(file)
    }

    func collection(_ coordinates: String, properties: String = "{}") -> String {
        #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":\#(properties),"geometry":{"type":"LineString","coordinates":\#(coordinates)}}]}"#
    }

    @Test func aBooleanIsNotACoordinate() throws {
        #expect(throws: UnusableInput.self) { try read(collection("[[true,28],[62,29]]")) }
        #expect(throws: UnusableInput.self) { try read(collection("[[61,false],[62,29]]")) }
        #expect(try read(collection("[[61,28],[62,29]]")).count == 1)
    }

    @Test func booleanPropertiesStayBooleans() throws {
        let feature = try #require(try read(collection("[[61,28],[62,29]]", properties: #"{"open":true,"n":1}"#)).first)
        #expect(feature.properties.map(\.0) == ["n", "open"])
        #expect(feature.properties[1].1 == .bool(true))
        #expect(feature.properties[0].1 == .json(.number(1, text: "1")))        // a number keeps its text
    }
}
