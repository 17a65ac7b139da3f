import Foundation
import Testing

@Suite struct CoverageCommandTests {
    @Test func noArgumentsWorksOnTheBundledDataAndPrintsTheCaveat() throws {
        let result = try CLI.run(["coverage"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("CAVEAT: SAMPLE data"))
        #expect(result.stdout.contains("border     1022.981 km"))
        #expect(result.stdout.contains("Timeline"))
    }

    @Test func jsonHasTheContractKeys() throws {
        let result = try CLI.run(["coverage", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        #expect(Set(object.keys) == ["border_km", "covered_km", "coverage_pct", "gaps", "sectors", "timeline", "caveat",
                                     "filters", "longest_gap", "incidents_near_gaps"])
        let border = object["border_km"] as! Double, covered = object["covered_km"] as! Double
        #expect(abs(border - 1022.981) < 0.001)
        #expect(abs(object["coverage_pct"] as! Double - (100 * covered / border)) < 0.01)
        let gaps = object["gaps"] as! [[String: Any]]
        for gap in gaps {
            #expect(abs((gap["end_km"] as! Double) - (gap["start_km"] as! Double) - (gap["length_km"] as! Double)) < 0.002)
        }
        let gapTotal = gaps.reduce(0.0) { $0 + ($1["length_km"] as! Double) }
        #expect(abs(gapTotal + covered - border) < 0.01)
        #expect((object["caveat"] as? String)?.contains("ASSUMED") == true)
        #expect((object["sectors"] as! [Any]).count == 5)
    }

    @Test func asOfAndSideFilterTheSegments() throws {
        // Before the first reported completion nothing stands; Iran's walls are never reported complete.
        let early = try CLI.run(["coverage", "--format", "json", "--as-of", "2019-01-01"])
        #expect(early.status == 0, "\(early.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(early.stdout.utf8)) as! [String: Any]
        #expect(object["covered_km"] as? Double == 0)
        let iran = try CLI.run(["coverage", "--format", "csv", "--side", "IR"])
        #expect(iran.stdout.hasPrefix("start_km,end_km,length_km,start_lon,start_lat,end_lon,end_lat,nearest_place_start,nearest_place_end"))
        #expect(iran.stdout.contains("0.000,1022.981,1022.981,"))
    }

    @Test func csvChainageRangesAndGeoJSONOutput() throws {
        let folder = try CLI.temporaryFolder()
        let fence = folder.appendingPathComponent("fence.csv")
        try "start_km,end_km,status,side,kind,completed,source\n100,200,built,PK,fence,2020-01-01,test\n"
            .write(to: fence, atomically: true, encoding: .utf8)
        let target = folder.appendingPathComponent("coverage.geojson")
        let result = try CLI.run(["coverage", "--fence", fence.path, "--tolerance", "0.001", "--format", "geojson", "-o", target.path])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: target)) as! [String: Any]
        #expect(object["crs"] == nil)
        let features = object["features"] as! [[String: Any]]
        let layers = features.map { ($0["properties"] as! [String: Any])["layer"] as! String }
        #expect(layers == ["gap", "fence", "gap"])
        let fenced = features[1]["properties"] as! [String: Any]
        #expect(abs((fenced["length_km"] as! Double) - 100) <= 0.02)
        #expect(fenced["stroke"] as? String != nil)
        let first = ((features[1]["geometry"] as! [String: Any])["coordinates"] as! [[Double]])[0]
        #expect(first[0] > 60 && first[0] < 64 && first[1] > 25 && first[1] < 30)   // lon, lat
    }

    @Test func badOptionsAndBadFencesAreReported() throws {
        #expect(try CLI.run(["coverage", "--side", "AF"]).status == 64)
        #expect(try CLI.run(["coverage", "--as-of", "2020-13-01"]).status == 64)
        #expect(try CLI.run(["coverage", "--status", "finished"]).status == 64)
        let folder = try CLI.temporaryFolder()
        let fence = folder.appendingPathComponent("fence.csv")
        try "start_km,end_km,status,side,kind,completed,source\n100,2000,built,PK,fence,,x\n".write(to: fence, atomically: true, encoding: .utf8)
        let result = try CLI.run(["coverage", "--fence", fence.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("row 2, column end_km, value \"2000\""))
    }
}
