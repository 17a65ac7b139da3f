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

    /// What a worker needs to read rows on its own: the header and the reading options.
    /// Each worker builds its own `PositionColumns` from it, with its own PROJ/GEOS contexts.
    public struct Rows: Sendable {
        public let file: String
        public let header: [String]
        let headerLine: [UInt8]
        let options: ReadingOptions
        let wkt: Bool

        /// Nil when the file is not a plain CSV this path reads (GeoJSON, ACLED, GTD): those go
        /// through their own `RecordSource`. Throws when the header is unusable (no position column).
        public init?(reader: CSVBlockReader, options: ReadingOptions) throws {
            guard options.format != .geojson, !(try RecordSources.looksLikeJSON(.file(reader.path))) else { return nil }
            headerLine = try reader.headerBytes()
            header = try CSVHeader.parse(headerLine, file: reader.path)
            let lowered = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            let format = options.format ?? RecordSources.detect(lowered, options: options)
            guard format == .csv || format == .wkt else { return nil }
            file = reader.path
            self.options = options
            wkt = format == .wkt
            _ = try interpreter()                 // unusable headers fail here, on the calling thread
        }

        func interpreter() throws -> (PositionColumns, RowRules) {
            try CSVRecordSource.interpreter(header: header, file: file, options: options, wkt: wkt)
        }
    }

    struct BlockResult: Sendable {
        var text: [UInt8] = []
        var rows = 0
        var written = 0
        var filtered = 0
        var rejections: [(InputRecord, Rejection)] = []
        var failure: String?
    }

    /// Measures every row; `reject` is called for each rejected row, in input order, on this thread.
    public func run(_ reader: CSVBlockReader, rows: Rows, atlas: Atlas, formatter: RowFormatter,
                    output: Output, progress: ProgressLine? = nil,
                    reject: (InputRecord, Rejection) -> Void) throws -> RunSummary {
        let queue = BlockingQueue<CSVBlock>()
        let results = SequencedResults<BlockResult>()
        // Workers own PROJ and GEOS contexts; wait for each to tear them down before returning,
        // or process exit would race their destructors.
        let finished = DispatchGroup()
        for _ in 0..<workers {
            finished.enter()
            Thread {
                Self.work(queue: queue, results: results, rows: rows, atlas: atlas, formatter: formatter)
                finished.leave()
            }.start()
        }
        defer {
            queue.close()
            finished.wait()
        }

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
            guard written < submitted, !output.hasFailed else { break }
            let result = results.take(written)
            written += 1
            if let failure = result.failure { throw UnusableInput(file: rows.file, reason: failure) }
            if !result.text.isEmpty {
                if summary.written > 0 { output.write(formatter.separator) }
                output.write(bytes: result.text)
            }
            summary.read += result.rows
            summary.written += result.written
            summary.rejected += result.rejections.count
            summary.filtered += result.filtered
            result.rejections.forEach(reject)
            progress?.update(rows: summary.read, bytesSoFar: reader.consumedBytes)
        }
        output.write(formatter.epilogue(isEmpty: summary.written == 0))
        progress?.finish()
        return summary
    }

    private static func work(queue: BlockingQueue<CSVBlock>, results: SequencedResults<BlockResult>,
                             rows: Rows, atlas: Atlas, formatter: RowFormatter) {
        let analyzer: DistanceAnalyzer, positions: PositionColumns, rules: RowRules
        do {
            analyzer = try DistanceAnalyzer(atlas: atlas, findsNearestPlace: formatter.columns.needsNearestPlace)
            (positions, rules) = try rows.interpreter()
        } catch {
            while let block = queue.pop() { results.post(BlockResult(failure: "\(error)"), sequence: block.sequence) }
            return
        }
        while let block = queue.pop() {
            results.post(measure(block, rows: rows, positions: positions, rules: rules, analyzer: analyzer,
                                 formatter: formatter), sequence: block.sequence)
        }
    }

    private static func measure(_ block: CSVBlock, rows: Rows, positions: PositionColumns, rules: RowRules,
                                analyzer: DistanceAnalyzer, formatter: RowFormatter) -> BlockResult {
        var result = BlockResult()
        let separator = Array(formatter.separator.utf8)
        do {
            for row in try CSVBlockRows(block, headerLine: rows.headerLine, file: rows.file).rows {
                let record = rules.record(row: row.number, fields: row.fields, invalidByte: row.invalidByte) {
                    positions.position(row.fields, row: row.number)
                }
                result.rows += 1
                if record.filteredOut != nil {
                    result.filtered += 1
                    continue
                }
                switch record.position {
                case .success(let point):
                    let mark = result.text.count
                    if result.written > 0 { result.text += separator }
                    if !formatter.append(record, try analyzer.analyze(point), to: &result.text) {
                        result.text.removeSubrange(mark...)
                    }
                    result.written += 1
                case .failure(let rejection):
                    result.rejections.append((record, rejection))
                }
            }
        } catch {
            result.failure = "\(error)"
        }
        return result
    }
}
