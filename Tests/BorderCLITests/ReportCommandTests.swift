import Foundation
import Testing

@Suite(.serialized) struct ReportCommandTests {
    static let made = Shared<String> { try CLI.run(["report", "--format", "md"]).expecting(0).stdout }
    static var markdown: String { get throws { try made.get() } }

    /// Rows of the Markdown table whose header row starts with `first`.
    static func table(startingWith first: String) throws -> [[String]] {
        let lines = try markdown.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix("| \(first) |") }) else { return [] }
        return lines[(start + 2)...].prefix { $0.hasPrefix("|") }.map {
            $0.dropFirst(2).dropLast(2).components(separatedBy: " | ")
        }
    }

    /// The report's incident figures are those of `border distances` on the same input.
    @Test func incidentFiguresEqualThoseOfBorderDistances() throws {
        let json = try CLI.run(["distances", "--format", "json"])
        #expect(json.status == 0)
        let objects = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [[String: Any]]
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
        // Incidents by band, counted here from the distances.
        let bands = try Self.table(startingWith: "band")
        let limits: [(Double, Double)] = [(0, 10), (10, 25), (25, 50), (50, .infinity)]
        #expect(bands.map { Int($0[1]) ?? -1 } == limits.map { band in rows.filter { $0.km > band.0 && $0.km <= band.1 }.count })
    }

    /// Expected lengths: ../shared/reference/border-sources/REPORT.md (pyproj/shapely, UTM 41N).
    @Test func claimsAreCheckedWithTheGeometry() throws {
        let lengths = try Self.table(startingWith: "Douglas–Peucker tolerance (UTM 41N)")
        #expect(lengths.map { $0[2] } == ["1023.0", "992.8", "978.2", "960.6", "930.3", "905.6", "871.2"])
        let claims = try Self.table(startingWith: "claim")
        func verdict(_ fragment: String) -> String? { claims.first { $0[0].contains(fragment) }?[2] }
        #expect(verdict("Torkham") == "inconsistent")
        #expect(verdict("Taftan a Pakistan-Iran border town") == "consistent")
        #expect(verdict("nine miles") == "unverifiable")         // coded to Turbat, geo_precision 3
        #expect(verdict("600 miles") == "approximate")
        #expect(verdict("Koh-i-Malik Salih") == "consistent")
    }

    @Test func htmlIsSelfContainedAndChromiumRendersItWithoutErrors() throws {
        let folder = try CLI.temporaryFolder()
        let file = folder.appendingPathComponent("report.html")
        let result = try CLI.run(["report", "--format", "html", "-o", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOf: file, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<svg"))
        for forbidden in ["<script", "<link", "@import", "url(", "@font-face", "<img", "<iframe"] { #expect(!html.contains(forbidden), "\(forbidden)") }
        // The only URL is the SVG namespace name, which is never fetched.
        let urls = html.components(separatedBy: "http").dropFirst().map { String($0.prefix(30)) }
        #expect(urls.allSatisfy { $0.hasPrefix("://www.w3.org/2000/svg\"") }, "\(urls)")

        guard let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            CLI.toolMissing("chromium not found (Debian chromium); scripts/test installs it")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--disable-gpu", "--no-sandbox", "--enable-logging=stderr", "--v=0",
                             "--user-data-dir=\(folder.appendingPathComponent("profile").path)", "--dump-dom", file.absoluteString]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let dom = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let log = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(dom.contains("<h1>Pakistan–Iran border") && dom.contains("</svg>"))
        // Page errors reach the log as CONSOLE lines; D-Bus noise from a container without a bus is not about the page.
        let pageErrors = log.split(separator: "\n").filter { $0.contains("CONSOLE") || $0.contains("Uncaught") || $0.contains("net::ERR") }
        #expect(pageErrors.isEmpty, "\(pageErrors)")
    }
}
