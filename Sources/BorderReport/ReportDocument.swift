import BorderAnalysis
import BorderInput
import BorderModel
import BorderOutput

/// The report as sections of paragraphs, tables and SVG figures, rendered to Markdown or to one
/// self-contained HTML file (inline CSS and SVG; no scripts, fonts, tiles or network).
public struct ReportDocument: Sendable {
    public enum Block: Sendable {
        case paragraph(String)
        case table([String], [[String]])
        case figure(name: String, svg: String)
    }
    public var title: String
    public var sections: [(String, [Block])]

    /// The figures every reader should see first, and the same numbers `border distances` prints.
    public static let defaultTitle = "Pakistan–Iran border: fence coverage and incidents"

    public static func build(map: MapInput, lengths: [GeneralisedLength], claims: [ClaimCheck], mapSVG: String, chart: ChainageChart,
                             provenance: ReportProvenance, title: String = defaultTitle) -> ReportDocument {
        let coverage = map.coverage
        func km(_ v: Double, _ d: Int = 1) -> String { FixedPoint.format(v, decimals: d) }
        var sections: [(String, [Block])] = []
        var summary: [[String]] = [["border length (geodesic)", km(map.border.lengthKilometres, 3) + " km"],
                                   ["incidents measured", String(map.incidents.count)]]
        if let coverage {
            // The precision of `border coverage` (km to 1 m, % to 0.01), so the figures compare digit for digit.
            summary += [["fenced (covered)", km(coverage.coveredKilometres, 3) + " km"], ["coverage", km(coverage.coveragePercent, 2) + " %"],
                        ["gaps", String(coverage.gaps.count)],
                        ["longest gap", coverage.gaps.max { $0.lengthKilometres < $1.lengthKilometres }.map { km($0.lengthKilometres, 3) + " km" } ?? "–"]]
        }
        sections.append(("Summary", [.table(["figure", "value"], summary)]
            + (coverage.map { $0.caveat.isEmpty ? [] : [.paragraph("Caveat: " + $0.caveat)] } ?? [.paragraph(Self.coveragePending)])))
        sections.append(("Made from", [.table(["item", "value"], provenance.rows)]))
        let bandsNote = map.bands.map { "\(FixedPointText.plain($0.outerKilometres)) km: \(FixedPoint.format($0.maxErrorMetres, decimals: 1)) m" }.joined(separator: ", ")
        sections.append(("Map", [.figure(name: "map", svg: mapSVG), .paragraph(
            "Bands are WGS84 geodesic buffers of the border clipped to land; their outlines' measured deviation from the exact distance: \(bandsNote). "
            + "Circles: incidents, area proportional to casualties (blue PK side, red IR side)."
            + (coverage.map { $0.caveat.isEmpty ? "" : " The fence is drawn where its file puts it: see the caveat above." } ?? ""))]))
        if let coverage {
            sections.append(("Gaps", [.table(["#", "start km", "end km", "length km"], coverage.gaps.enumerated().map {
                [String($0.offset + 1), km($0.element.startKilometres, 3), km($0.element.endKilometres, 3), km($0.element.lengthKilometres, 3)] })]))
            sections.append(("Coverage by sector", [.table(["sector", "length km", "covered km", "coverage %"], coverage.sectors.map {
                [$0.name, km($0.lengthKilometres, 3), km($0.coveredKilometres, 3), km($0.lengthKilometres > 0 ? 100 * $0.coveredKilometres / $0.lengthKilometres : 0, 2)] })]))
            sections.append(("Coverage over time", [.figure(name: "coverage", svg: TimelineChart.render(coverage))]))
        } else {
            for title in ["Gaps", "Coverage by sector", "Coverage over time"] { sections.append((title, [.paragraph(Self.coveragePending)])) }
        }
        let chartSVG = chart.svg()
        sections.append((ChainageChart.title, (chartSVG.isEmpty ? [] : [.figure(name: "chainage", svg: chartSVG)]) + [.paragraph(chart.caption)]))
        // Incidents by band: an incident counts in a band only when its whole interval over its
        // uncertainty disc (the same radii and intervals as `border distances`) lies in it.
        let limits = map.bands.map(\.outerKilometres).sorted()
        var rows: [[String]] = []
        var placed = Set<Int>()
        func row(_ label: String, _ members: [MeasuredIncident]) -> [String] {
            [label, String(members.count), String(members.map(\.killed).reduce(0, +)), String(members.map(\.injured).reduce(0, +))]
        }
        var lower = 0.0
        for limit in limits + [.infinity] {
            let inBand = map.incidents.indices.filter { Self.interval(map.incidents[$0], liesIn: lower, limit) }
            placed.formUnion(inBand)
            rows.append(row(limit.isFinite ? "\(FixedPointText.plain(lower))–\(FixedPointText.plain(limit)) km" : "> \(FixedPointText.plain(lower)) km",
                            inBand.map { map.incidents[$0] }))
            lower = limit
        }
        rows.append(row("uncertain band", map.incidents.indices.filter { !placed.contains($0) }.map { map.incidents[$0] }))
        sections.append(("Incidents by distance band", [.table(["band", "incidents", "killed", "injured"], rows),
            .paragraph(Self.bandsRule(map.incidents)),
            .table(["id", "date", "km to border", "chainage km", "side", "geo precision", "reported km", "radius km", "side certain", "line spread km"],
                   map.incidents.map {
                [$0.id, $0.date, IntervalText.kmToBorder(distanceMetres: $0.result.distanceMetres, interval: $0.interval,
                                                         radiusKilometres: $0.uncertainty.radiusKilometres),
                 km($0.result.chainageKilometres, 1),
                 $0.result.side.rawValue, $0.field("geo_precision") ?? "", $0.field("reported_distance_km") ?? "",
                 FixedPointText.plain($0.uncertainty.radiusKilometres), ($0.interval?.sideCertain ?? true) ? "yes" : "no",
                 $0.spread.map { km($0.spreadMetres / 1000, 1) } ?? "–"] })]))
        sections.append(("The seed's claims, checked", [
            .table(["claim", "stated", "verdict", "measured"], claims.map { [$0.statement, $0.stated, $0.verdict.rawValue, $0.measured] }),
            .table(["Douglas–Peucker tolerance (UTM 41N)", "vertices", "geodesic length km"], lengths.map {
                [$0.toleranceMetres == 0 ? "none" : FixedPointText.plain($0.toleranceMetres) + " m", String($0.vertexCount), km($0.lengthKilometres)] })]))
        return ReportDocument(title: title, sections: sections)
    }

    /// True when all of the incident's interval lies in the band (lower, limit] km (the first band
    /// [0, limit]); an interval of one point (radius 0) is its distance.
    static func interval(_ incident: MeasuredIncident, liesIn lower: Double, _ limit: Double) -> Bool {
        let (low, high) = (incident.intervalMetres.lowerBound / 1000, incident.intervalMetres.upperBound / 1000)
        return (lower == 0 || low > lower) && high <= limit
    }

    /// How the band table counts, under it.
    static func bandsRule(_ incidents: [MeasuredIncident]) -> String {
        var sources: [String: Int] = [:]
        for incident in incidents where incident.uncertainty.radiusKilometres > 0 { sources[incident.uncertainty.source.rawValue, default: 0] += 1 }
        let given = sources.keys.sorted().map { "\(sources[$0]!) from \($0)" }.joined(separator: ", ")
        let counted = sources.values.reduce(0, +)
        return "An incident counts in a band only when its whole interval lies in it: every point within its uncertainty radius "
            + "of its coded position (a geodesic disc, not clipped to land) is at a distance from the border in that band. "
            + "The rest, whose disc reaches across a band limit, are counted in \"uncertain band\". The radius is the one `border distances` uses "
            + "(--uncertainty-km, an uncertainty_km column, else the location-precision code; README, \"Uncertainty\"): "
            + (given.isEmpty ? "no incident has one, so each counts by its own distance. " : "\(counted) of the \(incidents.count) incidents have one (\(given)); one with radius 0 counts by its own distance. ")
            + "The interval's upper end is an upper bound at most 1 m above the largest distance, so an incident within 1 m of a band's limit may count as uncertain. "
            + "The line spread (how far independent border lines put the border from the coded point) is shown below but not used here."
    }

    /// Shown when there is no fence file.
    static let coveragePending = "No fence data (no --fence, and no fence.geojson in the data folder), so no coverage figures."
}

/// Coverage over time as a step chart (per completion date), inline SVG.
enum TimelineChart {
    static func render(_ coverage: CoverageFigures) -> String {
        let (w, h, left, bottom) = (640.0, 260.0, 50.0, 30.0)
        let points = coverage.timeline
        guard !points.isEmpty, coverage.borderKilometres > 0 else { return "" }
        func year(_ date: String) -> Double {
            let parts = date.split(separator: "-").compactMap { Double($0) }
            return (parts.first ?? 2000) + ((parts.count > 1 ? parts[1] : 1) - 1) / 12 + ((parts.count > 2 ? parts[2] : 1) - 1) / 365
        }
        let years = points.map { year($0.date) }
        let y0: Double = years.min()!.rounded(.down)
        let y1: Double = years.max()!.rounded(.down) + 1
        func x(_ t: Double) -> Double { left + (t - y0) / (y1 - y0) * (w - left - 10) }
        func y(_ km: Double) -> Double { h - bottom - km / coverage.borderKilometres * (h - bottom - 10) }
        func n(_ v: Double) -> String { FixedPoint.format(v, decimals: 1) }
        var d = "M\(n(x(y0))) \(n(y(0)))"
        for (t, p) in zip(years, points) { d += "H\(n(x(t)))V\(n(y(p.coveredKilometres)))" }
        d += "H\(n(x(y1)))"
        var svg = ##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \##(n(w)) \##(n(h))" width="\##(n(w))" height="\##(n(h))" font-family="sans-serif" font-size="11" role="img" aria-label="Fence coverage over time">"##
        for pct in stride(from: 0.0, through: 100, by: 25) {
            let yy = y(pct / 100 * coverage.borderKilometres)
            svg += ##"<path d="M\##(n(left)) \##(n(yy))H\##(n(w - 10))" stroke="#ddd"/><text x="4" y="\##(n(yy + 4))">\##(Int(pct)) %</text>"##
        }
        for t in stride(from: y0, through: y1, by: 1) { svg += ##"<text x="\##(n(x(t) - 14))" y="\##(n(h - 10))">\##(Int(t))</text>"## }
        return svg + ##"<path d="\##(d)" fill="none" stroke="\##(MapStyle.fenced)" stroke-width="2.5"/></svg>"##
    }
}
