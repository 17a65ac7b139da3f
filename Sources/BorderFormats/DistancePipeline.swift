import BorderAnalysis
import Geodesy

/// Counts of one run; `read == written + rejected + filtered` always.
public struct RunSummary: Sendable, Equatable {
    public var read = 0
    public var written = 0
    public var rejected = 0
    /// Rows left out on purpose by a filter (see `InputRecord.filteredOut`).
    public var filtered = 0

    public var line: String {
        "\(read) rows read, \(written) measured, \(rejected) rejected" + (filtered > 0 ? ", \(filtered) filtered" : "")
    }
}

/// Reads → measures → writes, row by row, in input order.
public enum DistancePipeline {
    /// `reject` receives every row that could not be measured (already described by its `Rejection`).
    public static func run(_ source: inout any RecordSource, analyzer: DistanceAnalyzer, writer: DistanceWriter,
                           reject: (InputRecord, Rejection) -> Void) throws -> RunSummary {
        var summary = RunSummary()
        writer.begin(header: source.header)
        while !writer.outputFailed, let record = try source.next() {
            summary.read += 1
            if record.filteredOut != nil {
                summary.filtered += 1
                continue
            }
            switch record.position {
            case .success(let point):
                writer.write(record, try analyzer.analyze(point))
                summary.written += 1
            case .failure(let rejection):
                reject(record, rejection)
                summary.rejected += 1
            }
        }
        writer.finish()
        return summary
    }
}
