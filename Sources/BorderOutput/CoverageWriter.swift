import BorderAnalysis
import BorderInput
import BorderModel
import Geodesy

/// Writes a `CoverageReport` in one format. Every format carries the report's caveat.
public enum CoverageWriter {
    /// `precision`: decimals of GeoJSON coordinates.
    public static func write(_ report: CoverageReport, format: OutputFormat, to output: Output, border: GeodesicPolyline,
                             precision: Int = 6) {
        switch format {
        case .table: output.write(CoverageTable.text(report))
        case .json: output.write(CoverageJSON.text(report))
        case .csv: output.write(CoverageCSV.text(report))
        case .geojson, .geojsonseq:
            let writer = FeatureStreamWriter(output: output, kind: format == .geojson ? .collection : .sequence, precision: precision)
            writer.begin(members: report.caveat.map { [("caveat", .string($0))] } ?? [])
            CoverageGeoJSON.features(report, border: border).forEach(writer.write)
            writer.finish()
        }
    }

    static func km(_ metres: Double) -> String { FixedPoint.format(metres / 1000, decimals: 3) }
    static func percent(_ value: Double) -> String { FixedPoint.format(value, decimals: 2) }
    static func degrees(_ value: Double) -> String { FixedPoint.format(value, decimals: 6) }
}

/// One row per gap; the caveat, when there is one, is the last column of every row.
enum CoverageCSV {
    static let header = ["start_km", "end_km", "length_km", "start_lon", "start_lat", "end_lon", "end_lat",
                         "nearest_place_start", "nearest_place_end"]

    static func text(_ report: CoverageReport) -> String {
        let caveat = report.caveat.map { [$0] } ?? []
        var lines = [(header + (caveat.isEmpty ? [] : ["caveat"])).joined(separator: ",")]
        for gap in report.gaps {
            let fields = [CoverageWriter.km(gap.stretch.start), CoverageWriter.km(gap.stretch.end), CoverageWriter.km(gap.stretch.length),
                          CoverageWriter.degrees(gap.start.longitude), CoverageWriter.degrees(gap.start.latitude),
                          CoverageWriter.degrees(gap.end.longitude), CoverageWriter.degrees(gap.end.latitude),
                          gap.nearestPlaceToStart?.place.name ?? "", gap.nearestPlaceToEnd?.place.name ?? ""] + caveat
            lines.append(fields.map(CSVText.quote).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// One JSON object; top-level keys are a contract (see README, "Coverage").
enum CoverageJSON {
    static func text(_ report: CoverageReport) -> String {
        let members: [(String, String)] = [
            ("border_km", CoverageWriter.km(report.borderMetres)),
            ("covered_km", CoverageWriter.km(report.coveredMetres)),
            ("coverage_pct", CoverageWriter.percent(report.coveragePercent)),
            ("gaps", array(report.gaps.map(gap))),
            ("longest_gap", report.longestGap.map(gap) ?? "null"),
            ("sectors", array(report.sectors.map(sector))),
            ("timeline", array(report.timeline.map(entry))),
            ("incidents_near_gaps", array(report.incidentsNearGaps.map { incident($0, report) })),
            ("caveat", report.caveat.map(JSONText.string) ?? "null"),
            ("filters", filters(report)),
        ]
        return "{\n" + members.map { "  " + JSONText.string($0.0) + ": " + $0.1 }.joined(separator: ",\n") + "\n}\n"
    }

    private static func array(_ items: [String]) -> String {
        items.isEmpty ? "[]" : "[\n    " + items.joined(separator: ",\n    ") + "\n  ]"
    }

    private static func object(_ pairs: [(String, String)]) -> String { "{" + JSONText.members(pairs) + "}" }

    private static func place(_ bearing: PlaceBearing?) -> String { bearing.map { JSONText.string($0.place.name) } ?? "null" }
    private static func placeText(_ bearing: PlaceBearing?) -> String { bearing.map { JSONText.string($0.description) } ?? "null" }

    static func gap(_ gap: CoverageGap) -> String {
        object([("start_km", CoverageWriter.km(gap.stretch.start)), ("end_km", CoverageWriter.km(gap.stretch.end)),
                ("length_km", CoverageWriter.km(gap.stretch.length)),
                ("start_lon", CoverageWriter.degrees(gap.start.longitude)), ("start_lat", CoverageWriter.degrees(gap.start.latitude)),
                ("end_lon", CoverageWriter.degrees(gap.end.longitude)), ("end_lat", CoverageWriter.degrees(gap.end.latitude)),
                ("nearest_place_start", place(gap.nearestPlaceToStart)), ("nearest_place_start_desc", placeText(gap.nearestPlaceToStart)),
                ("nearest_place_end", place(gap.nearestPlaceToEnd)), ("nearest_place_end_desc", placeText(gap.nearestPlaceToEnd))])
    }

    private static func sector(_ item: SectorCoverage) -> String {
        object([("name", JSONText.string(item.sector.name)),
                ("start_km", FixedPoint.format(item.sector.startKilometres, decimals: 3)),
                ("end_km", FixedPoint.format(item.sector.endKilometres, decimals: 3)),
                ("length_km", CoverageWriter.km(item.lengthMetres)), ("covered_km", CoverageWriter.km(item.coveredMetres)),
                ("coverage_pct", CoverageWriter.percent(item.coveragePercent)),
                ("from", JSONText.string(item.sector.from)), ("to", JSONText.string(item.sector.to))])
    }

    private static func entry(_ item: TimelineEntry) -> String {
        object([("date", JSONText.string(item.date)), ("segments", String(item.segments)),
                ("covered_km", CoverageWriter.km(item.coveredMetres)), ("coverage_pct", CoverageWriter.percent(item.coveragePercent))])
    }

    private static func incident(_ item: IncidentNearGap, _ report: CoverageReport) -> String {
        let gap = report.gaps[item.gapIndex]
        return object([("id", JSONText.string(item.incident.id)), ("date", JSONText.string(item.incident.date)),
                       ("place", JSONText.string(item.incident.place)),
                       ("lon", CoverageWriter.degrees(item.incident.coordinate.longitude)),
                       ("lat", CoverageWriter.degrees(item.incident.coordinate.latitude)),
                       ("gap", String(item.gapIndex + 1)), ("gap_start_km", CoverageWriter.km(gap.stretch.start)),
                       ("gap_end_km", CoverageWriter.km(gap.stretch.end)), ("distance_km", CoverageWriter.km(item.distanceMetres))])
    }

    private static func filters(_ report: CoverageReport) -> String {
        let statuses = FenceSegment.Status.allCases.filter(report.filter.statuses.contains).map { JSONText.string($0.rawValue) }
        return object([("fence", JSONText.string(report.fenceFile)),
                       ("statuses", "[" + statuses.joined(separator: ",") + "]"),
                       ("side", JSONText.string(report.filter.side?.rawValue ?? "any")),
                       ("as_of", report.filter.asOf.map(JSONText.string) ?? "null"),
                       ("tolerance_km", FixedPoint.format(report.toleranceMetres / 1000, decimals: 3)),
                       ("near_km", FixedPoint.format(report.nearMetres / 1000, decimals: 3)),
                       ("segments_used", String(report.segmentsUsed)),
                       ("undated_segments_used", String(report.undatedSegmentsUsed))])
    }
}

/// RFC 7946: covered stretches (`layer` fence) and gaps (`layer` gap) as LineStrings along the border.
enum CoverageGeoJSON {
    static let fenceColour = "#1a9641", gapColour = "#d7191c"

    /// One Feature per covered stretch or gap, in chainage order.
    static func features(_ report: CoverageReport, border: GeodesicPolyline) -> [MapFeature] {
        var stretches = report.covered.map { ($0, "fence") } + report.gaps.map { ($0.stretch, "gap") }
        stretches.sort { $0.0.start < $1.0.start }
        return stretches.map { stretch, layer in
            var properties: [(String, PropertyValue)] = [
                ("layer", .string(layer)),
                ("start_km", .fixed(stretch.start / 1000, decimals: 3)), ("end_km", .fixed(stretch.end / 1000, decimals: 3)),
                ("length_km", .fixed(stretch.length / 1000, decimals: 3)),
                ("title", .string((layer == "fence" ? "covered" : "gap") + " km \(CoverageWriter.km(stretch.start))–\(CoverageWriter.km(stretch.end))")),
                ("stroke", .string(layer == "fence" ? fenceColour : gapColour)), ("stroke-width", .integer(3)),
            ]
            if let caveat = report.caveat { properties.append(("caveat", .string(caveat))) }
            return MapFeature(geometry: .lineString(border.subline(from: stretch.start, to: stretch.end)), properties: properties)
        }
    }
}
