import Foundation
import Testing

@Suite(.serialized) struct ReportCommandTests {
    /// `border report -o FOLDER/report.md`: the Markdown and the two figures written beside it.
    struct Written: Sendable { var markdown: String; var map: String; var chart: String }
    static let written = Shared<Written> {
        let folder = try CLI.temporaryFolder()
        let file = folder.appendingPathComponent("report.md")
        _ = try CLI.run(["report", "-o", file.path]).expecting(0)
        func read(_ name: String) throws -> String { try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) }
        return Written(markdown: try read("report.md"), map: try read("report-map.svg"), chart: try read("report-coverage.svg"))
    }
    static var markdown: String { get throws { try written.get().markdown } }

    /// Rows of the report's Markdown table whose header row starts with `first`.
    static func table(startingWith first: String) throws -> [[String]] { markdownTable(try markdown, startingWith: first) }

    @Test func markdownWrittenToAFileLinksItsFigures() throws {
        let markdown = try Self.markdown
        #expect(markdown.contains("![map](report-map.svg)") && markdown.contains("![coverage](report-coverage.svg)"))
        let written = try Self.written.get()
        #expect(written.map.hasPrefix("<svg") && written.chart.hasPrefix("<svg"))
    }

    /// The report's incident figures are those of `border distances` on the same input.
    @Test func incidentFiguresEqualThoseOfBorderDistances() throws {
        let json = try CLI.run(["distances", "--format", "json"]).expecting(0)
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let rows = objects.map { o -> (id: String, km: Double, chainage: Double, side: String) in
            (o["id"] as? String ?? "", ((o["distance_m"] as? NSNumber)?.doubleValue ?? .nan) / 1000,
             (o["chainage_km"] as? NSNumber)?.doubleValue ?? .nan, o["side"] as? String ?? "")
        }
        let table = try Self.table(startingWith: "id")
        #expect(table.count == rows.count)
        for (row, reported) in zip(rows, table) {
            #expect(reported[0] == row.id)
            #expect(reported[2] == String(format: "%.2f", row.km), "\(row.id)")
            #expect(reported[3] == String(format: "%.1f", row.chainage), "\(row.id)")
            #expect(reported[4] == row.side)
        }
    }

    /// Distances, chainages and sides of the incident table against GeographicLib (report_reference.py).
    @Test func incidentTableAgreesWithTheReference() throws {
        guard let expected = try ReportReference.available({ try ReportReference.bundled.get() }) else { return }
        let table = try Self.table(startingWith: "id")
        #expect(table.map { [$0[0], $0[2], $0[3], $0[4]] } == expected.incidents.map { [$0.id, $0.km, $0.chainageKm, $0.side] })
    }

    /// Count, killed and injured per band: sums over data/incidents.csv by each incident's distance
    /// from GeographicLib, on the bundled data and on probes (an incident on a border vertex, at
    /// 0 km; others either side of 25 km; killed and injured distinct powers of two, so each band's
    /// sums say which incidents it holds and a swap of the two columns shows).
    @Test func casualtiesByBandAgreeWithTheReference() throws {
        guard let expected = try ReportReference.available({ try ReportReference.bundled.get() }),
              let probes = try ReportReference.available({ try ReportReference.probes.get() }) else { return }
        #expect(try Self.table(startingWith: "band") == expected.bands)
        #expect(markdownTable(probes.markdown, startingWith: "band") == probes.expected.bands)
        #expect(probes.expected.bands.first?[1] == "2", "the probe on a border vertex (0 km) and the one at 3 km are in the first band")
    }

    @Test func htmlIsSelfContainedAndChromiumRendersItWithoutErrors() throws {
        let file = try CLI.temporaryFolder().appendingPathComponent("report.html")
        _ = try CLI.run(["report", "--format", "html", "-o", file.path]).expecting(0)
        let html = try String(contentsOf: file, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<svg"))
        for forbidden in ["<script", "<link", "@import", "url(", "@font-face", "<img", "<iframe"] { #expect(!html.contains(forbidden), "\(forbidden)") }
        // The only URL is the SVG namespace name, which is never fetched.
        let urls = html.components(separatedBy: "http").dropFirst().map { String($0.prefix(30)) }
        #expect(urls.allSatisfy { $0.hasPrefix("://www.w3.org/2000/svg\"") }, "\(urls)")
        guard let page = try Chromium.render(file) else { return }
        #expect(page.dom.contains("<h1>Pakistan–Iran border") && page.dom.contains("</svg>"))
        #expect(page.consoleErrors.isEmpty, "\(page.consoleErrors)")
    }
}
