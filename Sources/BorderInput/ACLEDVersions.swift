import Foundation

/// ACLED's re-issued events: the newest version of each `event_id_cnty` is the row with the
/// highest `timestamp` (an unparsable one ranks oldest; ties: the later row); every other version
/// is filtered as superseded. Found by a first pass over the rows, kept as one entry per distinct
/// event id (its newest timestamp and row number), read by the second pass. Without a `timestamp`
/// column nothing is superseded.
public struct ACLEDVersions: Sendable {
    let idColumn: Int
    let timestampColumn: Int?
    private var newest: [String: (timestamp: Int64, row: Int)] = [:]

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
        if let known = newest[id], known.timestamp > timestamp { return }
        newest[id] = (timestamp, row)
    }

    private static func version(_ fields: [String], idColumn: Int, timestampColumn: Int?) -> (id: String, timestamp: Int64)? {
        guard let timestampColumn, idColumn < fields.count else { return nil }
        let stamp = timestampColumn < fields.count ? Int64(fields[timestampColumn].trimmingBlanks) ?? .min : .min
        return (fields[idColumn], stamp)
    }

    /// Pass 2: why the row is filtered, when a newer version of its event exists.
    func superseded(_ fields: [String], row: Int) -> String? {
        guard idColumn < fields.count, let winner = newest[fields[idColumn]]?.row, winner != row else { return nil }
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
            let (idColumn, timestampColumn) = (versions.idColumn, versions.timestampColumn)
            let found = try blocks.concurrentMap { block in
                try CSVBlockRows(block, headerLine: headerLine, file: name).rows.compactMap { row in
                    version(row.fields, idColumn: idColumn, timestampColumn: timestampColumn).map { ($0.id, $0.timestamp, row.number) }
                }
            }
            for (id, timestamp, row) in found.joined() { versions.keep(id, timestamp: timestamp, row: row) }
        }
        while let block = try reader.next() {
            blocks.append(block)
            if blocks.count == window { try merge(); blocks = [] }
        }
        try merge()
        return versions
    }
}
