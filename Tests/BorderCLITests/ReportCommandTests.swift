import Foundation
import Testing

@Suite(.serialized) struct ReportCommandTests {
    /// `border report -o FOLDER/report.md`: the Markdown and the figures written beside it.
    struct Written: Sendable { var markdown: String; var map: String; var chart: String; var chainage: String }
    static let written = Shared<Written> {
        let folder = try CLI.temporaryFolder()
        let file = folder.appendingPathComponent("report.md")
        _ = try CLI.run(["report", "-o", file.path]).expecting(0)
        func read(_ name: String) throws -> String { try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) }
        return Written(markdown: try read("report.md"), map: try read("report-map.svg"), chart: try read("report-coverage.svg"),
                       chainage: try read("report-chainage.svg"))
    }
    static var markdown: String { get throws { try written.get().markdown } }

    /// Rows of the report's Markdown table whose header row starts with `first`.
    static func table(startingWith first: String) throws -> [[String]] { markdownTable(try markdown, startingWith: first) }

    @Test func markdownWrittenToAFileLinksItsFigures() throws {
        let markdown = try Self.markdown
        #expect(markdown.contains("![map](report-map.svg)") && markdown.contains("![coverage](report-coverage.svg)")
                && markdown.contains("![chainage](report-chainage.svg)"))
        let written = try Self.written.get()
        #expect(written.map.hasPrefix("<svg") && written.chart.hasPrefix("<svg") && written.chainage.hasPrefix("<svg"))
    }

    /// The report's incident figures are those of `border distances` on the same input: the
    /// distance (or, for a radius of 1 km or more, the interval over the disc, its lower end
    /// rounded down and its upper end up), the radius, side certainty and line spread.
    @Test func incidentFiguresEqualThoseOfBorderDistances() throws {
        let json = try CLI.run(["distances", "--format", "json", "--columns",
                                "distance_m,chainage_km,side,uncertainty_km,distance_min_m,distance_max_m,side_certain,distance_spread_m"]).expecting(0)
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        func number(_ o: [String: Any], _ key: String) -> Double { (o[key] as? NSNumber)?.doubleValue ?? .nan }
        let table = try Self.table(startingWith: "id")
        #expect(table.count == objects.count)
        for (o, reported) in zip(objects, table) {
            let id = o["id"] as? String ?? ""
            #expect(reported[0] == id)
            let radius = number(o, "uncertainty_km")
            let km = radius >= 1 ? ReportReference.down(number(o, "distance_min_m")) + "–" + ReportReference.up(number(o, "distance_max_m"))
                : String(format: "%.2f", number(o, "distance_m") / 1000)
            #expect(reported[2] == km, "\(id)")
            #expect(reported[3] == String(format: "%.1f", number(o, "chainage_km")), "\(id)")
            #expect(reported[4] == o["side"] as? String)
            #expect(Double(reported[7]) == radius, "\(id)")
            #expect(reported[8] == ((o["side_certain"] as? Bool) == true ? "yes" : "no"), "\(id)")
            #expect(reported[9] == String(format: "%.1f", number(o, "distance_spread_m") / 1000), "\(id)")
        }
    }

    /// Distances, chainages and sides of the incident table against GeographicLib (report_reference.py),
    /// and each incident's interval, radius, side certainty and spread against the independent
    /// references of `ReferenceIncident`: the interval's lower end max(0, d − r) from the exact d,
    /// its upper end the committed search's maximum (the report's is at most 1 m above the true
    /// maximum, which is at least the searched one), the spread from spread_reference.py.
    @Test func incidentTableAgreesWithTheReference() throws {
        guard let expected = try ReportReference.available({ try ReportReference.bundled.get() }),
              let incidents = try ReportReference.available({ try ReportReference.bundledIncidents.get() }) else { return }
        let table = try Self.table(startingWith: "id")
        #expect(table.map { [$0[0], $0[3], $0[4]] } == expected.incidents.map { [$0.id, $0.chainageKm, $0.side] })
        #expect(table.count == incidents.count)
        for (row, incident) in zip(table, incidents) {
            #expect(row[0] == incident.id)
            #expect(row[7] == FixedPointKey.plain(incident.radiusMetres / 1000), "\(incident.id)")
            #expect(row[9] == String(format: "%.1f", incident.spreadMetres / 1000), "\(incident.id)")
            // A disc that reaches the border holds points of both sides: never side-certain.
            if incident.radiusMetres >= incident.distanceMetres { #expect(row[8] == "no", "\(incident.id)") }
            guard incident.radiusMetres >= 1000 else {
                #expect(row[2] == expected.incidents.first { $0.id == incident.id }?.km, "\(incident.id)")
                continue
            }
            let ends = row[2].components(separatedBy: "–")
            #expect(ends.count == 2 && ends[0] == ReportReference.down(incident.minMetres), "\(incident.id): \(row[2])")
            guard let searched = incident.searchedMaxMetres else { Issue.record("\(incident.id): no committed disc maximum"); continue }
            // Rounded up from a value in [searched, true max + 1 m]: the searched one's rounding, or (at a
            // 100 m boundary) the next; never below the searched maximum nor above d + r.
            let upper = Double(ends.last ?? "") ?? .nan
            #expect(upper * 1000 >= searched && upper * 1000 < incident.maxAtMostMetres + 100, "\(incident.id): \(row[2])")
            #expect(ends.last == ReportReference.up(searched) || ends.last == ReportReference.up(searched + 1), "\(incident.id): \(row[2]) vs \(searched) m")
        }
    }

    /// Count, killed and injured per band. An incident counts in a band only when its whole interval
    /// lies in it (`ReportReference.bandRows`, from the independent bounds on each interval), the
    /// rest in "uncertain band"; on the bundled data (README's radii) and on probes (an incident on
    /// a border vertex, at 0 km; others either side of 25 km; one at geo_precision 3 with a 100 km
    /// radius; killed and injured distinct powers of two, so each band's sums say which incidents
    /// it holds and a swap of the two columns shows). With radius 0 for every row the table is that
    /// of the incidents' own distances, report_reference.py's.
    @Test func casualtiesByBandAgreeWithTheReference() throws {
        guard let expected = try ReportReference.available({ try ReportReference.bundled.get() }),
              let incidents = try ReportReference.available({ try ReportReference.bundledIncidents.get() }),
              let probes = try ReportReference.available({ try ReportReference.probes.get() }) else { return }
        let bundled = ReportReference.bandRows(incidents, limitsKm: [10, 25, 50])
        #expect(bundled.undecided.isEmpty, "commit these discs' searched maxima to Inputs/report/disc-max.csv: \(bundled.undecided)")
        #expect(try Self.table(startingWith: "band") == bundled.rows)
        let pointsOnly = try CLI.run(["report", "--uncertainty-km", "0"]).expecting(0).stdout
        #expect(markdownTable(pointsOnly, startingWith: "band") == expected.bands + [["uncertain band", "0", "0", "0"]])

        let probed = ReportReference.bandRows(probes.incidents, limitsKm: [10, 25, 50])
        #expect(probed.undecided.isEmpty, "\(probed.undecided)")
        #expect(markdownTable(probes.markdown, startingWith: "band") == probed.rows)
        #expect(probed.rows.first?[1] == "2", "the probe on a border vertex (0 km) and the one at 3 km are in the first band")
        #expect(probed.rows.last == ["uncertain band", "1", "1024", "2048"], "the probe coded at geo_precision 3 (100 km) is in no band")
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
