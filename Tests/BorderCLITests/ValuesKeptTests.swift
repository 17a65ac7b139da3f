import Foundation
import Testing

/// A GeoJSON input's values come out as they went in: `properties.id` (else the top-level `id`)
/// as `id`, the top-level `id` as `feature_id`, numbers with their text, booleans, null, arrays
/// and objects in their JSON form, an absent property left out (CSV: the documented text form).
/// Expected texts are the input's own, written by hand from it.
@Suite struct ValuesKeptTests {
    static let input = #"""
        {"type":"FeatureCollection","features":[
        {"type":"Feature","id":"f-1","properties":{"id":"qgis-1","big":12345678901234567890,"ratio":0.10,"verified":true,"note":null,"tags":["a",1.50],"meta":{"z":1,"a":"x"}},"geometry":{"type":"Point","coordinates":[61.58661,28.94687]}},
        {"type":"Feature","properties":{"id":12,"verified":false},"geometry":{"type":"Point","coordinates":[61.44959,29.0148]}},
        {"type":"Feature","id":3,"properties":{"note":"only a top-level id"},"geometry":{"type":"Point","coordinates":[62.0,26.05]}}]}
        """#

    /// Each feature's input members in JSON output, in header order (the computed `side` follows).
    static let members = [
        #""id":"qgis-1","feature_id":"f-1","big":12345678901234567890,"meta":{"a":"x","z":1},"note":null,"ratio":0.10,"tags":["a",1.50],"verified":true"#,
        #""id":12,"verified":false"#,
        #""id":3,"feature_id":3,"note":"only a top-level id""#,
    ]
    static let sides = ["PK", "IR", "PK"]

    static func file() throws -> String {
        let url = try CLI.temporaryFolder().appendingPathComponent("export.geojson")
        try input.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func csvHasTheTextForms() throws {
        let result = try CLI.run(["distances", try Self.file(), "--format", "csv", "--columns", "side"]).expecting(0)
        #expect(result.stdout == """
            id,feature_id,big,meta,note,ratio,tags,verified,side
            qgis-1,f-1,12345678901234567890,"{""a"":""x"",""z"":1}",,0.10,"[""a"",1.50]",true,PK
            12,,,,,,,false,IR
            3,3,,,only a top-level id,,,,PK

            """)
    }

    @Test func jsonKeepsTheJSONForms() throws {
        let result = try CLI.run(["distances", try Self.file(), "--format", "json", "--columns", "side"]).expecting(0)
        let rows = zip(Self.members, Self.sides).map { "{\($0),\"side\":\"\($1)\"}" }
        #expect(result.stdout == "[\n" + rows.joined(separator: ",\n") + "\n]\n")
    }

    @Test(arguments: ["geojson", "geojsonseq"])
    func geoJSONKeepsTheJSONForms(_ format: String) throws {
        let result = try CLI.run(["distances", try Self.file(), "--format", format, "--columns", "side"]).expecting(0)
        for (members, side) in zip(Self.members, Self.sides) {
            #expect(result.stdout.contains(#""properties":{"layer":"incident",\#(members),"side":"\#(side)"}}"#), "\(members)")
        }
    }

    /// `border geojson`: the incident features carry the same members before their own.
    @Test func theMapKeepsTheJSONForms() throws {
        let result = try CLI.run(["geojson", try Self.file(), "--bands", "10"]).expecting(0)
        for members in Self.members {
            #expect(result.stdout.contains(#""properties":{\#(members),"layer":"incident","#), "\(members)")
        }
        #expect(result.stdout.contains(#""layer":"connector","incident":"qgis-1""#))
    }

    /// The report's map names each incident by its `id`.
    @Test func theReportNamesIncidentsByTheirID() throws {
        let result = try CLI.run(["report", try Self.file(), "--format", "html"]).expecting(0)
        for id in ["qgis-1", "12", "3"] {
            #expect(result.stdout.contains("<title>\(id): 0 casualties"), "\(id)")
        }
    }
}
