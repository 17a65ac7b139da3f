import ArgumentParser
import BorderAnalysis
import BorderFormats
import BorderModel
import CSystem
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

    @Option(name: .shortAndLong, help: "Output format: table (default on a terminal), csv, json, geojson or geojsonseq (RFC 8142).")
    var format: OutputFormat?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE instead of stdout: atomically for a regular file (a link is followed; a FIFO or device is written directly).", valueName: "FILE"))
    var output: String?

    @Option(help: ArgumentHelp("Computed columns to write, comma-separated (default: all); the nearest place is not looked up when none of its columns is chosen. Not for the table.", valueName: "NAMES"))
    var columns: String?

    @Option(help: "Decimals of coordinates in GeoJSON output.")
    var precision: Int = 6

    @Option(help: "Worker threads for CSV input (default: one per core).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var data: DataOptions

    /// The computed columns `--columns` chose; checked in `validate()`.
    private var selection: DistanceColumns.Selection { (try? columns.map(DistanceColumns.Selection.init)) ?? .all }

    func validate() throws {
        if let columns {
            do { _ = try DistanceColumns.Selection(columns) } catch { throw ValidationError("\(error)") }
        }
    }

    func run() throws {
        Output.installSignalHandlers()
        border_limit_malloc_arenas(Int32(max(1, threads)))
        try reportingUnusableInput {
            let atlas = try data.loadAtlas()
            let output = try output.map { try Output(path: $0) } ?? Output()
            let format = self.format ?? (output.isTerminal || self.output == nil && input.isBundled ? .table : .csv)
            let summary = try measureInParallel(atlas: atlas, format: format, output: output)
                ?? measureInOrder(atlas: atlas, format: format, output: output)
            try output.commit()
            complain(summary.line)
            if summary.rejected > 0 && !input.allowRejects { throw ExitCode(ExitStatus.rowsRejected) }
        }
    }

    /// A plain CSV file (degrees, DMS, --crs or WKT) to anything but the table: blocks of rows
    /// measured on worker threads. Nil for every other input, which `measureInOrder` reads.
    private func measureInParallel(atlas: Atlas, format: OutputFormat, output: Output) throws -> RunSummary? {
        let path = input.file ?? atlas.incidentsFile.path
        guard format != .table, path != "-" else { return nil }
        let reader = try CSVBlockReader(path: path)
        guard let rows = try ParallelDistances.Rows(reader: reader, options: input.readingOptions) else { return nil }
        let rejects = try input.openRejects(header: rows.header)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let summary = try ParallelDistances(workers: threads).run(
            reader, rows: rows, atlas: atlas,
            formatter: RowFormatter(format: format, header: rows.header, precision: precision, columns: selection),
            output: output, progress: ProgressLine(expectedBytes: size)) { record, rejection in
                complain(rejection.description)
                rejects?.add(record, rejection)
            }
        try rejects?.commit()
        return summary
    }

    /// Everything else (GeoJSON, ACLED, GTD, standard input, the table): one row at a time.
    private func measureInOrder(atlas: Atlas, format: OutputFormat, output: Output) throws -> RunSummary {
        var source = try input.openSource(atlas: atlas)
        let rejects = try input.openRejects(header: source.header)
        let writer = makeDistanceWriter(format, output: output, precision: precision, columns: selection)
        let analyzer = try DistanceAnalyzer(atlas: atlas, findsNearestPlace: format == .table || selection.needsNearestPlace)
        let summary = try DistancePipeline.run(&source, analyzer: analyzer, writer: writer) { record, rejection in
            complain(rejection.description)
            rejects?.add(record, rejection)
        }
        try rejects?.commit()
        return summary
    }
}
