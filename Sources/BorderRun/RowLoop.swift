import BorderInput
import Foundation
import Geodesy

/// What a worker makes of the measured rows of one block (`init()` is an empty block).
/// Used as `RowBatch & Sendable`: a batch crosses from its worker to the calling thread.
public protocol RowBatch { init() }
extension Array: RowBatch {}

/// The one row loop of every command that reads points (`distances`, `geojson`, `report`,
/// `coverage --incidents`): every row is read, given its `RowOutcome`, counted once, and, when
/// located, measured on a worker thread; results come back in input order, so any number of
/// workers gives the same bytes as one.
///
/// The calling thread reads the input: a plain CSV file in blocks of whole records that the
/// workers parse themselves, any other reader's records in batches. At most `blocksInFlight`
/// blocks exist at once, so memory does not grow with the number of rows.
public struct RowLoop: Sendable {
    public var workers: Int
    public var blocksInFlight: Int
    /// Records per batch from a `RecordSource`; the first batch is small to get rows out quickly.
    static let recordsPerBatch = 1024, firstBlockRecords = 256

    public init(workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.workers = max(1, workers)
        self.blocksInFlight = 2 * self.workers + 1
    }

    /// Measures one located row into its block's batch, on a worker thread.
    public typealias Measure<Batch> = (InputRecord, Coordinate, inout Batch) throws -> Void

    /// Runs every row of `input`. `measurer` is called once on each worker thread and makes that
    /// thread's `Measure` (so each owns its analyzer and C contexts). `deliver` receives each
    /// block's batch in input order on the calling thread and returns false to stop reading (the
    /// output failed); `reject` receives each rejected row, in input order, on the calling thread.
    public func run<Batch: RowBatch & Sendable>(_ input: RowInput, progress: ProgressLine? = nil,
                                     measurer: @escaping @Sendable () throws -> Measure<Batch>,
                                     deliver: (Batch) -> Bool,
                                     reject: (InputRecord, Rejection) -> Void) throws -> RunSummary {
        let queue = BlockingQueue<Job>()
        let results = SequencedResults<BlockResult<Batch>>()
        let layout: CSVBlockInput? = if case .csvBlocks(_, let layout) = input { layout } else { nil }
        let features: GeoJSONLayout? = if case .featureBlocks(_, let layout) = input { layout } else { nil }
        // Workers own PROJ and GEOS contexts; wait for each to tear them down before returning,
        // or process exit would race their destructors.
        let finished = DispatchGroup()
        for _ in 0..<workers {
            finished.enter()
            Thread {
                Self.work(queue: queue, results: results, layout: layout, features: features, measurer: measurer)
                finished.leave()
            }.start()
        }
        defer {
            queue.close()
            finished.wait()
        }

        var reading = Reading(input)
        var summary = RunSummary()
        var submitted = 0, delivered = 0, endOfInput = false
        while true {
            while !endOfInput && submitted - delivered < blocksInFlight {
                if let work = try reading.next(first: submitted == 0) {
                    queue.push(Job(sequence: submitted, work: work))
                    submitted += 1
                } else {
                    endOfInput = true
                    queue.close()
                }
            }
            guard delivered < submitted else { break }
            let result = results.take(delivered)
            delivered += 1
            if let failure = result.failure { throw UnusableInput(file: input.file, reason: failure) }
            summary.read += result.rows
            summary.written += result.measured
            summary.rejected += result.rejections.count
            summary.filtered += result.filtered
            let goOn = deliver(result.batch)
            result.rejections.forEach(reject)
            progress?.update(rows: summary.read, bytesSoFar: reading.consumedBytes)
            guard goOn else { break }
        }
        progress?.finish()
        return summary
    }

    enum Work: Sendable {
        case block(CSVBlock)
        case features(FeatureBlock)
        case records([InputRecord])
    }

    struct Job: Sendable {
        var sequence: Int
        var work: Work
    }

    /// The calling thread's side: the next block of the input.
    struct Reading {
        var input: RowInput

        init(_ input: RowInput) { self.input = input }

        var consumedBytes: Int? { if case .csvBlocks(let reader, _) = input { reader.consumedBytes } else { nil } }

        mutating func next(first: Bool) throws -> Work? {
            let limit = first ? RowLoop.firstBlockRecords : RowLoop.recordsPerBatch
            switch input {
            case .csvBlocks(let reader, _):
                return try reader.next(maxRecords: first ? limit : .max).map(Work.block)
            case .featureBlocks(var blocks, let layout):
                defer { input = .featureBlocks(blocks, layout) }
                return try blocks.next(maxFeatures: limit).map(Work.features)
            case .records(var source):
                var records: [InputRecord] = []
                while records.count < limit, let record = try source.next() { records.append(record) }
                input = .records(source)
                return records.isEmpty ? nil : .records(records)
            }
        }
    }

    struct BlockResult<Batch: RowBatch & Sendable>: Sendable {
        var batch = Batch()
        var rows = 0
        var measured = 0
        var filtered = 0
        var rejections: [(InputRecord, Rejection)] = []
        var failure: String?

        mutating func add(_ record: InputRecord, _ measure: Measure<Batch>) throws {
            rows += 1
            switch record.outcome {
            case .located(let point):
                try measure(record, point, &batch)
                measured += 1
            case .rejected(let rejection): rejections.append((record, rejection))
            case .filtered: filtered += 1
            }
        }
    }

    private static func work<Batch: RowBatch & Sendable>(queue: BlockingQueue<Job>, results: SequencedResults<BlockResult<Batch>>,
                                              layout: CSVBlockInput?, features: GeoJSONLayout?,
                                              measurer: @Sendable () throws -> Measure<Batch>) {
        let measure: Measure<Batch>, parser: CSVBlockParser?, featureParser: GeoJSONFeatureParser?
        do {
            measure = try measurer()
            parser = try layout?.parser()
            featureParser = try features?.parser()
        } catch {
            while let job = queue.pop() { results.post(BlockResult(failure: "\(error)"), sequence: job.sequence) }
            return
        }
        while let job = queue.pop() {
            var result = BlockResult<Batch>()
            do {
                switch job.work {
                case .records(let records):
                    for record in records { try result.add(record, measure) }
                case .block(let block):
                    // Blocks come only from `.csvBlocks`, which brings its layout: unreachable.
                    guard let parser else { throw UnusableInput(file: "", reason: "a CSV block without its layout") }
                    for record in try parser.records(block) { try result.add(record, measure) }
                case .features(let block):
                    guard let featureParser else { throw UnusableInput(file: "", reason: "features without their layout") }
                    for record in try featureParser.records(block) { try result.add(record, measure) }
                }
            } catch {
                result.failure = "\(error)"
            }
            results.post(result, sequence: job.sequence)
        }
    }
}
