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
            FILE is a CSV whose header names lat/latitude and lon/longitude (and optionally id), or a GeoJSON
            FeatureCollection of Points; without FILE the bundled incidents are measured. Input columns pass
            through; the computed columns are \(DistanceColumns.names.joined(separator: ", ")).
            """)

    @Argument(help: ArgumentHelp("CSV or GeoJSON file of points ('-' for CSV on stdin). Default: the bundled incidents.", valueName: "FILE"))
    var file: String?

    @Option(name: .shortAndLong, help: "Output format: table (default on a terminal), csv, json or geojson.")
    var format: OutputFormat?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE atomically instead of stdout.", valueName: "FILE"))
    var output: String?

    @Option(help: "Name of the latitude column (default: lat, latitude, y).")
    var latColumn: String?

    @Option(help: "Name of the longitude column (default: lon, lng, long, longitude, x).")
    var lonColumn: String?

    @Option(help: "Decimals of coordinates in GeoJSON output.")
    var precision: Int = 6

    @Flag(help: "Exit with status 0 even when some rows were rejected.")
    var allowRejects = false

    @OptionGroup var data: DataOptions

    func run() throws {
        Output.removePartialFilesOnInterrupt()
        try reportingUnusableInput {
            let atlas = try data.loadAtlas()
            var source = try openSource(atlas: atlas)
            let output = try output.map { try Output(path: $0) } ?? Output()
            let format = self.format ?? (output.isTerminal || self.output == nil && file == nil ? .table : .csv)
            let writer = makeDistanceWriter(format, output: output, precision: precision)
            let analyzer = try DistanceAnalyzer(atlas: atlas)
            let summary = try measure(&source, analyzer: analyzer, writer: writer)
            try output.commit()
            complain("\(summary.read) rows read, \(summary.written) measured, \(summary.rejected) rejected")
            if summary.rejected > 0 && !allowRejects { throw ExitCode(ExitStatus.rowsRejected) }
        }
    }

    private func openSource(atlas: Atlas) throws -> any RecordSource {
        let path = file ?? atlas.incidentsFile.path
        if path.lowercased().hasSuffix(".geojson") || path.lowercased().hasSuffix(".json") {
            return try GeoJSONRecordSource(path: path)
        }
        return try CSVRecordSource(path: path, latitudeColumn: latColumn, longitudeColumn: lonColumn)
    }

    private func measure(_ source: inout any RecordSource, analyzer: DistanceAnalyzer,
                         writer: DistanceWriter) throws -> (read: Int, written: Int, rejected: Int) {
        var read = 0, written = 0, rejected = 0
        writer.begin(header: source.header)
        while let record = try source.next() {
            read += 1
            switch record.position {
            case .success(let point):
                writer.write(record, try analyzer.analyze(point))
                written += 1
            case .failure(let rejection):
                complain(rejection.description)
                rejected += 1
            }
        }
        writer.finish()
        return (read, written, rejected)
    }
}
