import Foundation
import Testing

/// The report's coverage figures, chart and map: equal to `border coverage` (its JSON), and against
/// report_reference.py (GeographicLib: the built fence's stretches with the 1 km tolerance, the
/// timeline per completion date, the map's points in UTM 41N from the Krüger series, not PROJ).
@Suite struct ReportCoverageTests {
    @Test func coverageFiguresEqualThoseOfBorderCoverage() throws {
        let json = try CLI.run(["coverage", "--format", "json"]).expecting(0)
        let coverage = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        func text(_ any: Any?, _ decimals: Int) -> String { String(format: "%.\(decimals)f", (any as? NSNumber)?.doubleValue ?? .nan) }

        let summary = Dictionary(uniqueKeysWithValues: try ReportCommandTests.table(startingWith: "figure").map { ($0[0], $0[1]) })
        #expect(summary["fenced (covered)"] == text(coverage["covered_km"], 3) + " km")
        #expect(summary["coverage"] == text(coverage["coverage_pct"], 2) + " %")
        #expect(summary["border length (geodesic)"] == text(coverage["border_km"], 3) + " km")
        let gaps = try #require(coverage["gaps"] as? [[String: Any]])
        #expect(summary["gaps"] == String(gaps.count))
        let reportedGaps = try ReportCommandTests.table(startingWith: "#")
        #expect(reportedGaps.map { [$0[1], $0[2], $0[3]] } == gaps.map { [text($0["start_km"], 3), text($0["end_km"], 3), text($0["length_km"], 3)] })
        let sectors = try #require(coverage["sectors"] as? [[String: Any]])
        #expect(try ReportCommandTests.table(startingWith: "sector").map { [$0[0], $0[2]] } == sectors.map { [$0["name"] as? String ?? "", text($0["covered_km"], 3)] })
    }

    /// Summary, gaps and sectors within 20 m (the reference's stretch ends are a few metres short at most).
    @Test func coverageFiguresAgreeWithTheReference() throws {
        guard let expected = try ReportReference.available({ try ReportReference.bundled.get() }) else { return }
        let coverage = try #require(expected.coverage)
        func km(_ text: String?) -> Double { Double(text?.components(separatedBy: " ").first ?? "") ?? .nan }
        let summary = Dictionary(uniqueKeysWithValues: try ReportCommandTests.table(startingWith: "figure").map { ($0[0], $0[1]) })
        let coveredKm = coverage.covered.map { $0[1] - $0[0] }.reduce(0, +)
        #expect(abs(km(summary["border length (geodesic)"]) - coverage.borderKm) < 0.0005)
        #expect(abs(km(summary["fenced (covered)"]) - coveredKm) < 0.02)
        #expect(abs(km(summary["coverage"]) - 100 * coveredKm / coverage.borderKm) < 0.01)
        #expect(summary["gaps"] == String(coverage.gaps.count))
        let longest = coverage.gaps.map { $0[1] - $0[0] }.max() ?? .nan
        #expect(abs(km(summary["longest gap"]) - longest) < 0.02)
        let gaps = try ReportCommandTests.table(startingWith: "#")
        #expect(gaps.count == coverage.gaps.count)
        for (row, gap) in zip(gaps, coverage.gaps) {
            #expect(abs(km(row[1]) - gap[0]) < 0.02 && abs(km(row[2]) - gap[1]) < 0.02 && abs(km(row[3]) - (gap[1] - gap[0])) < 0.02, "\(row) \(gap)")
        }
        let sectors = try ReportCommandTests.table(startingWith: "sector")
        #expect(sectors.map { $0[0] } == coverage.sectors.map(\.name))
        for (row, sector) in zip(sectors, coverage.sectors) {
            #expect(abs(km(row[1]) - sector.lengthKm) < 0.0005 && abs(km(row[2]) - sector.coveredKm) < 0.02, "\(row)")
            #expect(abs(km(row[3]) - 100 * sector.coveredKm / sector.lengthKm) < 0.015, "\(row)")
        }
    }

    /// The step chart read through its own axes (the "N %" grid lines and the year labels): one step
    /// per completion date, at that date, up to the covered length the reference finds for it.
    @Test func timelineChartShowsTheReferenceTimeline() throws {
        guard let expected = try ReportReference.available({ try ReportReference.bundled.get() }) else { return }
        let coverage = try #require(expected.coverage)
        let svg = try SVGElements(try ReportCommandTests.written.get().chart)
        var gridY: [Int: Double] = [:]
        for (index, element) in svg.elements.enumerated() where element.name == "path" && element.attributes["stroke"] == "#ddd" {
            if let percent = Int(svg.elements[index + 1].text.replacingOccurrences(of: " %", with: "")),
               let y = pathPoints(element.attributes["d"] ?? "").first?.first?.y { gridY[percent] = y }
        }
        // A year label is drawn 14 px left of its tick.
        let years = svg.elements.compactMap { e in Int(e.text).flatMap { year in e.number("x").map { (Double(year), $0 + 14) } } }.filter { $0.0 > 1900 }
        let (zero, full) = (try #require(gridY[0]), try #require(gridY[100]))
        let height = try #require(svg.elements.first?.number("height"))
        #expect(0 <= full && full < zero && zero <= height, "the 0 % and 100 % lines inside the chart")
        let (first, last) = (try #require(years.first), try #require(years.last))
        func x(_ date: String) -> Double {
            let parts = date.split(separator: "-").compactMap { Double($0) }
            let year = parts[0] + (parts.count > 1 ? parts[1] - 1 : 0) / 12 + (parts.count > 2 ? parts[2] - 1 : 0) / 365
            return first.1 + (year - first.0) / (last.0 - first.0) * (last.1 - first.1)
        }
        func y(_ km: Double) -> Double { zero + (full - zero) * km / coverage.borderKm }

        let curve = try #require(svg.drawn("path").first { $0.attributes["stroke-width"] == "2.5" })
        let points = try #require(pathPoints(curve.attributes["d"] ?? "").first)
        try #require(points.count == 2 + 2 * coverage.timeline.count, "\(points.count) points for \(coverage.timeline.count) dates")
        #expect(abs(points[0].x - first.1) < 0.06 && abs(points[0].y - zero) < 0.06, "starts at 0 km on the first year")
        for (index, entry) in coverage.timeline.enumerated() {
            let (along, up) = (points[1 + 2 * index], points[2 + 2 * index])
            #expect(abs(along.x - x(entry.date)) < 0.15, "\(entry.date): x \(along.x), expected \(x(entry.date))")
            #expect(abs(up.x - along.x) < 0.001, "\(entry.date): a vertical step")
            #expect(abs(up.y - y(entry.coveredKm)) < 0.1, "\(entry.date): y \(up.y) for \(entry.coveredKm) km, expected \(y(entry.coveredKm))")
        }
        #expect(abs(points[points.count - 1].x - last.1) < 0.06, "ends on the last year")
    }

    @Test func mapDrawsTheFencedStretchesAndGapsWhereTheReferencePutsThem() throws {
        guard let expected = try ReportReference.available({ try ReportReference.bundled.get() }) else { return }
        let coverage = try #require(expected.coverage)
        let (covered, gaps) = (try #require(expected.map.covered), try #require(expected.map.gaps))
        let svg = try SVGElements(try ReportCommandTests.written.get().map)
        let frame = try MapFrame(svg, places: expected.map.places)
        let legend = svg.legend()
        let gapKey = try #require(legend["gap: no built fence within 1 km"])
        let gapColour = try #require(gapKey.attributes["stroke"])

        // The border by fence status, in chainage order: each stretch from its start to its end.
        let stretches = (zip(coverage.covered, covered).map { (start: $0.0[0], fenced: true, ends: $0.1) }
            + zip(coverage.gaps, gaps).map { (start: $0.0[0], fenced: false, ends: $0.1) }).sorted { $0.start < $1.start }
        let border = svg.drawn("path").filter { $0.attributes["stroke-width"] == "2.2" }
        #expect(border.count == stretches.count)
        #expect(Set(border.filter { $0.attributes["stroke"] != gapColour }.map { $0.attributes["stroke"] }).count == 1, "one colour for fenced")
        for (path, stretch) in zip(border, stretches) {
            #expect((path.attributes["stroke"] != gapColour) == stretch.fenced, "stretch from km \(stretch.start)")
            frame.expectEnds(of: path, at: stretch.ends, "border stretch from km \(stretch.start)")
        }
        // Each gap drawn again, dashed as in the legend, over the fence.
        let dashed = svg.drawn("path").filter { $0.attributes["stroke-dasharray"] == gapKey.attributes["stroke-dasharray"] }
        #expect(dashed.count == gaps.count && dashed.allSatisfy { $0.attributes["stroke"] == gapColour })
        for (path, ends) in zip(dashed, gaps) { frame.expectEnds(of: path, at: ends, "gap") }
    }

    @Test func mapDrawsTheFenceAndTheIncidents() throws {
        guard let expected = try ReportReference.available({ try ReportReference.bundled.get() }) else { return }
        let svg = try SVGElements(try ReportCommandTests.written.get().map)
        let frame = try MapFrame(svg, places: expected.map.places)
        let legend = svg.legend()
        let fence = try #require(expected.map.fence)
        let drawn = svg.drawn("path").filter { $0.attributes["stroke-width"] == "4" }
        #expect(drawn.count == fence.count)
        for (path, segment) in zip(drawn, fence) {
            let label = "fence " + segment.status.replacingOccurrences(of: "_", with: " ") + "*"
            #expect(path.attributes["stroke"] == legend[label]?.attributes["stroke"], "\(label)")
            frame.expectEnds(of: path, at: [segment.first, segment.last], "\(segment.status) segment")
        }
        // Incidents inside the frame, sized by killed + injured, coloured by side.
        let circles = svg.elements.indices.filter { svg.elements[$0].name == "circle" && svg.elements[$0].groupDepth == 0 && svg.title(of: $0) != nil }
        let inside = expected.map.incidents.filter { frame.contains(frame.pixel($0.utm)) }
        #expect(circles.count == inside.count)
        let sideColour = ["PK": legend["incident, Pakistani side"]?.attributes["fill"], "IR": legend["incident, Iranian side"]?.attributes["fill"]]
        for (index, incident) in zip(circles, inside) {
            let circle = svg.elements[index]
            let (x, y) = frame.pixel(incident.utm)
            #expect(abs((circle.number("cx") ?? .nan) - x) < 0.12 && abs((circle.number("cy") ?? .nan) - y) < 0.12, "\(incident.id)")
            #expect(abs((circle.number("r") ?? .nan) - (3 + 2 * Double(incident.casualties).squareRoot())) < 0.051, "\(incident.id)")
            #expect(svg.title(of: index) == "\(incident.id): \(incident.casualties) casualties, \(incident.km) km from the border")
            #expect(circle.attributes["fill"] == sideColour[incident.side] ?? nil, "\(incident.id) on side \(incident.side)")
        }
        // The scale bar's 100 km at the map's scale.
        let bar = try #require(svg.elements.first { $0.name == "path" && $0.groupDepth == 1 && $0.attributes["stroke-width"] == "1.5" })
        let barEnd = try #require(pathPoints(bar.attributes["d"] ?? "").first?.last?.x)
        #expect(abs(barEnd - 100_000 * frame.scale) < 0.06)
    }

    @Test func coverageGeoJSONIsReadByGDAL() throws {
        let folder = try CLI.temporaryFolder()
        for (format, name, driver) in [("geojson", "c.geojson", "GeoJSON"), ("geojsonseq", "c.geojsons", "GeoJSONSeq")] {
            let file = folder.appendingPathComponent(name)
            _ = try CLI.run(["coverage", "--format", format, "-o", file.path]).expecting(0)
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

/// The map's UTM 41N → pixel mapping (x = sE + a, y = b − sN), fitted to the labelled place markers.
struct MapFrame {
    var scale: Double, offsetX: Double, offsetY: Double, width: Double, height: Double

    init(_ svg: SVGElements, places: [String: [Double]]) throws {
        // A place marker (r 2.5, no title) followed by its label, for towns and cities.
        var pairs: [(e: Double, n: Double, x: Double, y: Double)] = []
        let drawn = svg.elements.filter { $0.groupDepth == 0 && $0.parent != nil }
        for (marker, label) in zip(drawn, drawn.dropFirst()) where marker.name == "circle" && marker.attributes["r"] == "2.5" && label.name == "text" {
            if let utm = places[label.text], let x = marker.number("cx"), let y = marker.number("cy") { pairs.append((utm[0], utm[1], x, y)) }
        }
        guard pairs.count >= 3 else { throw CommandFailed(description: "only \(pairs.count) labelled places on the map") }
        let count = Double(pairs.count)
        let (me, mn) = (pairs.map(\.e).reduce(0, +) / count, pairs.map(\.n).reduce(0, +) / count)
        let (mx, my) = (pairs.map(\.x).reduce(0, +) / count, pairs.map(\.y).reduce(0, +) / count)
        scale = pairs.map { ($0.e - me) * ($0.x - mx) - ($0.n - mn) * ($0.y - my) }.reduce(0, +)
            / pairs.map { ($0.e - me) * ($0.e - me) + ($0.n - mn) * ($0.n - mn) }.reduce(0, +)
        (offsetX, offsetY) = (mx - scale * me, my + scale * mn)
        let root = try #require(svg.elements.first)
        (width, height) = (root.number("width") ?? 0, root.number("height") ?? 0)
        // Every marker where the fit puts it (coordinates are drawn to 0.1 px): the map is UTM 41N.
        let worst = pairs.map { p in let (x, y) = pixel([p.e, p.n]); return max(abs(x - p.x), abs(y - p.y)) }.max() ?? .infinity
        #expect(worst < 0.1, "place markers are up to \(worst) px from UTM 41N")
    }

    func pixel(_ utm: [Double]) -> (Double, Double) { (scale * utm[0] + offsetX, offsetY - scale * utm[1]) }
    func contains(_ p: (Double, Double)) -> Bool { p.0 >= 0 && p.0 <= width && p.1 >= 0 && p.1 <= height }

    /// A drawn line starts and ends at these points: 0.7 px, as the map drops vertices within 0.6 px
    /// of the last one kept (at this scale 0.7 px is about 0.8 km).
    func expectEnds(of path: SVGElements.Element, at ends: [[Double]], _ what: String) {
        guard let points = pathPoints(path.attributes["d"] ?? "").first, let first = points.first, let last = points.last, ends.count == 2 else {
            Issue.record("\(what): no line drawn")
            return
        }
        for (drawn, end, name) in [(first, ends[0], "start"), (last, ends[1], "end")] {
            let (x, y) = pixel(end)
            #expect(hypot(drawn.x - x, drawn.y - y) < 0.7, "\(what): \(name) drawn at \(drawn), expected (\(x), \(y))")
        }
    }
}

extension SVGElements {
    /// The map's legend: each entry's label and the shape drawn beside it.
    func legend() -> [String: Element] {
        var entries: [String: Element] = [:]
        for label in elements where label.name == "text" && label.groupDepth > 0 {
            if let shape = elements.first(where: { $0.parent == label.parent && $0.name != "text" }) { entries[label.text] = shape }
        }
        return entries
    }
}
