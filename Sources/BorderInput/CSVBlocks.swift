import Foundation

/// A run of whole CSV records cut from a file, for parsing on another thread.
public struct CSVBlock: Sendable {
    /// Position in the file, from 0.
    public var sequence: Int
    /// Spreadsheet row number of the block's first record (the header is row 1).
    public var firstRow: Int
    public var bytes: [UInt8]
}

/// Cuts a CSV file into blocks of whole records without parsing fields: it only follows quote
/// parity, so a record break is a line break outside quotes (LF, CRLF or a lone CR, as in RFC 4180
/// and CSV.swift). The fields themselves are parsed later, in parallel, by CSV.swift.
public final class CSVBlockReader {
    public let path: String
    /// The name in messages: the path, or "-" for standard input and its copy.
    public let name: String
    private let handle: UnsafeMutablePointer<FILE>
    private var pending: [UInt8] = []     // bytes read but not yet handed out
    private var scanned = 0               // how far `pending` has been scanned
    private var insideQuotes = false
    private var breaks: [Int] = []        // offsets in `pending` just after each record break
    private var atEnd = false
    private var sequence = 0
    /// Bytes handed out in blocks so far.
    public private(set) var consumedBytes = 0
    private var nextRow = 1
    public let blockSize: Int
    /// The header record as read (for `copyToTemporaryFile`).
    private var headerBlock: [UInt8] = []

    public init(path: String, name: String? = nil, blockSize: Int = 1 << 16) throws {
        self.path = path
        self.name = name ?? path
        self.blockSize = blockSize
        if path == "-" {
            handle = fdopen(dup(STDIN_FILENO), "rb")
        } else {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw UnusableInput(file: path, reason: "no such file")
            }
            guard !isFolder.boolValue else { throw UnusableInput(file: path, reason: "is a folder, not a file") }
            guard let file = fopen(path, "rb") else { throw UnusableInput(file: path, reason: "not readable") }
            handle = file
        }
    }

    deinit { fclose(handle) }

    /// True for a regular file named by its path, which a second reader can read again from the
    /// start; false for a FIFO or a process substitution (`<(…)`), and for standard input even when
    /// it is redirected from a file (`- < file`): a second reader of "-" shares its offset.
    public var canBeReadAgain: Bool { path != "-" && InputOrigin.isRegularFile(fileno(handle)) }

    /// The first record's bytes (the header), without its line break or a UTF-8 byte-order mark.
    public func headerBytes() throws -> [UInt8] {
        guard let block = try next(maxRecords: 1) else { throw UnusableInput(file: name, reason: "empty: no header row") }
        sequence = 0                          // the header is not a block of rows
        headerBlock = block.bytes
        var bytes = block.bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        while let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
        return bytes
    }

    /// The next block of about `blockSize` bytes of whole records; a final record without a line
    /// break comes as a block of its own.
    public func next(maxRecords: Int = .max) throws -> CSVBlock? {
        while !atEnd && breaks.count < maxRecords && (breaks.last ?? 0) < blockSize { try fill() }
        let cut: Int, records: Int
        if breaks.isEmpty {
            guard !pending.isEmpty else { return nil }
            (cut, records) = (pending.count, 1)
        } else {
            // The records up to the first break at or past `blockSize` (reads come in larger chunks).
            let full = breaks.firstIndex { $0 >= blockSize }.map { $0 + 1 } ?? breaks.count
            records = min(maxRecords, full)
            cut = breaks[records - 1]
        }
        let block = CSVBlock(sequence: sequence, firstRow: nextRow, bytes: Array(pending[..<cut]))
        sequence += 1
        nextRow += records
        consumedBytes += cut
        pending.removeFirst(cut)
        scanned -= cut
        breaks = breaks.dropFirst(records).map { $0 - cut }
        return block
    }

    /// Every byte of the input, from its first, in a temporary file: the header already read,
    /// the bytes read ahead, and the rest. For standard input whose header shows a format that
    /// blocks do not carry (ACLED, GTD), whose readers then read the copy.
    public func copyToTemporaryFile() throws -> InputOrigin.TemporaryCopy {
        guard let copy = tmpfile() else { throw UnusableInput(file: name, reason: "cannot make a temporary copy of standard input") }
        let temporary = InputOrigin.TemporaryCopy(handle: copy, name: name)
        func write(_ bytes: [UInt8]) throws {
            guard bytes.isEmpty || fwrite(bytes, 1, bytes.count, copy) == bytes.count else {
                throw UnusableInput(file: name, reason: "cannot copy standard input: \(String(cString: strerror(errno)))")
            }
        }
        try write(headerBlock + pending)
        pending = []
        while !atEnd {
            try fill()
            try write(pending)
            pending = []
        }
        guard fflush(copy) == 0 else { throw UnusableInput(file: name, reason: "cannot copy standard input: \(String(cString: strerror(errno)))") }
        return temporary
    }

    /// read(2), not fread: from a pipe it returns what has arrived instead of waiting for a full
    /// chunk, so rows from a slow producer are measured as they come.
    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 1 << 18)
        var count: Int
        repeat {
            count = chunk.withUnsafeMutableBytes { read(fileno(handle), $0.baseAddress, $0.count) }
        } while count < 0 && errno == EINTR
        if count < 0 { throw UnusableInput(file: name, reason: "read error: \(String(cString: strerror(errno)))") }
        if count == 0 { atEnd = true }
        pending.append(contentsOf: chunk[..<count])
        scan()
    }

    /// Records line breaks outside quotes. A CR at the very end waits for the next read (it may be CRLF).
    /// The state is held in locals while the bytes are read (this runs over every byte of the
    /// input on the reading thread; a class's properties are reached through memory each time).
    private func scan() {
        var (quoted, found) = (insideQuotes, breaks)
        breaks = []                                   // moved out, so appending does not copy it
        let atEnd = atEnd
        scanned = pending.withUnsafeBufferPointer { bytes in
            var i = scanned
            while i < bytes.count {
                let byte = bytes[i]
                if byte == 0x22 {
                    quoted.toggle()
                } else if byte == 0x0A && !quoted {
                    found.append(i + 1)
                } else if byte == 0x0D && !quoted {
                    if i + 1 == bytes.count && !atEnd { break }
                    if i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
                    found.append(i + 1)
                }
                i += 1
            }
            return i
        }
        (insideQuotes, breaks) = (quoted, found)
    }
}
