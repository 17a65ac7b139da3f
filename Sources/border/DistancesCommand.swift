import ArgumentParser
import BorderAnalysis
import BorderInput
import BorderModel
import BorderOutput
import BorderReport
import BorderRun
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

    @OptionGroup(title: "The fence on each row's day (fenced_then, gap_along_km)") var coverage: CoverageOptionGroup

    @OptionGroup var data: DataOptions

    /// The computed columns `--columns` chose (checked in `validate()`).
    private var chosen: DistanceColumns.Selection? { try? columns.map(DistanceColumns.Selection.init) }

    /// The chosen columns, else the default for this input.
    private func selection(_ rows: RowInput) -> DistanceColumns.Selection {
        chosen ?? .standard(withUncertainty: input.reading.readingOptions.uncertainty.applies(to: rows.header),
                            withDates: rows.hasDates)
    }

    func validate() throws {
        if let columns {
            do { _ = try DistanceColumns.Selection(columns) } catch { throw ValidationError("\(error)") }
        }
        if coverage.asOf != nil { throw ValidationError("--as-of is for coverage: distances takes the fence on each row's own date") }
    }

    func run() throws {
        Output.installSignalHandlers()
        try reportingUnusableInput {
            let atlas = try data.loadAtlas(withAlternatives: (try? columns.map(DistanceColumns.Selection.init))??.needsSpread ?? false)
            let rows = try input.reading.open(input.file, atlas: atlas, readsDates: chosen?.needsDates ?? true)
            let output = try output.map { try Output(path: $0) } ?? Output()
            let format = self.format ?? (output.isTerminal || self.output == nil && input.isBundled ? .table : .csv)
            let summary = format == .table ? try table(rows, atlas: atlas, output: output)
                : try formatted(rows, atlas: atlas, format: format, output: output)
            try output.commit()
            try input.reading.finish(summary)
        }
    }

    /// CSV, JSON, GeoJSON: each block of rows formatted on the worker that measured it.
    private func formatted(_ rows: RowInput, atlas: Atlas, format: OutputFormat, output: Output) throws -> RunSummary {
        let formatter = RowFormatter(format: format, header: rows.header, precision: precision, columns: selection(rows))
        let stream = FormattedStream(output: output, formatter: formatter)
        let bytes = input.file.flatMap { try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int }
        let onTheDay = try coverage.onTheDay(formatter.columns, atlas: atlas, rowsHaveDates: rows.hasDates)
        let summary = try input.reading.run(rows, progressBytes: bytes ?? 0, measurer: {
            let measurer = try Measurer(atlas: atlas, selection: formatter.columns, onTheDay: onTheDay)
            return { record, point, batch in formatter.append(record, at: point, try measurer.measure(record, at: point), to: &batch) }
        }, deliver: stream.write)
        stream.finish()
        return summary
    }

    /// The table: rows measured on the workers, laid out on this thread.
    private func table(_ rows: RowInput, atlas: Atlas, output: Output) throws -> RunSummary {
        let table = TableWriter(output: output)
        let selection = selection(rows)
        table.begin(header: rows.header, showsSpread: selection.needsSpread, showsFence: selection.needsFence,
                    showsCrossing: selection.needsCrossing)
        let onTheDay = try coverage.onTheDay(selection, atlas: atlas, rowsHaveDates: rows.hasDates)
        let summary = try input.reading.run(rows, measurer: {
            let measurer = try Measurer(atlas: atlas, selection: selection, findsNearestPlace: true, onTheDay: onTheDay)
            return { (record, point, batch: inout [MeasuredRow]) in
                batch.append(MeasuredRow(record: record, result: try measurer.measure(record, at: point)))
            }
        }) { batch in
            batch.forEach { table.write($0.record, $0.result) }
            return !output.hasFailed
        }
        table.finish()
        return summary
    }
}

/// A measured row on its way to the table.
private struct MeasuredRow: Sendable {
    var record: InputRecord
    var result: MeasuredDistance
}
