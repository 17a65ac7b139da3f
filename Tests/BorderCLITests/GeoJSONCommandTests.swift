import Foundation
import Testing

@Suite(.serialized) struct GeoJSONCommandTests {
    /// `border geojson` on the bundled data, made once (it builds three geodesic buffers).
    static let made = Shared<(text: String, file: URL)> {
        let file = try CLI.temporaryFolder().appendingPathComponent("map.geojson")
        _ = try CLI.run(["geojson", "-o", file.path]).expecting(0)
        return (try String(contentsOf: file, encoding: .utf8), file)
    }
    static var map: (text: String, file: URL) { get throws { try made.get() } }

    @Test func everyFeatureIsRFC7946WithALayerAndStyling() throws {
        let features = try GeoJSONChecks.collection(try Self.map.text)
        var counts: [String: Int] = [:]
        for feature in features {
            GeoJSONChecks.checkFeature(feature)
            let properties = feature["properties"] as! [String: Any]
            let layer = properties["layer"] as! String
            counts[layer, default: 0] += 1
            #expect(properties["title"] is String && properties["description"] is String, "\(layer) has no title/description")
            let geometry = (feature["geometry"] as! [String: Any])["type"] as! String
            #expect(geometry == "Point" ? properties["marker-color"] is String : properties["stroke"] is String, "\(layer) unstyled")
            if geometry.hasSuffix("Polygon") { #expect(properties["fill"] is String && properties["fill-opacity"] is Double) }
        }
        // Counts from the data files themselves: 31 places, 25 incidents, the fence's own features.
        let fence = try JSONSerialization.jsonObject(with: Data(contentsOf: CLI.repository.appendingPathComponent("data/fence.geojson"))) as! [String: Any]
        #expect(counts["place"] == 31)
        #expect(counts["incident"] == 25 && counts["connector"] == 25)
        #expect(counts["fence"] == (fence["features"] as! [Any]).count)
        #expect(counts["band"] == 3 && counts["region"] == 1)
        #expect((counts["border"] ?? 0) >= 1)
    }

    @Test func incidentsCarryTheComputedColumnsAndConnectorsEndOnTheBorder() throws {
        let features = try GeoJSONChecks.collection(try Self.map.text)
        let incidents = features.filter { ($0["properties"] as! [String: Any])["layer"] as? String == "incident" }
        let connectors = features.filter { ($0["properties"] as! [String: Any])["layer"] as? String == "connector" }
        for (incident, connector) in zip(incidents, connectors) {
            let p = incident["properties"] as! [String: Any]
            for name in ["distance_m", "nearest_lon", "nearest_lat", "chainage_km", "side", "beyond_end", "nearest_place", "band_km"] {
                #expect(p.keys.contains(name), "incident lacks \(name)")
            }
            let line = (connector["geometry"] as! [String: Any])["coordinates"] as! [[Double]]
            let point = (incident["geometry"] as! [String: Any])["coordinates"] as! [Double]
            #expect(line.first! == point)
            #expect(abs(line.last![0] - (p["nearest_lon"] as! Double)) < 1e-6 && abs(line.last![1] - (p["nearest_lat"] as! Double)) < 1e-6)
        }
    }

    /// The map's fenced stretches and gaps are those of `border coverage` (its JSON, same defaults).
    @Test func borderStretchesAndGapsEqualBorderCoverage() throws {
        let coverage = try JSONSerialization.jsonObject(with: Data(CLI.run(["coverage", "--format", "json"]).stdout.utf8)) as! [String: Any]
        let features = try GeoJSONChecks.collection(try Self.map.text).map { $0["properties"] as! [String: Any] }
        let border = features.filter { $0["layer"] as? String == "border" }
        let fenced = border.filter { $0["fenced"] as? Bool == true }.map { $0["length_km"] as! Double }.reduce(0, +)
        #expect(abs(fenced - (coverage["covered_km"] as! Double)) < 0.002)
        let gaps = features.filter { $0["layer"] as? String == "gap" }
        let expected = coverage["gaps"] as! [[String: Any]]
        #expect(gaps.count == expected.count)
        for (gap, reference) in zip(gaps, expected) {
            #expect(abs((gap["start_km"] as! Double) - (reference["start_km"] as! Double)) < 0.001)
            #expect(abs((gap["end_km"] as! Double) - (reference["end_km"] as! Double)) < 0.001)
        }
        // Stretches tile the border: each starts where the previous one ended.
        for (a, b) in zip(border, border.dropFirst()) { #expect(a["end_km"] as! Double == b["start_km"] as! Double) }
    }

    @Test func bandsStateAMeasuredErrorBelowThreeMetres() throws {
        let features = try GeoJSONChecks.collection(try Self.map.text)
        let bands = features.map { $0["properties"] as! [String: Any] }.filter { $0["layer"] as? String == "band" }
        #expect(bands.map { $0["outer_km"] as! Double } == [50, 25, 10])
        #expect(bands.map { $0["inner_km"] as! Double } == [25, 10, 0])
        for band in bands { #expect((band["max_error_m"] as! Double) < 3) }
    }

    @Test func gdalReadsTheMap() throws {
        guard let summary = try GeoJSONChecks.gdalSummary(of: try Self.map.file) else {
            CLI.toolMissing("ogrinfo not found (Debian gdal-bin); scripts/test installs it")
            return
        }
        #expect(summary.driver == "GeoJSON")
        #expect(summary.rows.contains("LINESTRING connector 25"))
        #expect(summary.rows.contains("POINT incident 25"))
        #expect(summary.rows.contains("POINT place 31"))
        #expect(summary.rows.contains("MULTIPOLYGON band 3"))
        #expect(summary.rows.contains("POLYGON region 1"))
        #expect(summary.rows.contains { $0.hasPrefix("LINESTRING border ") })
        #expect(summary.rows.contains { $0.hasPrefix("LINESTRING fence ") })
    }

    @Test func sequenceHasTheSameFeaturesAndGDALReadsIt() throws {
        let file = try CLI.temporaryFolder().appendingPathComponent("map.geojsons")
        let result = try CLI.run(["geojson", "--format", "geojsonseq", "--bands", "10", "--precision", "3", "-o", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        let features = try GeoJSONChecks.sequence(String(contentsOf: file, encoding: .utf8))
        #expect(features.count == (try GeoJSONChecks.collection(Self.map.text)).count - 2)   // one band, not three
        for feature in features {
            GeoJSONChecks.checkFeature(feature)
        }
        // --precision 3: no coordinate has a fourth decimal.
        let raw = try String(contentsOf: file, encoding: .utf8)
        let coordinates = raw.components(separatedBy: "\"coordinates\":").dropFirst().map { $0.prefix { $0 != "}" } }
        #expect(coordinates.allSatisfy { $0.range(of: #"\.\d{4}"#, options: .regularExpression) == nil })
        if let summary = try GeoJSONChecks.gdalSummary(of: file) {
            #expect(summary.driver == "GeoJSONSeq")
            #expect(summary.rows.contains("MULTIPOLYGON band 1"))
            #expect(summary.rows.contains("POINT incident 25"))
        } else { CLI.toolMissing("ogrinfo not found (Debian gdal-bin)") }
    }

    @Test func outputIsDeterministic() throws {
        let a = try CLI.run(["geojson", "--bands", "10", "--format", "geojsonseq"])
        let b = try CLI.run(["geojson", "--bands", "10", "--format", "geojsonseq"])
        #expect(a.status == 0 && a.stdout == b.stdout)
    }

    @Test func distancesGeoJSONAndSequenceAreReadByGDAL() throws {
        let folder = try CLI.temporaryFolder()
        for (format, name, driver) in [("geojson", "d.geojson", "GeoJSON"), ("geojsonseq", "d.geojsons", "GeoJSONSeq")] {
            let file = folder.appendingPathComponent(name)
            let result = try CLI.run(["distances", "--format", format, "-o", file.path])
            #expect(result.status == 0, "\(result.stderr)")
            let text = try String(contentsOf: file, encoding: .utf8)
            let features = format == "geojson" ? try GeoJSONChecks.collection(text) : try GeoJSONChecks.sequence(text)
            #expect(features.count == 25)
            features.forEach { GeoJSONChecks.checkFeature($0) }
            if let summary = try GeoJSONChecks.gdalSummary(of: file) {
                #expect(summary.driver == driver)
                #expect(summary.rows == ["POINT incident 25"])
            } else { CLI.toolMissing("ogrinfo not found (Debian gdal-bin)") }
        }
    }
}
