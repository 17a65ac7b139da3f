import Foundation

/// Opens the right reader for an input: `--input-format` if given, else by the file's extension
/// or first byte (GeoJSON), else by the CSV header (ACLED, GTD, a WKT column, generic lat/lon).
public enum RecordSources {
    public static func open(_ origin: InputOrigin, options: ReadingOptions = ReadingOptions()) throws -> any RecordSource {
        // Some readers read their input twice (ACLED, GeoJSON): standard input is copied first.
        if origin.isStandardInput { return try open(.copyOfStandardInput(try CSVBlockReader(path: "-").copyToTemporaryFile()), options: options) }
        let format = try options.format ?? (looksLikeJSON(origin) ? .geojson : nil)
        if format == .geojson { return try GeoJSONRecordSource(origin: origin, options: options) }
        let rows = try CSVRows(origin)
        let lowered = rows.header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        switch format ?? detect(lowered, options: options) {
        case .acled: return try ACLEDRecordSource(rows: rows, origin: origin, options: options)
        case .gtd: return try GTDRecordSource(rows: rows, options: options)
        case .wkt: return try CSVRecordSource(rows: rows, options: options, wkt: true)
        case .csv, .geojson: return try CSVRecordSource(rows: rows, options: options, wkt: false)
        }
    }

    /// The format a CSV header shows.
    public static func detect(_ lowered: [String], options: ReadingOptions = ReadingOptions()) -> InputFormat {
        if ACLEDRecordSource.matches(lowered) { return .acled }
        if GTDRecordSource.matches(lowered) { return .gtd }
        if options.wktColumn != nil { return .wkt }
        let hasPair = (PositionColumns.latitudeNames + PositionColumns.northingNames).contains(where: lowered.contains)
        if !hasPair && options.latitudeColumn == nil && PositionColumns.wktNames.contains(where: lowered.contains) { return .wkt }
        return .csv
    }

    /// A `.geojson`/`.json` name or a sequence's (`.geojsonl`, `.geojsons`, `.geojsonseq`, `.ndjson`,
    /// `.jsonl`), or a regular file whose first non-blank byte (after a BOM) is `{` or RS.
    /// A FIFO or `<(…)` is judged by its name alone: looking at its bytes would take them from the
    /// reader (`--input-format geojson` says what it holds).
    static func looksLikeJSON(_ origin: InputOrigin) throws -> Bool {
        let head: [UInt8]
        switch origin {
        case .standardInput, .copyOfStandardInput: return false
        case .bytes(let bytes, _): head = Array(bytes.prefix(4096))
        case .file(let path):
            let lowered = path.lowercased()
            if lowered.hasSuffix(".geojson") || lowered.hasSuffix(".json")
                || GeoJSONRecordSource.sequenceNames.contains(where: lowered.hasSuffix) { return true }
            try InputOrigin.checkReadable(path)
            var status = stat()
            guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return false }
            guard let handle = FileHandle(forReadingAtPath: path) else { throw UnusableInput(file: path, reason: "not readable") }
            defer { try? handle.close() }
            head = [UInt8]((try? handle.read(upToCount: 4096)) ?? Data())
        }
        let body = head.starts(with: [0xEF, 0xBB, 0xBF]) ? head.dropFirst(3) : head[...]
        let first = body.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        return first == UInt8(ascii: "{") || first == FeatureSequence.recordSeparator
    }
}
