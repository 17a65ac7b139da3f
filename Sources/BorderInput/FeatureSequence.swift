import BorderModel
import Foundation

/// A GeoJSON text sequence in blocks of whole texts, for workers to split and parse: RFC 8142
/// (each text after an RS, 0x1E; a text may span lines) when the input's first non-blank byte is
/// RS, else newline-delimited GeoJSON (one text a line). The calling thread only finds where a
/// block ends; the texts are cut out by `SequenceTexts` on the workers.
///
/// A text's row is its line (newline-delimited) or the number of RS before it (RFC 8142), so a
/// message names the line to fix; blank texts are no rows. A text that is not valid JSON is still a
/// row here: its parser rejects it, not the whole input.
struct FeatureSequence {
    static let recordSeparator: UInt8 = 0x1E
    private let chunks: ByteChunks
    /// Bytes read and not handed out, from `start` (always the start of a text).
    private var pending: [UInt8] = []
    private var start = 0
    /// The byte that ends a text, decided by the first non-blank byte; and the next text's row.
    private var separator: UInt8?
    private var nextRow = 1
    var name: String { chunks.name }

    init(_ chunks: ByteChunks) { self.chunks = chunks }

    /// The next block of up to `maxTexts` whole texts (blank ones included), or nil at the end.
    mutating func nextBlock(maxTexts: Int) throws -> SequenceBlock? {
        if separator == nil {
            guard try detectSeparator() else { return nil }
        }
        let separator = separator!
        var texts = 0, scanned = start, cut = start
        while texts < maxTexts {
            if let end = SequenceTexts.firstIndex(of: separator, in: pending, from: scanned) {
                texts += 1
                (scanned, cut) = (end + 1, end + 1)
                continue
            }
            scanned = pending.count
            guard let shift = try readMore() else {
                cut = pending.count                    // the last text, with no separator after it
                break
            }
            (scanned, cut) = (scanned - shift, cut - shift)
        }
        guard cut > start else { return nil }
        let block = SequenceBlock(bytes: Array(pending[start..<cut]), separator: separator, firstRow: nextRow)
        nextRow += texts
        start = cut
        return block
    }

    /// Reads up to the first non-blank byte: RS starts RFC 8142 texts (the bytes before it are
    /// text 0, blank); anything else, lines from line 1. False for an input of blanks only.
    private mutating func detectSeparator() throws -> Bool {
        while true {
            if let first = pending[start...].firstIndex(where: { !SequenceTexts.isWhitespace($0) }) {
                separator = pending[first] == Self.recordSeparator ? Self.recordSeparator : 0x0A
                nextRow = separator == Self.recordSeparator ? 0 : 1
                return true
            }
            guard try readMore() != nil else { return false }
        }
    }

    /// Appends the next chunk after the bytes not yet handed out (dropping those that were, so
    /// memory holds at most a block and a chunk). Returns how far indices into `pending` moved;
    /// nil at the end.
    private mutating func readMore() throws -> Int? {
        guard let chunk = try chunks.next() else { return nil }
        let shift = start
        if shift > 0 {
            pending = Array(pending[shift...])
            start = 0
        }
        pending += chunk
        return shift
    }
}

/// Whole texts of a sequence, each ended by `separator` (the last of the input may not be).
public struct SequenceBlock: Sendable {
    var bytes: [UInt8]
    var separator: UInt8
    /// The row of the first text: its line, or the number of RS before it.
    var firstRow: Int
}

/// Cuts a block into its texts, blanks and separators trimmed, blank texts left out.
enum SequenceTexts {
    static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
    static func isBlank(_ byte: UInt8) -> Bool { isWhitespace(byte) || byte == FeatureSequence.recordSeparator }

    static func forEach(_ block: SequenceBlock, _ body: (ArraySlice<UInt8>, Int) throws -> Void) rethrows {
        var row = block.firstRow, textStart = 0
        let bytes = block.bytes
        func text(_ range: Range<Int>) throws {
            let piece = bytes[range]
            guard let first = piece.firstIndex(where: { !isBlank($0) }) else { return }
            let last = piece.lastIndex(where: { !isBlank($0) })!
            try body(bytes[first...last], row)
        }
        while let end = firstIndex(of: block.separator, in: bytes, from: textStart) {
            try text(textStart..<end)
            (textStart, row) = (end + 1, row + 1)
        }
        if textStart < bytes.count { try text(textStart..<bytes.count) }
    }

    /// `bytes[start...].firstIndex(of: byte)`, by `memchr`: every byte of a sequence is searched
    /// three times (for where blocks end, for its keys, for its records), and a loop over the array
    /// was a tenth of a row's work.
    static func firstIndex(of byte: UInt8, in bytes: [UInt8], from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            memchr(buffer.baseAddress! + start, Int32(byte), buffer.count - start)
                .map { buffer.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }
        }
    }

    /// Whether an input starting with `head` (its first chunk) is a sequence rather than one
    /// document: its first non-blank byte is RS, or its first line is a whole GeoJSON Feature.
    static func looksLikeSequence(_ head: [UInt8]) -> Bool {
        let body = head.starts(with: [0xEF, 0xBB, 0xBF]) ? head.dropFirst(3) : head[...]
        guard let first = body.firstIndex(where: { !isWhitespace($0) }) else { return false }
        if body[first] == FeatureSequence.recordSeparator { return true }
        let line = body[first...].prefix { $0 != 0x0A }
        guard line.count < body[first...].count, let value = try? JSONValue.parse(bytes: Array(line), packsNumberArrays: false) else { return false }
        return value["type"]?.string == "Feature"
    }
}
