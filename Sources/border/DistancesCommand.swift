import ArgumentParser
import BorderAnalysis
import BorderFormats
import BorderModel
import Foundation

extension OutputFormat: ExpressibleByArgument {}

struct DistancesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "distances",
        abstract: "Distance from each incident to the border, where along it, on which side, near which place.",
        discussion: """
            FILE is a CSV whose header names lat/latitude and lon/longitude (and optionally id), an ACLED or GTD
            export, a CSV with a WKT column, or a GeoJSON FeatureCollection of Points; without FILE the bundled
            incidents are measured. Input columns pass
            through; the computed columns are \(DistanceColumns.names.joined(separator: ", ")).
            """)

    @OptionGroup var input: InputOptions

    @Option(name: .shortAndLong, help: "Output format: table (default on a terminal), csv, json or geojson.")
    var format: OutputFormat?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE atomically instead of stdout.", valueName: "FILE"))
    var output: String?

    @Option(help: "Decimals of coordinates in GeoJSON output.")
    var precision: Int = 6

    @OptionGroup var data: DataOptions

    func run() throws {
        Output.removePartialFilesOnInterrupt()
        try reportingUnusableInput {
            let atlas = try data.loadAtlas()
            var source = try input.openSource(atlas: atlas)
            let rejects = try input.openRejects(header: source.header)
            let output = try output.map { try Output(path: $0) } ?? Output()
            let format = self.format ?? (output.isTerminal || self.output == nil && input.isBundled ? .table : .csv)
            let writer = makeDistanceWriter(format, output: output, precision: precision)
            let analyzer = try DistanceAnalyzer(atlas: atlas)
            let summary = try DistancePipeline.run(&source, analyzer: analyzer, writer: writer) { record, rejection in
                complain(rejection.description)
                rejects?.add(record, rejection)
            }
            try output.commit()
            try rejects?.commit()
            complain(summary.line)
            if summary.rejected > 0 && !input.allowRejects { throw ExitCode(ExitStatus.rowsRejected) }
        }
    }
}
