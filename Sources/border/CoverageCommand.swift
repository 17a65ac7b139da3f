import ArgumentParser
import BorderAnalysis
import BorderInput
import BorderModel
import BorderOutput
import BorderReport
import BorderRun
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

    @OptionGroup var coverage: CoverageOptionGroup

    @Option(help: ArgumentHelp("List incidents within this many km of a gap.", valueName: "KM"))
    var near: Double = 10

    @Option(help: ArgumentHelp("Incidents to check against the gaps (any input of `border distances`, read with the same options; '-' for standard input). Default: the bundled incidents.", valueName: "FILE"))
    var incidents: String?

    @Option(name: .shortAndLong, help: "Output format: table (default), json, csv (one row per gap) or geojson.")
    var format: OutputFormat = .table

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE instead of stdout: atomically for a regular file (a link is followed; a FIFO or device is written directly).", valueName: "FILE"))
    var output: String?

    @Option(help: "Decimals of coordinates in GeoJSON output (6 ≈ 0.1 m).")
    var precision: Int = 6

    @OptionGroup var reading: ReadingOptionGroup

    @OptionGroup var data: DataOptions

    func validate() throws {
        guard near.isFinite, near >= 0 else { throw ValidationError("--near must be zero or a positive number of km") }
        guard (0...12).contains(precision) else { throw ValidationError("--precision must be 0…12") }
    }

    func run() throws {
        Output.installSignalHandlers()
        try reportingUnusableInput {
            let atlas = try data.loadAtlas()
            guard let (fence, sectors) = try coverage.loadFence(atlas: atlas) else { return }      // required: never nil
            let rows = try reading.open(incidents, atlas: atlas)
            let labels = IncidentColumns(header: rows.header)
            let (points, summary) = try reading.collect(rows) {
                { (record, coordinate, batch: inout [IncidentPoint]) in
                    batch.append(IncidentPoint(id: labels.id(of: record), date: labels.date(of: record), place: labels.place(of: record),
                                               coordinate: coordinate))
                }
            }
            let output = try output.map { try Output(path: $0) } ?? Output()
            let report = try coverage.report(atlas: atlas, fence: fence, sectors: sectors, incidents: points, nearMetres: near * 1000)
            CoverageWriter.write(report, format: format, to: output, border: atlas.border.line, precision: precision)
            try output.commit()
            try reading.finish(summary)
        }
    }
}
