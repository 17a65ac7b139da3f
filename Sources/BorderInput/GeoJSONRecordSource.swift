import BorderModel
import Foundation
import Geodesy

/// The Point features of a GeoJSON FeatureCollection. Every property becomes a field, kept in
/// its JSON form (`InputRecord.values`) for JSON and GeoJSON output and as `JSONValue.plainText`
/// for CSV. The `id` field is `properties.id` where a feature has one (QGIS, geojson.io and most
/// tools put it there), else the Feature's top-level `id`; a `feature_id` field keeps the
/// top-level `id` whenever any feature has one.
///
/// Streamed in two passes over the bytes (`FeatureScanner`), holding one feature at a time: the
/// first checks the whole document and finds the header (so a document that is not valid JSON is
/// unusable before anything is written), the second reads the rows. The header is `id`, then
/// `feature_id` when some feature has a top-level `id`, then the property keys in order of first
/// appearance, each feature's new keys sorted. Standard input is copied to a temporary file for
/// the second pass. Where the document has `features` twice, the last one counts (as a parser
/// keeping one value per key would have it).
public struct GeoJSONRecordSource: RecordSource {
    public var file: String { layout.file }
    public var header: [String] { layout.header }
    private let layout: GeoJSONLayout
    private var blocks: FeatureBlocks
    private let parser: GeoJSONFeatureParser
    private var pending: [InputRecord] = []

    public init(path: String) throws {
        try self.init(origin: InputOrigin(path: path), options: ReadingOptions())
    }

    /// `--crs` applies to the coordinates.
    public init(origin: InputOrigin, options: ReadingOptions) throws {
        (layout, blocks) = try Self.open(origin, options: options)
        parser = try layout.parser()
    }

    public mutating func next() throws -> InputRecord? {
        if pending.isEmpty, let block = try blocks.next(maxFeatures: 256) { pending = try parser.records(block).reversed() }
        return pending.popLast()
    }

    /// The first pass (the whole document checked, the header found), and the features for the
    /// second: the calling thread scans them into blocks, which `GeoJSONLayout.parser()` turns
    /// into records on any thread.
    public static func open(_ origin: InputOrigin, options: ReadingOptions) throws -> (GeoJSONLayout, FeatureBlocks) {
        let path = origin.name
        let chunks = try ByteChunks(origin)
        if try Self.sequenceNames.contains(where: path.lowercased().hasSuffix) || SequenceTexts.looksLikeSequence(chunks.peek() ?? []) {
            return try openSequence(chunks, options: options)
        }
        var first = FeatureScanner(chunks)
        var found = HeaderKeys(), member = 0
        do {
            while let (bytes, number) = try first.next() {
                if number != member { try found.finish(); (found, member) = (HeaderKeys(), number) }   // another `features`
                try found.add(bytes)
            }
            try found.finish()
        } catch is JSONSyntaxError {
            throw UnusableInput(file: path, reason: "not valid JSON")
        } catch is FeatureScanner.NotAnObject {
            // Not an object, so not a FeatureCollection; only the message needs the whole value.
            do { _ = try JSONValue.parse(origin.readAll()) } catch is JSONSyntaxError { throw UnusableInput(file: path, reason: "not valid JSON") }
            throw UnusableInput(file: path, reason: "not a GeoJSON FeatureCollection")
        }
        guard first.type?.string == "FeatureCollection", first.lastFeaturesIsArray else {
            throw UnusableInput(file: path, reason: "not a GeoJSON FeatureCollection")
        }
        if member != first.featuresMembers { found = HeaderKeys() }   // the last `features` is empty
        let layout = try GeoJSONLayout(file: path, keys: found, isSequence: false, options: options)
        return (layout, FeatureBlocks(source: .collection(FeatureScanner(try chunks.rewound()), rowsMember: first.featuresMembers)))
    }

    /// Names of GeoJSON text sequences (RFC 8142) and newline-delimited GeoJSON.
    static let sequenceNames = [".geojsonl", ".geojsons", ".geojsonseq", ".ndjson", ".jsonl"]

    /// A sequence: the first pass finds the header (texts that are not JSON are left to their rows),
    /// the second reads the rows.
    static func openSequence(_ chunks: ByteChunks, options: ReadingOptions) throws -> (GeoJSONLayout, FeatureBlocks) {
        var first = FeatureSequence(chunks), found = HeaderKeys()
        while let block = try first.nextBlock(maxTexts: HeaderKeys.batch) { try found.add(block) }
        try found.finish()
        let layout = try GeoJSONLayout(file: chunks.name, keys: found, isSequence: true, options: options)
        return (layout, FeatureBlocks(source: .sequence(FeatureSequence(try chunks.rewound()))))
    }

    /// A value that is there and not null.
    static func present(_ value: JSONValue?) -> JSONValue? { value == .null ? nil : value }
}

/// The first pass's findings over one `features` array: whether any feature has a top-level `id`,
/// and the property keys in order of first appearance, each feature's new keys sorted. Features
/// are parsed in batches on all cores (a window of batches at a time, so memory stays bounded);
/// each batch lists its keys in its own first-appearance order, and merging the lists in input
/// order gives the order of one sequential pass.
struct HeaderKeys {
    static let batch = 512, window = 4 * ProcessInfo.processInfo.activeProcessorCount
    private(set) var keys: [String] = []
    private(set) var hasIDs = false
    private var seen = Set<String>()
    /// A collection's features not parsed yet (at most a window of batches), or a sequence's blocks.
    private var pending: [[UInt8]] = []
    private var blocks: [SequenceBlock] = []

    /// One feature's bytes, in input order; a full window is parsed.
    mutating func add(_ feature: [UInt8]) throws {
        pending.append(feature)
        if pending.count == Self.batch * Self.window { try finish() }
    }

    /// A block of a sequence's texts, in input order (a text that is not JSON is skipped here:
    /// its row is rejected later).
    mutating func add(_ block: SequenceBlock) throws {
        blocks.append(block)
        if blocks.count == Self.window { try finish() }
    }

    /// Parses what is pending; throws the first `JSONSyntaxError` in input order.
    mutating func finish() throws {
        let batches = stride(from: 0, to: pending.count, by: Self.batch).map { Array(pending[$0..<Swift.min($0 + Self.batch, pending.count)]) }
        let blocks = self.blocks
        (pending, self.blocks) = ([], [])
        let found = try batches.concurrentMap { features in try Self.scan { for feature in features { try $0(feature[...], false) } } }
            + (try blocks.concurrentMap { block in try Self.scan { visit in try SequenceTexts.forEach(block) { text, _ in try visit(text, true) } } })
        for (batchKeys, batchIDs) in found {
            hasIDs = hasIDs || batchIDs
            for key in batchKeys where seen.insert(key).inserted { keys.append(key) }
        }
    }

    /// The keys of the features `features` hands to its visitor, with whether to skip one that is not JSON.
    private static func scan(_ features: ((ArraySlice<UInt8>, Bool) throws -> Void) throws -> Void) throws -> (keys: [String], hasIDs: Bool) {
        var keys: [String] = [], seen = Set<String>(), hasIDs = false
        try features { bytes, skipsInvalid in
            // The keys alone, checked as strictly as a full parse (`JSONValue.featureOutline`).
            let outline: (hasID: Bool, propertyKeys: [String]?)
            do { outline = try JSONValue.featureOutline(bytes: bytes) } catch is JSONSyntaxError where skipsInvalid { return }
            hasIDs = hasIDs || outline.hasID
            guard let properties = outline.propertyKeys else { return }
            for key in (properties.count > 1 ? Set(properties).sorted() : properties) where key != "id" && seen.insert(key).inserted { keys.append(key) }
        }
        return (keys, hasIDs)
    }
}

/// Rows for a worker to parse: a collection's features, in order, as their bytes, or a block of
/// a sequence's texts.
public struct FeatureBlock: Sendable {
    /// The row number (from 1) of the first feature.
    public var firstRow: Int
    public var features: [[UInt8]]
    var texts: SequenceBlock?
}

/// The second pass's features in blocks; the calling thread only splits them out.
public struct FeatureBlocks {
    enum Source {
        /// A collection's features (`rowsMember`: the `features` member whose elements are the rows, the last one).
        case collection(FeatureScanner, rowsMember: Int)
        case sequence(FeatureSequence)
        /// Only while a block is read.
        case done
    }
    var source: Source
    var nextRow = 1

    public mutating func next(maxFeatures: Int) throws -> FeatureBlock? {
        var block = FeatureBlock(firstRow: nextRow, features: [], texts: nil)
        switch source {
        case .collection(var scanner, let rowsMember):
            source = .done                            // so the scanner's buffer is not shared (no copy on write)
            defer { source = .collection(scanner, rowsMember: rowsMember) }
            do {
                while block.features.count < maxFeatures, let (bytes, member) = try scanner.next() {
                    if member == rowsMember { block.features.append(bytes) }
                }
            } catch is JSONSyntaxError {
                throw UnusableInput(file: scanner.name, reason: "changed while it was read (no longer valid JSON)")
            }
        case .sequence(var sequence):
            source = .done
            defer { source = .sequence(sequence) }
            block.texts = try sequence.nextBlock(maxTexts: maxFeatures)
            return block.texts == nil ? nil : block
        case .done: break
        }
        nextRow += block.features.count
        return block.features.isEmpty ? nil : block
    }
}

/// What a worker needs to turn a collection's features into records: the header and the reading
/// options; each worker's `parser()` has its own rules and PROJ transformation.
public struct GeoJSONLayout: Sendable {
    public let file: String
    public let header: [String]
    /// Some feature has a top-level `id`: the `feature_id` field holds it.
    let hasFeatureIDs: Bool
    /// A text sequence: a text that is not JSON rejects its row (in a collection it makes the input unusable).
    let isSequence: Bool
    let options: ReadingOptions
    /// The column of each header name.
    let columns: [String: Int]

    /// The header from the first pass's keys; unusable options (a --crs PROJ does not know) fail here.
    init(file: String, keys: HeaderKeys, isSequence: Bool, options: ReadingOptions) throws {
        let hasIDs = keys.hasIDs
        header = ["id"] + (hasIDs ? ["feature_id"] : []) + keys.keys.filter { !(hasIDs && $0 == "feature_id") }
        (self.file, hasFeatureIDs, self.isSequence, self.options) = (file, hasIDs, isSequence, options)
        columns = Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        _ = try parser()
    }

    public func parser() throws -> GeoJSONFeatureParser {
        GeoJSONFeatureParser(layout: self,
                             rules: try RowRules(file: file, header: header, filters: options.filters, uncertainty: options.uncertainty,
                                                 precisionNames: ["geo_precision", "specificity", "where_prec"],
                                                 dateField: RowRules.textDate(["event_date", "date"])),
                             transformation: try options.crs.map { try PositionColumns.transformation(from: $0, file: file) })
    }
}

/// Turns features into records (one per thread: it owns a PROJ transformation for `--crs`).
public struct GeoJSONFeatureParser {
    let layout: GeoJSONLayout
    let rules: RowRules
    let transformation: Transformation?
    var file: String { layout.file }

    public func records(_ block: FeatureBlock) throws -> [InputRecord] {
        if let texts = block.texts {
            var records: [InputRecord] = []
            SequenceTexts.forEach(texts) { text, row in
                do { records.append(record(try JSONValue.featureParts(bytes: text), row: row)) } catch {
                    // A text that is not JSON is its own row's problem, never the whole input's.
                    records.append(InputRecord(row: row, fields: layout.header.map { _ in "" }, outcome: .rejected(Rejection(
                        file: file, row: row, column: "feature", value: String(decoding: text, as: UTF8.self), reason: "not valid JSON (\(error))"))))
                }
            }
            return records
        }
        return try block.features.enumerated().map { offset, bytes in
            let feature: FeatureParts
            do { feature = try JSONValue.featureParts(bytes: bytes[...]) } catch is JSONSyntaxError {
                throw UnusableInput(file: file, reason: "changed while it was read (no longer valid JSON)")
            }
            return record(feature, row: block.firstRow + offset)
        }
    }

    /// The fields: `id` is `properties.id` when there and not null, else the feature's `id`;
    /// `feature_id` (when some feature has an `id`) the feature's `id`; any other column its
    /// property (the last of repeated ones), nil when the feature has none.
    private func record(_ feature: FeatureParts, row position: Int) -> InputRecord {
        var values = [JSONValue?](repeating: nil, count: layout.header.count)
        for (key, value) in feature.properties ?? [] {
            if let column = layout.columns[key] { values[column] = value }
        }
        if GeoJSONRecordSource.present(values[0]) == nil { values[0] = feature.id }
        if layout.hasFeatureIDs { values[1] = feature.id }
        var record = rules.record(row: position, fields: values.map { $0?.plainText ?? "" }) { point(of: feature, row: position) }
        record.values = values
        return record
    }

    private func point(of feature: FeatureParts, row position: Int) -> Result<Coordinate, Rejection> {
        func reject(_ value: String, _ reason: String) -> Result<Coordinate, Rejection> {
            .failure(Rejection(file: file, row: position, column: "geometry", value: value, reason: reason))
        }
        guard let geometry = feature.geometry, geometry.isObject else { return reject("null", "the feature has no geometry") }
        let type = geometry.type?.string ?? "?"
        guard type == "Point" else { return reject(type, "expected a Point geometry") }
        guard let numbers = geometry.coordinates?.elements, numbers.count >= 2,
              let longitude = numbers[0].number, let latitude = numbers[1].number else {
            return reject(geometry.coordinates?.jsonText ?? "", "coordinates must be [longitude, latitude]")
        }
        var coordinate = Coordinate(longitude: longitude, latitude: latitude)
        if let transformation {
            guard longitude.isFinite, latitude.isFinite else { return reject("[\(longitude), \(latitude)]", "not finite") }
            do {
                let result = try transformation.transform(x: longitude, y: latitude)
                coordinate = Coordinate(longitude: result.x, latitude: result.y)
            } catch {
                return reject("[\(longitude), \(latitude)]", "\(error)")
            }
        }
        guard coordinate.isValid else { return reject("[\(longitude), \(latitude)]", "outside -180…180, -90…90") }
        return .success(coordinate)
    }
}
