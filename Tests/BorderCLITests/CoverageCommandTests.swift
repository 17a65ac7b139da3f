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
        let result = try CLI.run(["coverage", "--format", "json"]).expecting(0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["border_km", "covered_km", "coverage_pct", "gaps", "sectors", "timeline", "caveat",
                                     "filters", "longest_gap", "incidents_near_gaps"])
        #expect((object["caveat"] as? String)?.contains("ASSUMED") == true)
        let output = try CoverageOutput.run([])
        #expect(abs(output.coveragePct - (100 * output.coveredKm / output.borderKm)) < 0.01)
        for gap in output.gaps { #expect(abs(gap.endKm - gap.startKm - gap.lengthKm) < 0.002) }
        #expect(abs(output.gaps.reduce(0) { $0 + $1.lengthKm } + output.coveredKm - output.borderKm) < 0.01)
        #expect(output.sectors.count == 5)
    }

    @Test func asOfAndSideFilterTheSegments() throws {
        // Before the first reported completion nothing stands; Iran's walls are never reported complete.
        #expect(try CoverageOutput.run(["--as-of", "2019-01-01"]).coveredKm == 0)
        let iran = try CLI.run(["coverage", "--format", "csv", "--side", "IR"]).expecting(0)
        #expect(iran.stdout.hasPrefix("start_km,end_km,length_km,start_lon,start_lat,end_lon,end_lat,nearest_place_start,nearest_place_end"))
        #expect(iran.stdout.contains("0.000,1022.981,1022.981,"))
    }

    @Test func csvChainageRangesAndGeoJSONOutput() throws {
        let folder = try CLI.temporaryFolder()
        let fence = folder.appendingPathComponent("fence.csv")
        try "start_km,end_km,status,side,kind,completed,source\n100,200,built,PK,fence,2020-01-01,test\n"
            .write(to: fence, atomically: true, encoding: .utf8)
        let target = folder.appendingPathComponent("coverage.geojson")
        _ = try CLI.run(["coverage", "--fence", fence.path, "--tolerance", "0.001", "--format", "geojson", "-o", target.path]).expecting(0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: target)) as? [String: Any])
        #expect(object["crs"] == nil)
        let features = try #require(object["features"] as? [[String: Any]])
        let properties = try features.map { try #require($0["properties"] as? [String: Any]) }
        #expect(properties.map { $0["layer"] as? String } == ["gap", "fence", "gap"])
        try #require(features.count == 3)
        #expect(abs((properties[1]["length_km"] as? Double ?? 0) - 100) <= 0.02)
        #expect(properties[1]["stroke"] as? String != nil)
        let geometry = try #require(features[1]["geometry"] as? [String: Any])
        let first = try #require((geometry["coordinates"] as? [[Double]])?.first)
        #expect(first[0] > 60 && first[0] < 64 && first[1] > 25 && first[1] < 30)   // lon, lat
    }

    /// `--precision` rounds coverage's GeoJSON as the map's (the one encoder): at most N decimals,
    /// no repeated position, the caveat a member of the collection; GDAL reads it.
    @Test(arguments: [0, 3])
    func geoJSONPrecision(_ decimals: Int) throws {
        let folder = try CLI.temporaryFolder()
        let target = folder.appendingPathComponent("coverage.geojson")
        try CLI.run(["coverage", "--format", "geojson", "--precision", String(decimals), "-o", target.path]).expecting(0)
        let text = try String(contentsOf: target, encoding: .utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect((object["caveat"] as? String)?.hasPrefix("SAMPLE data") == true)
        let features = try #require(object["features"] as? [[String: Any]])
        #expect(features.count == 3)                                // fence, gap, fence
        for feature in features {
            GeoJSONChecks.checkFeature(feature, precision: decimals)
            let line = try #require((feature["geometry"] as? [String: Any])?["coordinates"] as? [[Double]])
            #expect(zip(line, line.dropFirst()).allSatisfy { $0 != $1 }, "a repeated position")
        }
        let coordinates = text.components(separatedBy: "\"coordinates\":").dropFirst().map { $0.prefix { $0 != "}" } }
        #expect(coordinates.allSatisfy { $0.range(of: "\\.\\d{\(decimals + 1)}", options: .regularExpression) == nil })
        #expect(try CLI.run(["coverage", "--precision", "13"]).status == 64)
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
