import Foundation
import Testing

/// The report's chart of incidents along the border and the fence over time, read back from the
/// HTML's SVG through its own scale (`data-km-per-unit`, `data-km0-x`) and checked against
/// sources the chart does not use: incidents.csv, fence.geojson and `border coverage --format json`.
@Suite struct ReportChartTests {
    static let html = Shared<String> {
        let file = try CLI.temporaryFolder().appendingPathComponent("report.html")
        _ = try CLI.run(["report", "--format", "html", "-o", file.path]).expecting(0)
        return try String(contentsOf: file, encoding: .utf8)
    }

    /// The chart's `<svg>…</svg>` in a report's HTML.
    static func chart(in html: String) throws -> String {
        let marker = try #require(html.range(of: #"class="chainage-chart""#), "no chart in the report")
        let start = try #require(html[..<marker.lowerBound].range(of: "<svg", options: .backwards))
        let end = try #require(html[marker.upperBound...].range(of: "</svg>"))
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// The chart's scale: km per SVG unit across, and the x of km 0.
    static func scale(_ svg: SVGElements) throws -> (kmPerUnit: Double, km0: Double) {
        let root = try #require(svg.elements.first)
        return (try #require(root.number("data-km-per-unit")), try #require(root.number("data-km0-x")))
    }

    /// One circle per dated bundled incident (a date in incidents.csv, counted here from the file),
    /// each at the chainage `border distances` gives it, later dates higher up.
    @Test func everyDatedIncidentIsOneCircleAtItsChainage() throws {
        let html = try Self.html.get()
        #expect(html.contains("<h2>Incidents along the border and the fence over time</h2>"))
        let svg = try SVGElements(try Self.chart(in: html))
        let records = csvRecords(try String(contentsOf: CLI.repository.appendingPathComponent("data/incidents.csv"), encoding: .utf8))
        let (idColumn, dateColumn) = (try #require(records[0].firstIndex(of: "id")), try #require(records[0].firstIndex(of: "date")))
        let dated = records.dropFirst().filter { $0[dateColumn].wholeMatch(of: /\d{4}(-\d{2}(-\d{2})?)?/) != nil }
        let circles = svg.elements.indices.filter { svg.elements[$0].name == "circle" && svg.elements[$0].attributes["class"] == "incident" }
        #expect(circles.count == dated.count && dated.count == records.count - 1, "\(circles.count) circles, \(dated.count) dated rows")

        let json = try CLI.run(["distances", "--format", "json", "--columns", "chainage_km"]).expecting(0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let chainage = Dictionary(rows.map { ($0["id"] as? String ?? "", ($0["chainage_km"] as? NSNumber)?.doubleValue ?? .nan) }) { a, _ in a }
        let (kmPerUnit, km0) = try Self.scale(svg)
        var placed: [(date: String, y: Double)] = []
        for (index, row) in zip(circles, dated) {
            let circle = svg.elements[index]
            #expect(svg.title(of: index)?.hasPrefix(row[idColumn] + ": " + row[dateColumn] + ", ") == true, "\(row[idColumn])")
            let x = try #require(circle.number("cx")), km = try #require(chainage[row[idColumn]])
            #expect(abs(x - (km0 + km / kmPerUnit)) <= 0.006, "\(row[idColumn]): cx \(x) for km \(km)")
            placed.append((row[dateColumn], try #require(circle.number("cy"))))
        }
        for (a, b) in zip(placed, placed.dropFirst()) where a.date < b.date { #expect(a.y > b.y, "\(a.date) drawn above \(b.date)") }
    }

    /// The last band starts at the latest completion date of the built segments (read from
    /// fence.geojson) and its rectangles are the complement of `border coverage`'s gaps, their
    /// widths through the chart's scale summing to its `covered_km` (each width within 0.01 unit).
    @Test func theLastBandIsTheCoverageOfBorderCoverage() throws {
        let svg = try SVGElements(try Self.chart(in: try Self.html.get()))
        let json = try CLI.run(["coverage", "--format", "json"]).expecting(0)
        let coverage = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        func number(_ any: Any?) -> Double { (any as? NSNumber)?.doubleValue ?? .nan }
        let (borderKm, coveredKm) = (number(coverage["border_km"]), number(coverage["covered_km"]))
        let gaps = try #require(coverage["gaps"] as? [[String: Any]]).map { (number($0["start_km"]), number($0["end_km"])) }
        let ends = [0.0] + gaps.flatMap { [$0.0, $0.1] } + [borderKm]
        let covered = stride(from: 0, to: ends.count, by: 2).map { (ends[$0], ends[$0 + 1]) }.filter { $0.1 > $0.0 }

        let fence = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: CLI.repository.appendingPathComponent("data/fence.geojson"))) as? [String: Any])
        let built = try #require(fence["features"] as? [[String: Any]]).compactMap { $0["properties"] as? [String: Any] }.filter { $0["status"] as? String == "built" }
        let latest = try #require(built.compactMap { $0["completed"] as? String }.max())

        let bands = svg.elements.indices.filter { svg.elements[$0].attributes["class"] == "fence-band" }
        let last = try #require(bands.max { (svg.elements[$0].attributes["data-from"] ?? "") < (svg.elements[$1].attributes["data-from"] ?? "") })
        #expect(svg.elements[last].attributes["data-from"] == latest)
        let rects = svg.elements.filter { $0.parent == last && $0.name == "rect" }
        let (kmPerUnit, km0) = try Self.scale(svg)
        let widths = rects.compactMap { $0.number("width") }
        #expect(widths.count == rects.count && rects.count == covered.count, "\(rects.count) rectangles for \(covered.count) covered stretches")
        #expect(abs(widths.reduce(0, +) * kmPerUnit - coveredKm) <= Double(rects.count) * 0.01 * kmPerUnit,
                "\(widths.reduce(0, +) * kmPerUnit) km drawn, \(coveredKm) km covered")
        for (rect, stretch) in zip(rects, covered) {
            let (x, width) = (rect.number("x") ?? .nan, rect.number("width") ?? .nan)
            #expect(abs(x - (km0 + stretch.0 / kmPerUnit)) <= 0.006 && abs(x + width - (km0 + stretch.1 / kmPerUnit)) <= 0.011,
                    "rectangle \(x)+\(width) for km \(stretch.0)–\(stretch.1)")
        }
    }

    /// An id with markup and an ampersand is text in the chart; an undated row is counted, not drawn.
    @Test func incidentTextsAreEscapedAndUndatedOnesCounted() throws {
        let id = "<script>alert(1)</script>&x"
        let input = try CLI.temporaryFolder().appendingPathComponent("odd.csv")
        try "id,date,lat,lon\n\(id),2021-05,27.2,62.6\nundated,,26.5,62.0\n".write(to: input, atomically: true, encoding: .utf8)
        let html = try CLI.run(["report", input.path, "--format", "html"]).expecting(0).stdout
        #expect(!html.contains("<script"))
        let chart = try Self.chart(in: html)
        #expect(chart.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt;&amp;x: 2021-05, "))
        let svg = try SVGElements(chart)
        let circles = svg.elements.indices.filter { svg.elements[$0].attributes["class"] == "incident" }
        #expect(circles.count == 1 && svg.title(of: circles[0])?.hasPrefix(id + ": 2021-05, ") == true)
        #expect(html.contains("1 incident without a date is not shown."))
    }
}
