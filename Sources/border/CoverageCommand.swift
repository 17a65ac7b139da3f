import ArgumentParser
import BorderAnalysis
import BorderFormats
import BorderModel
import Foundation

struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "How much of the border the fence covers, where the gaps are, and how coverage grew.",
        discussion: """
            A border point is covered when a fence segment that passes the filters lies within --tolerance of it
            (WGS84 geodesic distance). Covered stretches are exact to 10 m along the border. The bundled fence is
            sample data whose placement is assumed; every output carries that caveat.
            """)

    @Option(help: ArgumentHelp("Fence segments: GeoJSON LineStrings, or CSV chainage ranges (start_km,end_km,status,side,kind,completed,source). Default: the bundled data/fence.geojson.", valueName: "FILE"))
    var fence: String?

    @Option(help: ArgumentHelp("Count only segments completed on or before this ISO date.", valueName: "YYYY-MM-DD"))
    var asOf: String?

    @Option(help: ArgumentHelp("Geodesic distance within which a fence covers a border point, km.", valueName: "KM"))
    var tolerance: Double = 1

    @Option(help: ArgumentHelp("Who built it: PK, IR or any.", valueName: "PK|IR|any"))
    var side: String = "any"

    @Option(help: ArgumentHelp("Comma-separated statuses that count: built, under_construction, planned.", valueName: "LIST"))
    var status: String = "built"

    @Option(help: ArgumentHelp("List incidents within this many km of a gap.", valueName: "KM"))
    var near: Double = 10

    @Option(help: ArgumentHelp("Incidents to check against the gaps (any input of `border distances`, read with the same options; '-' for standard input). Default: the bundled incidents.", valueName: "FILE"))
    var incidents: String?

    @Option(name: .shortAndLong, help: "Output format: table (default), json, csv (one row per gap) or geojson.")
    var format: OutputFormat = .table

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE instead of stdout: atomically for a regular file (a link is followed; a FIFO or device is written directly).", valueName: "FILE"))
    var output: String?

    @OptionGroup var reading: ReadingOptionGroup

    @OptionGroup var data: DataOptions

    func validate() throws {
        guard tolerance.isFinite, tolerance > 0 else { throw ValidationError("--tolerance must be a positive number of km") }
        guard near.isFinite, near >= 0 else { throw ValidationError("--near must be zero or a positive number of km") }
        if let asOf, !ISODate.isValid(asOf) { throw ValidationError("--as-of must be an ISO date YYYY-MM-DD, got \"\(asOf)\"") }
        _ = try filter()
    }

    func filter() throws -> CoverageFilter {
        var statuses = Set<FenceSegment.Status>()
        for name in status.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let value = FenceSegment.Status(rawValue: name) else {
                throw ValidationError("--status: unknown status \"\(name)\" (built, under_construction, planned)")
            }
            statuses.insert(value)
        }
        guard !statuses.isEmpty else { throw ValidationError("--status needs at least one status") }
        let country: Country?
        switch side.uppercased() {
        case "ANY": country = nil
        case "PK": country = .pakistan
        case "IR": country = .iran
        default: throw ValidationError("--side must be PK, IR or any, got \"\(side)\"")
        }
        return CoverageFilter(statuses: statuses, side: country, asOf: asOf)
    }

    func run() throws {
        Output.installSignalHandlers()
        try reportingUnusableInput {
            let atlas = try data.loadAtlas()
            let fenceURL = fence.map { URL(fileURLWithPath: $0) } ?? atlas.fenceFile
            let fenceData: Fence, sectors: [Sector]
            do {
                fenceData = try Fence.load(from: fenceURL, border: atlas.border)
                sectors = try Sector.load(from: atlas.sectorsFile)
            } catch let error as ModelError {
                throw UnusableInput(file: error.file, reason: error.message)
            }
            let rows = try reading.open(incidents, atlas: atlas)
            let labels = IncidentPoints(header: rows.header)
            let (points, summary) = try reading.collect(rows) {
                { (record, coordinate, batch: inout [IncidentPoint]) in batch.append(labels.point(record, at: coordinate)) }
            }
            let output = try output.map { try Output(path: $0) } ?? Output()
            let report = try CoverageAnalyzer(atlas: atlas).report(
                fence: fenceData, filter: try filter(), tolerance: tolerance * 1000, sectors: sectors,
                incidents: points, near: near * 1000)
            CoverageWriter.write(report, format: format, to: output, border: atlas.border.line)
            try output.commit()
            try reading.finish(summary)
        }
    }
}
