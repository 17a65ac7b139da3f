import BorderModel

/// Walks a GeoJSON document's top-level object from a `ByteChunks`, handing out the bytes of each
/// element of its `features` array one at a time, so a FeatureCollection is never held whole.
///
/// The scanner follows only the document's outline: the top-level object's members (in any order)
/// and the commas and brackets of `features`. It finds where each value ends by counting brackets
/// outside strings (a counter, not recursion, so deep nesting cannot overflow the stack). Every
/// member's value and every element are parsed by the one JSON parser (`JSONValue`), the elements
/// by the caller: together that checks the whole document against RFC 8259, so a document the
/// scanner and the parser both accept is valid JSON.
struct FeatureScanner {
    /// The top-level value is not an object (it may still be valid JSON).
    struct NotAnObject: Error {}

    private let chunks: ByteChunks
    private var buffer: [UInt8] = []
    private var index = 0
    private enum State { case start, firstMember, nextMember, firstElement, nextElement, afterValue, done }
    private var state = State.start
    /// The last `type` member's value.
    private(set) var type: JSONValue?
    /// How many `features` members have been seen, and whether the last one is an array.
    private(set) var featuresMembers = 0
    private(set) var lastFeaturesIsArray = false

    init(_ chunks: ByteChunks) { self.chunks = chunks }

    /// The input's name, for messages.
    var name: String { chunks.name }

    /// The next element of a `features` array, with the number (from 1) of the `features` member
    /// it belongs to; nil once the document has ended (checked: nothing follows it).
    mutating func next() throws -> (bytes: [UInt8], member: Int)? {
        while true {
            switch state {
            case .start:
                if try peek() == 0xEF { for byte: UInt8 in [0xEF, 0xBB, 0xBF] { try expect(byte) } }
                try skipSpace()
                guard try peek() == UInt8(ascii: "{") else { throw NotAnObject() }
                index += 1
                state = .firstMember
            case .firstMember, .nextMember:
                try skipSpace()
                if state == .firstMember, try peek() == UInt8(ascii: "}") {
                    index += 1
                    state = .done
                    continue
                }
                try member()
            case .firstElement, .nextElement:
                try skipSpace()
                if try peek() == UInt8(ascii: "]") {
                    index += 1
                    state = .afterValue
                    continue
                }
                if state == .nextElement { try expect(UInt8(ascii: ",")); try skipSpace() }
                var element: [UInt8] = []
                try capture(into: &element)
                state = .nextElement
                return (element, featuresMembers)
            case .afterValue:
                try skipSpace()
                guard let byte = try peek() else { throw syntax("unexpected end of input") }
                index += 1
                switch byte {
                case UInt8(ascii: ","): state = .nextMember
                case UInt8(ascii: "}"): state = .done
                default: throw syntax("expected , or } after a member")
                }
            case .done:
                try skipSpace()
                guard try peek() == nil else { throw syntax("unexpected text after the JSON value") }
                return nil
            }
        }
    }

    /// One member of the top-level object: `features` as an array is entered; any other value is
    /// parsed whole (and `type` kept).
    private mutating func member() throws {
        var keyBytes: [UInt8] = []
        guard try peek() == UInt8(ascii: "\"") else { throw syntax("expected a member name") }
        try capture(into: &keyBytes)
        guard let key = try JSONValue.parse(bytes: keyBytes).string else { throw syntax("expected a member name") }
        try skipSpace()
        try expect(UInt8(ascii: ":"))
        try skipSpace()
        if key == "features", try peek() == UInt8(ascii: "[") {
            index += 1
            featuresMembers += 1
            lastFeaturesIsArray = true
            state = .firstElement
            return
        }
        var valueBytes: [UInt8] = []
        try capture(into: &valueBytes)
        let value = try JSONValue.parse(bytes: valueBytes)
        if key == "type" { type = value }
        if key == "features" { lastFeaturesIsArray = false }
        state = .afterValue
    }

    private func syntax(_ reason: String) -> JSONSyntaxError { JSONSyntaxError(offset: index, reason: reason) }

    /// The current byte, reading the next chunk when this one is used up; nil at the end.
    private mutating func peek() throws -> UInt8? {
        if index == buffer.count {
            guard let chunk = try chunks.next() else { return nil }
            (buffer, index) = (chunk, 0)
        }
        return buffer[index]
    }

    private mutating func expect(_ byte: UInt8) throws {
        guard try peek() == byte else { throw syntax("expected \(Character(UnicodeScalar(byte)))") }
        index += 1
    }

    private mutating func skipSpace() throws {
        while let byte = try peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    /// Appends the bytes of the value starting here: to its matching bracket (counting brackets
    /// outside strings), to a string's closing quote, or, for a number or literal, to the next
    /// space, comma or bracket. Whether the bytes are valid JSON is for the parser to say.
    private mutating func capture(into out: inout [UInt8]) throws {
        guard let first = try peek() else { throw syntax("unexpected end of input") }
        let isScalar = first != UInt8(ascii: "{") && first != UInt8(ascii: "[") && first != UInt8(ascii: "\"")
        var value = ValueEnd(isScalar: isScalar), done = false
        while !done {
            guard try peek() != nil else {
                if isScalar { return }
                throw syntax("unexpected end of input")
            }
            let start = index
            (index, done) = buffer.withUnsafeBufferPointer { value.scan($0, from: start) }
            out.append(contentsOf: buffer[start..<index])
        }
    }
}

/// Where a value's bytes end, carried from one chunk to the next: brackets counted outside
/// strings. The scan keeps its state in locals (this loop reads every byte of a collection on the
/// reading thread).
private struct ValueEnd {
    let isScalar: Bool
    var depth = 0, inString = false, escaped = false

    init(isScalar: Bool) { self.isScalar = isScalar }

    /// The index after the bytes that belong to the value from `start` on, and whether it ends there.
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, isComplete: Bool) {
        var (depth, inString, escaped) = (self.depth, self.inString, self.escaped)
        defer { (self.depth, self.inString, self.escaped) = (depth, inString, escaped) }
        var i = start
        while i < bytes.count {
            let byte = bytes[i]
            if isScalar {
                if byte == 0x2C || byte == 0x5D || byte == 0x7D || byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                    return (i, true)
                }
                i += 1
                continue
            }
            i += 1
            if inString {
                if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 {
                    inString = false
                    if depth == 0 { return (i, true) }
                }
            } else if byte == 0x22 {
                inString = true
            } else if byte == 0x7B || byte == 0x5B {
                depth += 1
            } else if byte == 0x7D || byte == 0x5D {
                depth -= 1
                if depth == 0 { return (i, true) }
            }
        }
        return (i, false)
    }
}
