import Foundation
import Testing
import TestSupport

/// `border map`: one offline page, checked in real headless Chromium (console and every request
/// from the browser's own log, see `Chromium.render`), and the figures its map element carries.
@Suite struct MapCommandTests {
    static let bundledMap = Shared<URL> {
        let file = try CLI.temporaryFolder().appendingPathComponent("map.html")
        _ = try CLI.run(["map", "-o", file.path]).expecting(0)
        return file
    }

    /// The map element's `data-NAME` attributes, as the page's scripts left them.
    static func attributes(_ dom: String) throws -> [String: String] {
        let element = try #require(dom.range(of: #"<div id="map"[^>]*>"#, options: .regularExpression).map { String(dom[$0]) })
        var found: [String: String] = [:]
        for match in element.matches(of: /data-([a-z-]+)="([^"]*)"/) { found[String(match.1)] = String(match.2) }
        return found
    }

    /// `covered_km` of `border coverage --format json` (with `--as-of` when given).
    static func coveredKm(asOf: String?) throws -> String {
        let output = try CLI.run(["coverage", "--format", "json"] + (asOf.map { ["--as-of", $0] } ?? [])).expecting(0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        return String(format: "%.3f", (object["covered_km"] as! NSNumber).doubleValue)
    }

    /// The bundled incidents dated on or before `day` (yyyy-mm-dd; a month counts from its first
    /// day), read from data/incidents.csv here.
    static func incidentsUpTo(_ day: String?) throws -> Int {
        let text = try String(contentsOf: CLI.repository.appendingPathComponent("data/incidents.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n").dropFirst()
        let dates = lines.map { String($0.split(separator: ",", omittingEmptySubsequences: false)[1]) }
        guard let day else { return dates.count }
        return dates.filter { !$0.isEmpty && ($0.count == 7 ? $0 + "-01" : $0) <= day }.count
    }

    /// Loaded at a date: no console message, no request; the fenced km is `coverage --as-of` that
    /// day's, the incidents drawn are those dated up to it; without a date, every segment and row.
    @Test(arguments: ["2019-12-31", "2021-06-30", "2013-01-01", "2020-07-20", "2019-04-18", "2020-03-01", nil] as [String?])
    func theMapShowsTheFenceAndTheIncidentsOfTheDate(date: String?) throws {
        let file = try Self.bundledMap.get()
        guard let page = try Chromium.render(file, fragment: date.map { "#date=\($0)" } ?? "") else { return }
        #expect(page.consoleErrors.isEmpty, "\(page.consoleErrors)")
        let attributes = try Self.attributes(page.dom)
        #expect(attributes["incidents-total"] == "25")
        #expect(attributes["date"] == (date ?? "all"))
        #expect(attributes["fenced-km"] == (try Self.coveredKm(asOf: date)))
        #expect(attributes["incidents-visible"] == String(try Self.incidentsUpTo(date)))
    }

    /// A field holding `</script>` or `<!--` is data, not markup: the page still runs, and the popup
    /// (opened from the address, `#incident=1`) shows the text as it was.
    @Test func embeddedTextIsEscaped() throws {
        let folder = try CLI.temporaryFolder()
        let input = folder.appendingPathComponent("points.csv")
        try "id,lat,lon,date,note\n\"</script><script>document.title='hacked'</script>\",26.05,62.0,2021-05-01,<!-- & \"quoted\"\n"
            .write(to: input, atomically: true, encoding: .utf8)
        let file = folder.appendingPathComponent("map.html")
        _ = try CLI.run(["map", input.path, "--title", "<b>T&C</b>", "-o", file.path]).expecting(0)
        let html = try String(contentsOf: file, encoding: .utf8)
        #expect(html.components(separatedBy: "</script>").count == 5)          // the page's four scripts, no more
        #expect(!html.contains("<!-- &"))
        guard let page = try Chromium.render(file, fragment: "#incident=1") else { return }
        #expect(page.consoleErrors.isEmpty, "\(page.consoleErrors)")
        #expect(try Self.attributes(page.dom)["incidents-total"] == "1")
        #expect(page.dom.contains("<title>&lt;b&gt;T&amp;C&lt;/b&gt;</title>"))
        #expect(page.dom.contains("&lt;/script&gt;&lt;script&gt;document.title='hacked'&lt;/script&gt;"))
        #expect(page.dom.contains("&lt;!-- &amp; \"quoted\""))
    }

    /// The same check fails on the same page with one deliberate fault in its script.
    @Test func aBrokenMapIsCaught() throws {
        let html = try String(contentsOf: try Self.bundledMap.get(), encoding: .utf8)
        let broken = try CLI.temporaryFolder().appendingPathComponent("broken.html")
        try html.replacingOccurrences(of: "var map = L.map(element", with: "var map = L.mapp(element").write(to: broken, atomically: true, encoding: .utf8)
        guard let page = try Chromium.render(broken) else { return }
        #expect(page.consoleErrors.contains { $0.contains("L.mapp is not a function") }, "\(page.consoleErrors)")
        #expect(try Self.attributes(page.dom)["incidents-total"] == nil)
    }

    /// No address outside the page: Leaflet's source-map comment and its CSS images are gone.
    @Test func thePageNamesNothingToFetch() throws {
        let html = try String(contentsOf: try Self.bundledMap.get(), encoding: .utf8)
        #expect(!html.contains("sourceMappingURL"))
        #expect(!html.contains("url(images/"))
        #expect(html.contains("BSD-2-clause") || html.contains("BSD-2-Clause"))
    }
}

/// `border report --format html --interactive`: the same map inside the report, the static SVG
/// map for readers without scripts; the default report keeps its promise of no scripts.
@Suite struct InteractiveReportTests {
    @Test func theReportEmbedsTheMap() throws {
        let folder = try CLI.temporaryFolder()
        let file = folder.appendingPathComponent("report.html")
        _ = try CLI.run(["report", "--format", "html", "--interactive", "-o", file.path]).expecting(0)
        let html = try String(contentsOf: file, encoding: .utf8)
        #expect(html.contains("<noscript><svg"))
        guard let page = try Chromium.render(file, fragment: "#date=2019-12-31") else { return }
        #expect(page.consoleErrors.isEmpty, "\(page.consoleErrors)")
        let attributes = try MapCommandTests.attributes(page.dom)
        #expect(attributes["incidents-total"] == "25")
        #expect(attributes["fenced-km"] == (try MapCommandTests.coveredKm(asOf: "2019-12-31")))
        #expect(attributes["incidents-visible"] == String(try MapCommandTests.incidentsUpTo("2019-12-31")))
        let plain = folder.appendingPathComponent("plain.html")
        _ = try CLI.run(["report", "--format", "html", "-o", plain.path]).expecting(0)
        #expect(!(try String(contentsOf: plain, encoding: .utf8)).contains("<script"))
        #expect(try CLI.run(["report", "--interactive"]).status == 64)
    }
}
