import BorderAnalysis
import BorderModel
import CSV
import Foundation

/// `border distances` over a CSV file on several threads, with bounded memory and output in input order.
///
/// The calling thread cuts the file into blocks of whole records (`CSVBlockReader`) and writes
/// finished blocks in order; each worker thread owns its own `DistanceAnalyzer` (and so its own
/// GEOS context), parses its blocks with CSV.swift, measures and formats them. At most
/// `blocksInFlight` blocks exist at once, so memory does not grow with the number of rows.
public struct ParallelDistances {
    public var workers: Int
    public var blocksInFlight: Int

    public init(workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.workers = max(1, workers)
        self.blocksInFlight = 2 * self.workers + 1
    }

    struct BlockResult: Sendable {
        var text = ""
        var rows = 0
        var written = 0
        var rejections: [Rejection] = []
        var failure: String?
    }

    /// Measures every row; `reject` is called for each rejected row, in input order, on this thread.
    public func run(_ reader: CSVBlockReader, columns: PointColumns, atlas: Atlas, formatter: RowFormatter,
                    output: Output, progress: Progress? = nil, reject: (Rejection) -> Void) throws -> RunSummary {
        let queue = BlockingQueue<CSVBlock>()
        let results = SequencedResults<BlockResult>()
        for _ in 0..<workers {
            Thread { Self.work(queue: queue, results: results, columns: columns, atlas: atlas, formatter: formatter) }.start()
        }
        defer { queue.close() }

        output.write(formatter.prologue)
        var summary = RunSummary()
        var submitted = 0, written = 0, endOfInput = false
        while true {
            while !endOfInput && submitted - written < blocksInFlight {
                // A small first block gets the first rows out quickly.
                if let block = try reader.next(maxRecords: submitted == 0 ? 256 : .max) {
                    queue.push(block)
                    submitted += 1
                } else {
                    endOfInput = true
                    queue.close()
                }
            }
            guard written < submitted else { break }
            let result = results.take(written)
            written += 1
            if let failure = result.failure { throw UnusableInput(file: columns.file, reason: failure) }
            if !result.text.isEmpty {
                if summary.written > 0 { output.write(formatter.separator) }
                output.write(result.text)
            }
            summary.read += result.rows
            summary.written += result.written
            summary.rejected += result.rejections.count
            result.rejections.forEach(reject)
            progress?.update(rows: summary.read, bytesSoFar: reader.consumedBytes)
        }
        output.write(formatter.epilogue(isEmpty: summary.written == 0))
        progress?.finish()
        return summary
    }

    private static func work(queue: BlockingQueue<CSVBlock>, results: SequencedResults<BlockResult>,
                             columns: PointColumns, atlas: Atlas, formatter: RowFormatter) {
        let analyzer: DistanceAnalyzer
        do { analyzer = try DistanceAnalyzer(atlas: atlas) } catch {
            while let block = queue.pop() { results.post(BlockResult(failure: "\(error)"), sequence: block.sequence) }
            return
        }
        while let block = queue.pop() {
            results.post(measure(block, columns: columns, analyzer: analyzer, formatter: formatter), sequence: block.sequence)
        }
    }

    private static func measure(_ block: CSVBlock, columns: PointColumns, analyzer: DistanceAnalyzer,
                                formatter: RowFormatter) -> BlockResult {
        var result = BlockResult()
        var rows: [String] = []
        do {
            let reader = try CSVReader(string: String(decoding: block.bytes, as: UTF8.self), hasHeaderRow: false)
            var row = block.firstRow
            while let fields = reader.next() {
                let record = columns.record(fields, row: row)
                row += 1
                result.rows += 1
                switch record.position {
                case .success(let point):
                    if let text = formatter.row(record, try analyzer.analyze(point)) { rows.append(text) }
                    result.written += 1
                case .failure(let rejection):
                    result.rejections.append(rejection)
                }
            }
        } catch {
            result.failure = "\(error)"
        }
        result.text = rows.joined(separator: formatter.separator)
        return result
    }
}

/// A progress line on stderr for long runs, only when stderr is a terminal.
public final class Progress {
    private let expectedBytes: Int
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var bytesPerRow = 0.0

    /// Nil when stderr is not a terminal.
    public init?(expectedBytes: Int) {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        self.expectedBytes = expectedBytes
    }

    public func update(rows: Int, bytesSoFar: Int? = nil) {
        let now = Date()
        guard now.timeIntervalSince(lastDraw) > 0.2, now.timeIntervalSince(start) > 0.5 else { return }
        lastDraw = now
        let rate = Double(rows) / max(1e-9, now.timeIntervalSince(start))
        var line = "\r\(rows) rows, \(Int(rate)) rows/s"
        if let bytesSoFar, expectedBytes > 0 {
            let fraction = min(1, Double(bytesSoFar) / Double(expectedBytes))
            let filled = Int(fraction * 30)
            line = "\r[" + String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled)
                + "] \(Int(fraction * 100))% " + line.dropFirst()
        }
        FileHandle.standardError.write(Data(line.utf8))
    }

    public func finish() {
        guard lastDraw != .distantPast else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
