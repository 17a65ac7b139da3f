import Foundation

/// Where the row loop's rows come from: blocks of a CSV file or pipe (plain, WKT, GTD or ACLED) or
/// the features of a GeoJSON FeatureCollection, which worker threads parse themselves; or the
/// records of a `RecordSource` (bytes in memory), read in order on the calling thread and
/// measured on the workers.
public enum RowInput {
    case csvBlocks(CSVBlockReader, CSVBlockInput)
    case featureBlocks(FeatureBlocks, GeoJSONLayout)
    case records(any RecordSource)

    /// The fastest way to read `origin`: feature blocks for GeoJSON, CSV blocks for a file or a
    /// pipe, else its `RecordSource`.
    public static func open(_ origin: InputOrigin, options: ReadingOptions = ReadingOptions()) throws -> RowInput {
        if try options.format == .geojson || options.format == nil && RecordSources.looksLikeJSON(origin) {
            let (layout, blocks) = try GeoJSONRecordSource.open(origin, options: options)
            return .featureBlocks(blocks, layout)
        }
        switch origin {
        case .file(let path): try InputOrigin.checkReadable(path)
        case .standardInput: break
        default: return .records(try RecordSources.open(origin, options: options))
        }
        let reader = try CSVBlockReader(path: origin.isStandardInput ? "-" : origin.name)
        if let layout = try CSVBlockInput(reader: reader, options: options) { return .csvBlocks(reader, layout) }
        // A pipe (standard input, a FIFO, `<(…)`) is read in blocks as a file is; when the input
        // must be read twice (ACLED), what was read and the rest go to a temporary copy first.
        guard !reader.canBeReadAgain else { return .records(try RecordSources.open(origin, options: options)) }
        let copy = try reader.copyToTemporaryFile()
        let again = try CSVBlockReader(path: copy.path, name: origin.name)
        if let layout = try CSVBlockInput(reader: again, options: options) { return .csvBlocks(again, layout) }
        return .records(try RecordSources.open(.copyOfStandardInput(copy), options: options))
    }

    public var header: [String] {
        switch self {
        case .csvBlocks(_, let layout): layout.header
        case .featureBlocks(_, let layout): layout.header
        case .records(let source): source.header
        }
    }

    /// Whether the rows have a date column (`event_date`, `date`, or GTD's `iyear`/`imonth`/`iday`).
    public var hasDates: Bool { Self.hasDates(header) }
    public static func hasDates(_ header: [String]) -> Bool { RowRules.hasDate(header) }

    public var file: String {
        switch self {
        case .csvBlocks(_, let layout): layout.file
        case .featureBlocks(_, let layout): layout.file
        case .records(let source): source.file
        }
    }
}

/// What a worker needs to read the rows of a CSV block on its own: the header, the format (plain
/// CSV, a WKT column, a GTD or an ACLED export), the reading options and, for ACLED, the newest
/// version of each event (found by a first pass over the file). Each worker builds its own
/// `PositionColumns` from it, with its own PROJ context.
public struct CSVBlockInput: Sendable {
    public let file: String
    public let header: [String]
    let headerLine: [UInt8]
    let options: ReadingOptions
    let format: InputFormat
    let versions: ACLEDVersions?

    /// Nil when the input is not a CSV that blocks can carry (GeoJSON; ACLED on standard input,
    /// which must first be copied to be read twice): those go through their own readers. Throws
    /// when the header is unusable.
    init?(reader: CSVBlockReader, options: ReadingOptions) throws {
        guard options.format != .geojson, !(try RecordSources.looksLikeJSON(InputOrigin(path: reader.path))) else { return nil }
        headerLine = try reader.headerBytes()
        header = try CSVHeader.parse(headerLine, file: reader.name)
        let lowered = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let format = options.format ?? RecordSources.detect(lowered, options: options)
        guard format != .geojson, format != .acled || reader.canBeReadAgain else { return nil }
        file = reader.name
        self.options = options
        self.format = format
        // Unusable headers fail here, on the calling thread, before any pass over the rows.
        _ = try Self.interpreter(format, header: header, file: file, options: options)
        versions = format == .acled ? try ACLEDVersions.read(path: reader.path, name: reader.name, header: header) : nil
    }

    func interpreter() throws -> (PositionColumns, RowRules) {
        try Self.interpreter(format, header: header, file: file, options: options)
    }

    static func interpreter(_ format: InputFormat, header: [String], file: String, options: ReadingOptions) throws -> (PositionColumns, RowRules) {
        switch format {
        case .gtd: try GTDRecordSource.interpreter(header: header, file: file, options: options)
        case .acled: try ACLEDRecordSource.interpreter(header: header, file: file, options: options)
        default: try CSVRecordSource.interpreter(header: header, file: file, options: options, wkt: format == .wkt)
        }
    }

    /// A parser of this file's blocks for one thread (it owns its own PROJ context).
    public func parser() throws -> CSVBlockParser {
        let (positions, rules) = try interpreter()
        return CSVBlockParser(input: self, positions: positions, rules: rules)
    }
}

/// Turns blocks of one CSV file into records, through the same rules as `CSVRecordSource`.
public struct CSVBlockParser {
    let input: CSVBlockInput
    let positions: PositionColumns
    let rules: RowRules

    public func records(_ block: CSVBlock) throws -> [InputRecord] {
        try CSVBlockRows(block, headerLine: input.headerLine, file: input.file).rows.map { row in
            rules.record(row: row.number, fields: row.fields, invalidByte: row.invalidByte,
                         superseded: input.versions?.superseded(row.fields, row: row.number)) {
                positions.position(row.fields, row: row.number)
            }
        }
    }
}
