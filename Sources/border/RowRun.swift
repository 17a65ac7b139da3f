import ArgumentParser
import BorderAnalysis
import BorderInput
import BorderModel
import BorderOutput
import BorderReport
import BorderRun
import CSystem
import Foundation

extension FormattedRows: RowBatch {}

/// How every command that reads points runs its rows: the one `RowLoop`, each rejected row on
/// stderr and in `--rejects`, then (once the output is committed) one summary line and the exit
/// status.
extension ReadingOptionGroup {
    func run<Batch: RowBatch & Sendable>(_ input: RowInput, progressBytes: Int? = nil,
                              measurer: @escaping @Sendable () throws -> RowLoop.Measure<Batch>,
                              deliver: (Batch) -> Bool) throws -> RunSummary {
        border_limit_malloc_arenas(Int32(threads))
        let rejectsFile = try rejects.map { try RejectsFile(path: $0, header: input.header) }
        let summary = try RowLoop(workers: threads).run(
            input, progress: progressBytes.flatMap(ProgressLine.init(expectedBytes:)), measurer: measurer, deliver: deliver
        ) { record, rejection in
            complain(rejection.description)
            rejectsFile?.add(record, rejection)
        }
        try rejectsFile?.commit()
        return summary
    }

    /// Every located row collected in input order (the map, the report, coverage's incidents).
    func collect<Row: Sendable>(_ input: RowInput, measurer: @escaping @Sendable () throws -> RowLoop.Measure<[Row]>) throws -> ([Row], RunSummary) {
        var rows: [Row] = []
        let summary = try run(input, measurer: measurer) { batch in
            rows += batch
            return true
        }
        return (rows, summary)
    }

    /// Every located row of `path` measured, for the map and the report: its distance, the interval over
    /// its uncertainty disc, and its spread when the atlas has the alternative lines loaded.
    func measuredIncidents(_ path: String?, atlas: Atlas) throws -> ([MeasuredIncident], RunSummary) {
        let rows = try open(path, atlas: atlas, readsDates: true)
        let header = rows.header, columns = IncidentColumns(header: header)
        return try collect(rows) {
            let analyzer = try DistanceAnalyzer(atlas: atlas)
            return { (record, point, batch: inout [MeasuredIncident]) in
                let result = try analyzer.analyze(point)
                let interval = analyzer.interval(around: point, result, radiusMetres: record.uncertainty.radiusKilometres * 1000)
                batch.append(MeasuredIncident(header: header, columns: columns, record: record, point: point, result: result,
                                              interval: interval, spread: analyzer.spread(at: point, result)))
            }
        }
    }

    /// The summary line and the exit status of the rows (see `exitStatus(after:allowRejects:)`).
    func finish(_ summary: RunSummary) throws { try exitStatus(after: summary, allowRejects: allowRejects) }
}
