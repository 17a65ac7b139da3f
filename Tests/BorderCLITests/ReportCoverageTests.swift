import Foundation
import Testing

/// The report's coverage figures are those of `border coverage` (its JSON) on the same input.
@Suite struct ReportCoverageTests {
    @Test func coverageFiguresEqualThoseOfBorderCoverage() throws {
        let json = try CLI.run(["coverage", "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let coverage = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        func text(_ any: Any?, _ decimals: Int) -> String { String(format: "%.\(decimals)f", (any as? NSNumber)?.doubleValue ?? .nan) }

        let summary = Dictionary(uniqueKeysWithValues: try ReportCommandTests.table(startingWith: "figure").map { ($0[0], $0[1]) })
        #expect(summary["fenced (covered)"] == text(coverage["covered_km"], 3) + " km")
        #expect(summary["coverage"] == text(coverage["coverage_pct"], 2) + " %")
        #expect(summary["border length (geodesic)"] == text(coverage["border_km"], 3) + " km")
        let gaps = coverage["gaps"] as! [[String: Any]]
        #expect(summary["gaps"] == String(gaps.count))
        let reportedGaps = try ReportCommandTests.table(startingWith: "#")
        #expect(reportedGaps.map { [$0[1], $0[2], $0[3]] } == gaps.map { [text($0["start_km"], 3), text($0["end_km"], 3), text($0["length_km"], 3)] })
        let sectors = coverage["sectors"] as! [[String: Any]]
        #expect(try ReportCommandTests.table(startingWith: "sector").map { [$0[0], $0[2]] } == sectors.map { [$0["name"] as! String, text($0["covered_km"], 3)] })
    }

    @Test func coverageGeoJSONIsReadByGDAL() throws {
        let folder = try CLI.temporaryFolder()
        for (format, name, driver) in [("geojson", "c.geojson", "GeoJSON"), ("geojsonseq", "c.geojsons", "GeoJSONSeq")] {
            let file = folder.appendingPathComponent(name)
            let result = try CLI.run(["coverage", "--format", format, "-o", file.path])
            #expect(result.status == 0, "\(result.stderr)")
            let text = try String(contentsOf: file, encoding: .utf8)
            let features = format == "geojson" ? try GeoJSONChecks.collection(text) : try GeoJSONChecks.sequence(text)
            #expect(!features.isEmpty)
            features.forEach { GeoJSONChecks.checkFeature($0) }
            if let summary = try GeoJSONChecks.gdalSummary(of: file) {
                #expect(summary.driver == driver)
                #expect(summary.rows.allSatisfy { $0.hasPrefix("LINESTRING ") })
                #expect(summary.rows.map { Int($0.split(separator: " ").last!)! }.reduce(0, +) == features.count)
            } else { CLI.toolMissing("ogrinfo not found (Debian gdal-bin)") }
        }
    }
}
