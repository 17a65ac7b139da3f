import Foundation
import Testing
import TestSupport

/// The streamed GeoJSON reader: the rows of a FeatureCollection of several 1 MB chunks, against
/// Python's json module (scripts/reference/geojson_rows.py), and read alike from a file and from
/// standard input.
@Suite struct GeoJSONInputTests {
    /// A seeded FeatureCollection of about 1.6 MB: properties of every JSON type (numbers written
    /// as `0.10`, `1E3`, 20-digit ids; strings with escapes and non-ASCII text; nested values;
    /// null), keys that first appear late and in any order, top-level ids on some features,
    /// members of the collection in any order.
    static func document() -> String {
        var generator = SplitMix64(seed: testSeed(31))
        func pick<T>(_ values: [T]) -> T { values[Int(generator.next() % UInt64(values.count))] }
        let values = [#""plain""#, #""with \"quotes\", a comma\nand a line""#, #""Zāhedān – زاهدان""#, #""tab\there \u00e9 \/""#,
                      "0.10", "-0", "1E3", "12345678901234567890", "3.14159", "true", "false", "null",
                      #"{"b":[1,2.50,{"c":null}],"a":"x"}"#, "[]", #"["",0]"#]
        let keys = ["name", "fatalities", "Zone", "actor_1", "note", "source_scale", "z_late", "feature_id"]
        var features: [String] = []
        for n in 0..<3_000 {
            var members: [String] = []
            let count = Int(generator.next() % 4) + (n > 2_500 ? 1 : 0)
            let chosen = Set((0..<count).map { _ in pick(Array(keys.prefix(n > 2_500 ? keys.count : keys.count - 2))) })
            for key in chosen.sorted().shuffled(using: &generator) {
                members.append(#""\#(key)":\#(pick(values))"#)
            }
            if n % 7 != 0 { members.append(#""id":"p\#(n)""#) }
            members.append(#""pad":"\#(String(repeating: "x", count: 400))""#)
            let lon = 58 + 9 * generator.unit(), lat = 24 + 7.5 * generator.unit()
            let topID = n % 5 == 0 ? #","id":\#(n % 10 == 0 ? "\(n)" : #""f\#(n)""#)"# : ""
            features.append(#"{"type":"Feature","properties":{\#(members.joined(separator: ","))},"geometry":{"type":"Point","coordinates":[\#(lon),\#(lat)]}\#(topID)}"#)
        }
        return #"{"features":[\#n\#(features.joined(separator: ",\n"))\#n],"name":"test","type":"FeatureCollection"}"# + "\n"
    }

    @Test func rowsAreThoseOfPythonsJSONModule() throws {
        let folder = try CLI.temporaryFolder()
        let file = folder.appendingPathComponent("features.geojson")
        try Self.document().write(to: file, atomically: true, encoding: .utf8)
        #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int ?? 0 > 1_500_000, "spans several chunks")
        guard let reference = try CLI.whereReferenceRuns({ try CLI.referenceScript("geojson_rows.py", [file.path]) }) else { return }
        let expected = try reference.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String])
        }
        let written = RFC4180.records(try CLI.run(["distances", file.path, "--format", "csv"]).expecting(0).stdout)
        #expect(written.count == expected.count && expected.count == 3_001)
        for (row, reference) in zip(written, expected) {
            #expect(Array(row.prefix(reference.count)) == reference)
            #expect(row.count == written[0].count, "the computed columns follow the input's")
        }
        #expect(expected[0].contains("z_late") && expected[0].contains("feature_id"))
    }

    /// Standard input is copied for the second pass: the same bytes out as from the file.
    @Test func standardInputIsReadLikeTheFile() throws {
        let document = Self.document()
        let file = try CLI.temporaryFolder().appendingPathComponent("features.geojson")
        try document.write(to: file, atomically: true, encoding: .utf8)
        let fromFile = try CLI.run(["distances", file.path, "--format", "csv"]).expecting(0)
        let fromStandardInput = try CLI.run(["distances", "-", "--input-format", "geojson", "--format", "csv"], stdin: document).expecting(0)
        #expect(fromStandardInput.stdout == fromFile.stdout)
        #expect(fromStandardInput.stderr.contains("3000 rows read, 3000 measured, 0 rejected"))
        let invalid = try CLI.run(["distances", "-", "--input-format", "geojson"], stdin: String(document.dropLast(40)))
        #expect(invalid.status == 1 && invalid.stdout.isEmpty && invalid.stderr.contains("-: not valid JSON"))
    }
}

/// GeoJSON text sequences: newline-delimited and RFC 8142, read in the same blocks as a collection.
@Suite struct GeoJSONSequenceTests {
    /// The collection's features as a sequence, with blank texts and two that are not JSON.
    static func sequence(rfc8142: Bool) -> String {
        let document = GeoJSONInputTests.document()
        let body = document[document.range(of: "[\n")!.upperBound..<document.range(of: "\n],\"name\"")!.lowerBound]
        var features = body.components(separatedBy: ",\n")
        features.insert("{\"type\":\"Feature\",\"properties\":{\"id\":\"cut\"", at: 10)
        features.insert("not json at all", at: 2_000)
        if rfc8142 {
            // RS before each text; a text may span lines.
            return features.map { "\u{1E}" + $0.replacingOccurrences(of: "\"properties\":", with: "\n  \"properties\":") + "\n" }.joined() + "\u{1E}\n"
        }
        return features.joined(separator: "\n\n") + "\n"
    }

    @Test(arguments: [false, true]) func rowsAreThoseOfPythonsJSONModule(rfc8142: Bool) throws {
        let folder = try CLI.temporaryFolder()
        let file = folder.appendingPathComponent(rfc8142 ? "features.geojsons" : "features.txt")     // the second found by content
        try Self.sequence(rfc8142: rfc8142).write(to: file, atomically: true, encoding: .utf8)
        guard let reference = try CLI.whereReferenceRuns({ try CLI.referenceScript("geojson_rows.py", ["--sequence", file.path]) }) else { return }
        let expected = try reference.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String])
        }
        let result = try CLI.run(["distances", file.path, "--format", "csv"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("3002 rows read, 3000 measured, 2 rejected"))
        let cut = rfc8142 ? #"{"type":"Feature",\n  "properties":{"id":"cut""# : #"{"type":"Feature","properties":{"id":"cut""#
        // A row is the text's line (newline-delimited, here every other line is blank) or the number of RS before it.
        let (cutRow, notJSONRow) = rfc8142 ? (11, 2001) : (21, 4001)
        #expect(result.stderr.contains("row \(cutRow), column feature, value \"" + cut + #"": not valid JSON"#))
        #expect(result.stderr.contains(#"row \#(notJSONRow), column feature, value "not json at all": not valid JSON"#))
        let written = RFC4180.records(result.stdout)
        #expect(written.count == expected.count && expected.count == 3_001)
        for (row, reference) in zip(written, expected) { #expect(Array(row.prefix(reference.count)) == reference) }
        let sequential = try CLI.run(["distances", file.path, "--format", "csv", "--threads", "1"])
        #expect(sequential.stdout == result.stdout && sequential.stderr == result.stderr)
        let piped = try CLI.run(["distances", "-", "--input-format", "geojson", "--format", "csv"], stdin: Self.sequence(rfc8142: rfc8142))
        #expect(piped.stdout == result.stdout)
    }
}
