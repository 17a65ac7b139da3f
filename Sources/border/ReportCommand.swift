import ArgumentParser
import BorderAnalysis
import BorderInput
import BorderModel
import BorderOutput
import BorderReport
import BorderRun
import Foundation
import Geodesy

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "A report people read: summary, gaps, coverage by sector and over time, incidents by band, the seed's claims checked, a map.",
        discussion: """
            HTML is one self-contained file (inline SVG, no network). Markdown written with -o puts its figures beside it as SVG files. \
            FILE: points as for `border distances`; the fence and what counts as covering as for `border coverage`.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, html }

    @OptionGroup var input: InputOptions

    @OptionGroup var coverage: CoverageOptionGroup

    @Option(name: .shortAndLong, help: "md or html.")
    var format: Format = .md

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE instead of stdout: atomically for a regular file (a link is followed; a FIFO or device is written directly).", valueName: "FILE"))
    var output: String?

    @Option(help: ArgumentHelp("Distance bands from the border, km.", valueName: "KM,KM,..."))
    var bands: KilometreList = KilometreList(argument: "10,25,50")!

    @Option(help: ArgumentHelp("The seed's claims (default: seeds/claims.json beside the data folder).", valueName: "FILE"))
    var claims: String?

    @Option(help: ArgumentHelp("The report's title.", valueName: "TEXT"))
    var title: String = ReportDocument.defaultTitle

    @Flag(help: "HTML only: embed the interactive map of `border map` (Leaflet inlined; the static SVG map kept for readers without scripts).")
    var interactive = false

    @OptionGroup var data: DataOptions

    func validate() throws {
        if interactive && format != .html { throw ValidationError("--interactive needs --format html") }
    }

    func run() throws {
        Output.installSignalHandlers()
        try reportingUnusableInput {
            // The alternative border lines, when the data folder has them: each incident's spread.
            let atlas = try data.loadAtlas(alternativesIfPresent: true)
            let run = try MapRun(atlas: atlas, input: input, coverage: coverage, bandKilometres: bands.values)
            let map = run.map
            let lengths = try Generalisation.lengths(of: atlas.border.line)
            let claimsURL = claims.map { URL(fileURLWithPath: $0) }
                ?? atlas.directory.deletingLastPathComponent().appendingPathComponent("seeds/claims.json")
            let claimAnalyzer = try ClaimAnalyzer(atlas: atlas, incidents: map.incidents.map(Self.claimIncident), lengths: lengths,
                                                  region: map.regions.first.flatMap(Self.polygons),
                                                  bundledIncidentIDs: try bundledIncidentIDs(atlas: atlas, run: run))
            let checks = try Claim.load(claimsURL).map { ClaimWording.check($0, try claimAnalyzer.finding($0)) }
            // The fence's coverage on every day, computed once for the chart and the interactive map.
            let history = try run.fence.map { try coverage.history(of: $0, atlas: atlas) }
            let staticSVG = try SVGMap().render(map, countries: atlas.countries)
            let svg = interactive ? try interactiveMap(atlas: atlas, run: run, history: history, fallback: staticSVG) : staticSVG
            let chart = ChainageChart(borderKilometres: map.border.lengthKilometres, history: history,
                                      historyEndDay: coverage.asOf.map(ISODate.day), placementCaveat: map.coverage?.caveat ?? "",
                                      incidents: map.incidents)
            let document = ReportDocument.build(map: map, lengths: lengths, claims: checks, mapSVG: svg, chart: chart,
                                                provenance: try provenance(atlas: atlas, run: run), title: title)
            let out = try output.map { try Output(path: $0) } ?? Output()
            switch format {
            case .html: out.write(ReportRenderer.html(document))
            case .md:
                var figures: [(String, String)] = []
                let text = ReportRenderer.markdown(document) { name in
                    guard let output else { return nil }
                    let file = URL(fileURLWithPath: output).deletingPathExtension().lastPathComponent + "-\(name).svg"
                    figures.append((file, name))
                    return file
                }
                out.write(text)
                for (file, name) in figures {
                    guard case .figure(_, let svg)? = document.sections.flatMap(\.1).first(where: { if case .figure(name, _) = $0 { true } else { false } }) else { continue }
                    let figure = try Output(path: URL(fileURLWithPath: output!).deletingLastPathComponent().appendingPathComponent(file).path)
                    figure.write(svg)
                    try figure.commit()
                }
            }
            try out.commit()
            try input.reading.finish(run.summary)
        }
    }

    /// The map of `border map` for this report's incidents, with the static map inside `<noscript>`.
    private func interactiveMap(atlas: Atlas, run: MapRun, history: FenceHistory?, fallback: String) throws -> String {
        let leaflet = try LeafletLibrary.load()
        let incidents = run.map.incidents
        let header = incidents.first?.header ?? []
        let selection = DistanceColumns.Selection.standard(withUncertainty: input.reading.readingOptions.uncertainty.applies(to: header),
                                                           withDates: RowInput.hasDates(header))
        let onTheDay = OnTheDay(fence: history, crossings: Crossings(atlas: atlas))
        let formatter = ColumnarFormatter(header: header, selection: selection)
        let spool = try ColumnSpool(names: formatter.names, computed: selection.names)
        var block = ColumnarBlock()
        for incident in incidents {
            formatter.append(incident.record, at: incident.point, MeasuredDistance(incident, onTheDay: onTheDay), to: &block)
        }
        _ = spool.append(block)
        let layers = try coverage.mapLayers(atlas: atlas, drawn: run.map, fence: run.fence, history: history, title: title)
        var bytes: [UInt8] = []
        try MapPage.writeMap(layers, incidents: spool, leaflet: leaflet, fullPage: false) { bytes += $0 }
        return String(decoding: bytes, as: UTF8.self) + "<noscript>\(fallback)</noscript>"
    }

    static func claimIncident(_ incident: MeasuredIncident) -> ClaimIncident {
        ClaimIncident(id: incident.id, place: incident.place, geoPrecision: incident.field("geo_precision") ?? "",
                      reportedKilometres: incident.field("reported_distance_km") ?? "", killed: incident.killed,
                      point: incident.point, result: incident.result, radiusKilometres: incident.uncertainty.radiusKilometres,
                      radiusSource: incident.uncertainty.source.rawValue,
                      interval: incident.interval, spreadMetres: incident.spread?.spreadMetres)
    }

    /// The polygons of a region feature (the Makran division).
    static func polygons(_ region: MapFeature) -> [[[Coordinate]]]? {
        switch region.geometry {
        case .polygon(let rings): [rings]
        case .multiPolygon(let polygons): polygons
        default: nil
        }
    }

    /// The ids of the bundled incidents, which the seed's claims name.
    private func bundledIncidentIDs(atlas: Atlas, run: MapRun) throws -> Set<String> {
        if input.isBundled { return Set(run.map.incidents.map(\.id)) }
        guard FileManager.default.fileExists(atPath: atlas.incidentsFile.path) else { return [] }
        var source = try RecordSources.open(.file(atlas.incidentsFile.path))
        guard let column = source.header.firstIndex(of: "id") else { return [] }
        var ids = Set<String>()
        while let record = try source.next() {
            if column < record.fields.count { ids.insert(record.fields[column]) }
        }
        return ids
    }

    private func provenance(atlas: Atlas, run: MapRun) throws -> ReportProvenance {
        let reading = input.reading
        let given: [(String, String?)] = [("--input-format", reading.inputFormat?.rawValue), ("--lat-column", reading.latColumn),
                                          ("--lon-column", reading.lonColumn), ("--wkt-column", reading.wktColumn), ("--crs", reading.crs),
                                          ("--max-geo-precision", reading.maxGeoPrecision.map(String.init)), ("--from", reading.from), ("--to", reading.to),
                                          ("--uncertainty-km", reading.uncertaintyKm.map { FixedPointText.plain($0) }),
                                          ("--uncertainty-column", reading.uncertaintyColumn), ("--precision-radii", reading.precisionRadii)]
        let filter = try coverage.filter()
        let statuses = filter.statuses.map(\.rawValue).sorted().joined(separator: ", ")
        let rule = "segments with status \(statuses), built by \(filter.side?.rawValue ?? "either side"), within "
            + "\(FixedPointText.plain(coverage.tolerance)) km of the border" + (coverage.asOf.map { ", completed on or before \($0)" } ?? "")
        return ReportProvenance(input: input.file, summary: run.summary, options: given.compactMap { name, value in value.map { "\(name) \($0)" } },
                                fence: run.fence.map { _ in coverage.fence ?? "fence.geojson of the data folder" },
                                fenceCaveat: run.fence?.caveat, coverageRule: rule, dataFolder: data.directory,
                                version: BorderCommand.configuration.version)
    }
}
