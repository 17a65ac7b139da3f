import Foundation

/// ACLED's re-issued events: the newest version of each `event_id_cnty` is the row with the
/// highest `timestamp` (an unparsable one ranks oldest; ties: the later row); every other version
/// is filtered as superseded. Found by a first pass over the rows, kept as one entry per distinct
/// event id (its newest timestamp and row number, `EventVersionTable`: about 40 bytes an id), read
/// by the second pass. Without a `timestamp` column nothing is superseded.
public struct ACLEDVersions: Sendable {
    let idColumn: Int
    let timestampColumn: Int?
    private var newest = EventVersionTable()

    /// Throws when the header has no `event_id_cnty` (`--input-format acled` on another file).
    init(header: [String], file: String) throws {
        let lowered = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let idColumn = lowered.firstIndex(of: "event_id_cnty") else {
            throw UnusableInput(file: file, reason: "not an ACLED export: no event_id_cnty column")
        }
        (self.idColumn, timestampColumn) = (idColumn, lowered.firstIndex(of: "timestamp"))
    }

    /// Pass 1, for one row (rows in input order).
    mutating func add(_ fields: [String], row: Int) {
        if let version = Self.version(fields, idColumn: idColumn, timestampColumn: timestampColumn) {
            keep(version.id, timestamp: version.timestamp, row: row)
        }
    }

    private mutating func keep(_ id: String, timestamp: Int64, row: Int) {
        newest.keep(id.utf8, timestamp: timestamp, row: row)
    }

    private static func version(_ fields: [String], idColumn: Int, timestampColumn: Int?) -> (id: String, timestamp: Int64)? {
        guard let timestampColumn, idColumn < fields.count else { return nil }
        let stamp = timestampColumn < fields.count ? Int64(fields[timestampColumn].trimmingBlanks) ?? .min : .min
        return (fields[idColumn], stamp)
    }

    /// Pass 2: why the row is filtered, when a newer version of its event exists.
    func superseded(_ fields: [String], row: Int) -> String? {
        guard idColumn < fields.count, let winner = newest.newestRow(fields[idColumn].utf8), winner != row else { return nil }
        return "superseded by row \(winner) (newer timestamp)"
    }

    /// Pass 1 over a whole file in blocks: windows of blocks are parsed on every core, and their
    /// versions merged in input order (the same table as one sequential pass).
    static func read(path: String, name: String, header: [String]) throws -> ACLEDVersions {
        var versions = try ACLEDVersions(header: header, file: name)
        guard versions.timestampColumn != nil else { return versions }
        let reader = try CSVBlockReader(path: path, name: name)
        let headerLine = try reader.headerBytes()
        let window = 4 * ProcessInfo.processInfo.activeProcessorCount
        var blocks: [CSVBlock] = []
        func merge() throws {
            let (idColumn, timestampColumn) = (versions.idColumn, versions.timestampColumn!)
            let found = try blocks.concurrentMap { block -> PlainVersions in
                // A plain block's two columns are cut out as bytes; any other goes through the full reader.
                if let plain = PlainVersions(block, idColumn: idColumn, timestampColumn: timestampColumn) { return plain }
                let rows = try CSVBlockRows(block, headerLine: headerLine, file: name).rows
                return PlainVersions(strings: rows.compactMap { row in
                    version(row.fields, idColumn: idColumn, timestampColumn: timestampColumn).map { ($0.id, $0.timestamp, row.number) }
                })
            }
            for (block, versionsFound) in zip(blocks, found) {
                for version in versionsFound.ranges {
                    versions.newest.keep(block.bytes[version.id], timestamp: version.timestamp, row: version.row)
                }
                for (id, timestamp, row) in versionsFound.strings { versions.keep(id, timestamp: timestamp, row: row) }
            }
        }
        while let block = try reader.next() {
            blocks.append(block)
            if blocks.count == window { try merge(); blocks = [] }
        }
        try merge()
        return versions
    }
}

/// The (id, timestamp, row) of each row of a block: for a plain block (ASCII, no quote, no
/// carriage return: split at commas and line feeds, as `CSVBlockRows.splitPlain` does) as where the
/// id's bytes are, with no string made; for any other, from its parsed rows.
struct PlainVersions: Sendable {
    var ranges: [(id: Range<Int>, timestamp: Int64, row: Int)] = []
    var strings: [(String, Int64, Int)] = []

    init(strings: [(String, Int64, Int)]) { self.strings = strings }

    init?(_ block: CSVBlock, idColumn: Int, timestampColumn: Int) {
        let bytes = block.bytes
        var ranges: [(id: Range<Int>, timestamp: Int64, row: Int)] = []
        // One pass through a raw buffer (this runs over every byte of the export): a byte that is
        // not plain (non-ASCII, a quote, a carriage return) gives up, for the general parser.
        let isPlain = bytes.withUnsafeBufferPointer { buffer -> Bool in
            var row = block.firstRow, column = 0, fieldStart = 0
            var id: Range<Int>? = nil, timestamp: Int64 = .min
            func endField(_ end: Int) {
                if column == idColumn { id = fieldStart..<end }
                if column == timestampColumn { timestamp = Self.integer(bytes[fieldStart..<end]) ?? .min }
            }
            func endRow() {
                if let id { ranges.append((id, timestamp, row)) }
                (row, column, id, timestamp) = (row + 1, 0, nil, .min)
            }
            for index in buffer.indices {
                let byte = buffer[index]
                if byte >= 0x80 || byte == 0x22 || byte == 0x0D { return false }
                guard byte == 0x2C || byte == 0x0A else { continue }
                endField(index)
                fieldStart = index + 1
                if byte == 0x0A { endRow() } else { column += 1 }
            }
            if fieldStart < buffer.count || column > 0 {
                endField(buffer.count)
                endRow()
            }
            return true
        }
        guard isPlain else { return nil }
        self.ranges = ranges
    }

    /// `Int64(text.trimmingBlanks)` for ASCII text: blanks are spaces and tabs.
    static func integer(_ text: ArraySlice<UInt8>) -> Int64? {
        guard let first = text.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return nil }
        let last = text.lastIndex(where: { $0 != 0x20 && $0 != 0x09 })!
        var digits = text[first...last]
        var negative = false
        if digits.first == 0x2D || digits.first == 0x2B {
            negative = digits.first == 0x2D
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty else { return nil }
        var value: Int64 = 0
        for byte in digits {
            guard (0x30...0x39).contains(byte) else { return nil }
            let digit = Int64(byte - 0x30)
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
            guard !overflow1, !overflow2 else { return nil }
            value = next
        }
        return value
    }
}
