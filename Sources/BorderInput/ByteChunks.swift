import Foundation

/// An input's bytes in chunks, for readers that never hold a whole document, and read again from
/// the start for a second pass (`rewound()`). Standard input, or any file that is not a regular
/// one (a FIFO, `<(…)`), is copied to an anonymous temporary file (`tmpfile`, already unlinked) as
/// the first pass reads it; the second pass reads that copy.
final class ByteChunks {
    static let chunkSize = 1 << 20
    let origin: InputOrigin
    var name: String { origin.name }
    private enum Source { case file(UnsafeMutablePointer<FILE>), memory([UInt8]) }
    private let source: Source
    private var offset = 0
    /// The copy of standard input being written (first pass only), closed here unless `rewound()`
    /// handed it on.
    private let spool: UnsafeMutablePointer<FILE>?
    private var ownsSpool = true

    init(_ origin: InputOrigin) throws {
        self.origin = origin
        switch origin {
        case .bytes(let bytes, _):
            (source, spool) = (.memory(bytes), nil)
        case .copyOfStandardInput(let copy):
            guard let handle = fopen(copy.path, "rb") else { throw UnusableInput(file: origin.name, reason: "cannot read its copy") }
            (source, spool) = (.file(handle), nil)
        case .file, .standardInput:
            if case .file(let path) = origin { try InputOrigin.checkReadable(path) }
            guard let handle = origin.isStandardInput ? fdopen(dup(STDIN_FILENO), "rb") : fopen(origin.name, "rb") else {
                throw UnusableInput(file: origin.name, reason: "not readable")
            }
            // Standard input (its offset is shared, even when redirected from a file), a FIFO or `<(…)`
            // cannot be read again: copied as the first pass reads it.
            guard origin.isStandardInput || !InputOrigin.isRegularFile(fileno(handle)) else { (source, spool) = (.file(handle), nil); break }
            guard let copy = tmpfile() else {
                fclose(handle)
                throw UnusableInput(file: origin.name, reason: "cannot make a temporary copy")
            }
            (source, spool) = (.file(handle), copy)
        }
    }

    private init(origin: InputOrigin, rereading handle: UnsafeMutablePointer<FILE>) {
        (self.origin, source, spool) = (origin, .file(handle), nil)
    }

    deinit {
        if case .file(let handle) = source { fclose(handle) }
        if let spool, ownsSpool { fclose(spool) }
    }

    /// The chunk `next()` will return, read ahead (call it before the first `next()`); nil: the input is empty.
    func peek() throws -> [UInt8]? {
        if case .some(let chunk) = peeked { return chunk }
        let chunk = try read()
        peeked = .some(chunk)
        return chunk
    }
    private var peeked: [UInt8]?? = nil

    /// The next chunk; nil at the end.
    func next() throws -> [UInt8]? {
        if case .some(let chunk) = peeked {
            peeked = nil
            return chunk
        }
        return try read()
    }

    private func read() throws -> [UInt8]? {
        switch source {
        case .memory(let bytes):
            guard offset < bytes.count else { return nil }
            defer { offset = min(bytes.count, offset + Self.chunkSize) }
            return Array(bytes[offset..<min(bytes.count, offset + Self.chunkSize)])
        case .file(let handle):
            var chunk = [UInt8](repeating: 0, count: Self.chunkSize)
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, Self.chunkSize, handle) }
            if count < Self.chunkSize && ferror(handle) != 0 {
                throw UnusableInput(file: name, reason: "cannot read: \(String(cString: strerror(errno)))")
            }
            guard count > 0 else { return nil }
            chunk.removeLast(Self.chunkSize - count)
            if let spool, fwrite(chunk, 1, count, spool) != count {
                throw UnusableInput(file: name, reason: "cannot copy standard input: \(String(cString: strerror(errno)))")
            }
            return chunk
        }
    }

    /// A reader of the same bytes from the start (for standard input, of the copy: call it after
    /// this reader has read to the end).
    func rewound() throws -> ByteChunks {
        if let spool {
            guard fflush(spool) == 0, fseek(spool, 0, SEEK_SET) == 0 else {
                throw UnusableInput(file: name, reason: "cannot read back the copy of standard input")
            }
            ownsSpool = false                         // the new reader closes it
            return ByteChunks(origin: origin, rereading: spool)
        }
        return try ByteChunks(origin)
    }
}
