import BorderModel

/// The features of a GeoJSON text sequence, one at a time as their bytes: RFC 8142 (each text after
/// an RS, 0x1E; a text may span lines) when the input's first non-blank byte is RS, else
/// newline-delimited GeoJSON (one feature a line). Blank texts are skipped; a text that is not
/// valid JSON is still a feature here (its row is rejected by the parser, not the whole input).
struct FeatureSequence {
    static let recordSeparator: UInt8 = 0x1E
    private let chunks: ByteChunks
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    /// The byte that ends a text: RS for RFC 8142, LF otherwise; decided by the first non-blank byte.
    private var separator: UInt8?
    var name: String { chunks.name }

    init(_ chunks: ByteChunks) { self.chunks = chunks }

    /// The next non-blank text, without its separators and surrounding blanks; nil at the end.
    mutating func next() throws -> [UInt8]? {
        while true {
            guard let text = try nextText() else { return nil }
            let trimmed = Self.trimmed(text)
            if !trimmed.isEmpty { return Array(trimmed) }
        }
    }

    private mutating func nextText() throws -> ArraySlice<UInt8>? {
        if separator == nil {
            guard try fill(until: { !Self.isWhitespace($0) }) else { return nil }
            separator = buffer[position] == Self.recordSeparator ? Self.recordSeparator : 0x0A
            if separator == Self.recordSeparator { position += 1 }
        }
        var searched = position
        while true {
            if let end = buffer[searched...].firstIndex(of: separator!) {
                defer { position = end + 1 }
                return buffer[position..<end]
            }
            searched = buffer.count
            guard let shift = try readMore() else {
                guard position < buffer.count else { return nil }
                defer { position = buffer.count }
                return buffer[position...]
            }
            searched -= shift
        }
    }

    /// Reads until `found` holds for a byte at or after `position`; false at the end of input.
    private mutating func fill(until found: (UInt8) -> Bool) throws -> Bool {
        while true {
            if let index = buffer[position...].firstIndex(where: found) {
                position = index
                return true
            }
            position = buffer.count
            guard try readMore() != nil else { return false }
        }
    }

    /// Appends the next chunk, first dropping what was already returned (so memory holds one text
    /// and a chunk); returns how far indices moved, nil at the end.
    private mutating func readMore() throws -> Int? {
        guard !atEnd, let chunk = try chunks.next() else {
            atEnd = true
            return nil
        }
        let shift = min(position, buffer.count)
        if shift > 0 { buffer.removeFirst(shift); position -= shift }
        buffer += chunk
        return shift
    }

    static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
    static func isBlank(_ byte: UInt8) -> Bool { isWhitespace(byte) || byte == recordSeparator }

    /// Whether an input starting with `head` (its first chunk) is a sequence rather than one
    /// document: its first non-blank byte is RS, or its first line is a whole GeoJSON Feature.
    static func looksLikeSequence(_ head: [UInt8]) -> Bool {
        let body = head.starts(with: [0xEF, 0xBB, 0xBF]) ? head.dropFirst(3) : head[...]
        guard let first = body.firstIndex(where: { !isWhitespace($0) }) else { return false }
        if body[first] == recordSeparator { return true }
        let line = body[first...].prefix { $0 != 0x0A }
        guard line.count < body[first...].count, let value = try? JSONValue.parse(bytes: Array(line), packsNumberArrays: false) else { return false }
        return value["type"]?.string == "Feature"
    }

    static func trimmed(_ text: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard let first = text.firstIndex(where: { !isBlank($0) }), let last = text.lastIndex(where: { !isBlank($0) }) else { return [] }
        return text[first...last]
    }
}
