import Foundation

/// A parsed JSON value: the one JSON decoder of the program (data files, fence files, the
/// user's GeoJSON, claims). Arrays holding only numbers are kept as `[Double]` unless the parse
/// is asked to keep every number's text: GeoJSON is mostly coordinate arrays, and Foundation's
/// decoders spend most of their time boxing those numbers (about 0.3 s for the bundled data,
/// against a few milliseconds here).
public indirect enum JSONValue: Sendable, Equatable {
    case object([String: JSONValue])
    case array([JSONValue])
    case numbers([Double])
    /// An array of equal-length number arrays (GeoJSON positions), stored flat.
    case positions(flat: [Double], dimension: Int)
    /// A number with its text as written (RFC 8259 grammar), so `0.10` or a 20-digit id passes
    /// through unchanged.
    case number(Double, text: String)
    case string(String)
    case bool(Bool)
    case null

    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] } else { return nil }
    }

    public var string: String? { if case .string(let text) = self { text } else { nil } }
    public var elements: [JSONValue]? {
        switch self {
        case .array(let values): values
        case .numbers(let numbers): numbers.map { .number($0, text: JSONValue.shortestText($0)) }
        case .positions(let flat, let dimension):
            stride(from: 0, to: flat.count, by: dimension).map { .numbers(Array(flat[$0..<$0 + dimension])) }
        default: nil
        }
    }

    /// Positions as interleaved numbers with their dimension, without boxing each position.
    public var flatPositions: (flat: [Double], dimension: Int)? {
        switch self {
        case .positions(let flat, let dimension): (flat, dimension)
        case .array(let values) where values.isEmpty: ([], 2)
        default: nil
        }
    }
    public var numbers: [Double]? {
        switch self {
        case .numbers(let numbers): numbers
        case .array(let values):
            values.reduce(into: [Double]?([])) { numbers, value in
                if case .number(let number, _) = value { numbers?.append(number) } else { numbers = nil }
            }
        default: nil
        }
    }

    public var number: Double? { if case .number(let number, _) = self { number } else { nil } }

    /// The deepest nesting of arrays and objects `parse` accepts: the parser recurses once per
    /// level, and a hostile file of a million `[` would otherwise overflow the stack.
    public static let maximumDepth = 512

    /// Parses a whole document (RFC 8259; a UTF-8 byte-order mark is skipped). With
    /// `packsNumberArrays` false every number keeps its text (`.number`), arrays of numbers
    /// included: for values passed through to the output.
    public static func parse(_ data: Data, packsNumberArrays: Bool = true) throws -> JSONValue {
        try parse(bytes: [UInt8](data), from: data.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0, packsNumberArrays: packsNumberArrays)
    }

    /// The same for a value's bytes (a streamed reader's piece of a document; no byte-order mark).
    public static func parse(bytes: [UInt8], packsNumberArrays: Bool = true) throws -> JSONValue {
        try parse(bytes: bytes, from: 0, packsNumberArrays: packsNumberArrays)
    }

    private static func parse(bytes: [UInt8], from start: Int, packsNumberArrays: Bool) throws -> JSONValue {
        var bytes = bytes
        bytes.append(0)                              // strtod stops at the terminator
        return try bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(bytes: buffer, position: start, packsNumberArrays: packsNumberArrays)
            let value = try parser.value()
            parser.skipSpace()
            guard parser.position == buffer.count - 1 else { throw parser.error("unexpected text after the JSON value") }
            return value
        }
    }
}

extension JSONValue {
    /// What a first pass over a GeoJSON feature needs, without building its values: whether its
    /// last top-level `id` member is there and not null, and the keys of its last `properties`
    /// member when that is an object (nil otherwise; a value that is not an object has none).
    /// Accepts and rejects exactly the bytes `parse(bytes:packsNumberArrays: false)` does: the same
    /// parser walks them, skipping where it would build (`JSONParser.skip()`).
    public static func featureOutline(bytes text: ArraySlice<UInt8>) throws -> (hasID: Bool, propertyKeys: [String]?) {
        var outline: (hasID: Bool, propertyKeys: [String]?) = (false, nil)
        try walkFeature(text) { parser, key in
            switch key {
            case "id":
                parser.skipSpace()
                outline.hasID = parser.current != 0x6E      // anything but null (a bad literal throws below)
                try parser.skip()
            case "properties":
                outline.propertyKeys = try parser.objectMembers { parser, key in
                    try parser.skip()
                    return key.string
                }
            default: try parser.skip()
            }
        }
        return outline
    }

    /// A feature's parts, accepting and rejecting exactly what `parse(bytes:packsNumberArrays: false)` does.
    public static func featureParts(bytes text: ArraySlice<UInt8>) throws -> FeatureParts {
        var parts = FeatureParts()
        try walkFeature(text) { parser, key in
            switch key {
            case "id": parts.id = try parser.value()
            case "properties": parts.properties = try parser.objectMembers { parser, key in (key.string, try parser.value()) }
            case "geometry":
                var (type, coordinates): (JSONValue?, JSONValue?) = (nil, nil)
                let members = try parser.objectMembers { parser, key in
                    switch key {
                    case "type": type = try parser.value()
                    case "coordinates": coordinates = try parser.value()
                    default: try parser.skip()
                    }
                }
                parts.geometry = FeatureParts.Geometry(isObject: members != nil, type: type, coordinates: coordinates)
            default: try parser.skip()
            }
        }
        return parts
    }

    /// Walks one JSON text as `parse` does: a top-level object member by member through `member`
    /// (which reads each value), any other value skipped; then nothing but blanks may follow.
    private static func walkFeature(_ text: ArraySlice<UInt8>, _ member: (inout JSONParser, JSONKey) throws -> Void) throws {
        let bytes = terminated(text)
        try bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(bytes: buffer, position: 0, packsNumberArrays: false)
            parser.skipSpace()
            if parser.current == 0x7B { try parser.members(member) } else { try parser.skip() }
            parser.skipSpace()
            guard parser.position == buffer.count - 1 else { throw parser.error("unexpected text after the JSON value") }
        }
    }
}

/// The bytes with the parser's final 0 after them, in one allocation.
private func terminated(_ text: ArraySlice<UInt8>) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.count + 1)
    bytes += text
    bytes.append(0)
    return bytes
}

/// The parts of a GeoJSON feature a reader uses, as `JSONValue.parse(bytes:packsNumberArrays: false)`
/// would give them (the last of repeated members), without building the feature's own object.
public struct FeatureParts {
    /// The top-level `id` member (nil: none).
    public var id: JSONValue?
    /// The members of `properties`, in order, repeats included (nil: no `properties`, or not an object).
    public var properties: [(String, JSONValue)]?
    public var geometry: Geometry?

    /// The `geometry` member: an object's `type` and `coordinates` (the last of each), or a value that is not an object.
    public struct Geometry {
        public var isObject: Bool
        public var type: JSONValue?
        public var coordinates: JSONValue?
    }
}

public struct JSONSyntaxError: Error, CustomStringConvertible {
    public var offset: Int
    public var reason: String
    public var description: String { "JSON syntax error at byte \(offset): \(reason)" }
    public init(offset: Int, reason: String) { (self.offset, self.reason) = (offset, reason) }
}

private struct JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int
    let packsNumberArrays: Bool
    /// Arrays and objects open around `position`.
    var depth = 0

    func error(_ reason: String) -> JSONSyntaxError { JSONSyntaxError(offset: position, reason: reason) }

    var current: UInt8 { bytes[position] }      // the final 0 guards every read

    mutating func skipSpace() {
        while true {
            let byte = current
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            position += 1
        }
    }

    mutating func value() throws -> JSONValue {
        skipSpace()
        switch current {
        case 0x7B: return try object()
        case 0x5B: return try array()
        case 0x22: return .string(try string())
        case 0x74: try literal("true"); return .bool(true)
        case 0x66: try literal("false"); return .bool(false)
        case 0x6E: try literal("null"); return .null
        case 0x2D, 0x30...0x39:
            let start = position
            let value = try number()
            return .number(value, text: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self))
        case 0: throw error("unexpected end of input")
        default: throw error("unexpected character")
        }
    }

    mutating func literal(_ word: String) throws {
        for byte in word.utf8 {
            guard current == byte else { throw error("expected \(word)") }
            position += 1
        }
    }

    /// A number of RFC 8259's grammar, `-? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?`,
    /// followed by no further digit, point or exponent (`01`, `1.`, `.5`, `-` are errors):
    /// `PlainDecimal` for the common case, strtod for the rest.
    mutating func number() throws -> Double {
        let end = try numberEnd()
        if let (value, plainEnd) = PlainDecimal.prefix(bytes, from: position), plainEnd == end {
            position = end
            return value
        }
        let start = bytes.baseAddress! + position
        var stop: UnsafeMutablePointer<CChar>? = nil
        let value = start.withMemoryRebound(to: CChar.self, capacity: 1) { strtod($0, &stop) }
        let consumed = stop.map { UnsafeRawPointer($0) - UnsafeRawPointer(start) } ?? 0
        guard position + consumed == end, value.isFinite else { throw error("bad number") }
        position = end
        return value
    }

    /// Where the number at `position` ends, by the grammar alone.
    func numberEnd() throws -> Int {
        func isDigit(_ index: Int) -> Bool { (0x30...0x39).contains(bytes[index]) }
        func digits(from index: Int) throws -> Int {
            guard isDigit(index) else { throw error("bad number") }
            var index = index
            while isDigit(index) { index += 1 }
            return index
        }
        var index = position
        if bytes[index] == 0x2D { index += 1 }
        if bytes[index] == 0x30 { index += 1 } else { index = try digits(from: index) }
        if bytes[index] == 0x2E { index = try digits(from: index + 1) }
        if bytes[index] == 0x65 || bytes[index] == 0x45 {
            index += 1
            if bytes[index] == 0x2B || bytes[index] == 0x2D { index += 1 }
            index = try digits(from: index)
        }
        guard !isDigit(index), bytes[index] != 0x2E else { throw error("bad number") }
        return index
    }

    /// A member name: its bytes in place when it has no escape (most do), so a name that is only
    /// compared, or skipped with its value, never becomes a String.
    mutating func memberName() throws -> JSONKey {
        let end = escapeFreeEnd(from: position + 1)
        guard bytes[end] == 0x22 else { return JSONKey(escaped: try string()) }
        defer { position = end + 1 }
        return JSONKey(bytes: UnsafeBufferPointer(rebasing: bytes[(position + 1)..<end]))
    }

    /// Where the text of a string starting at `start` stops having no escape: its closing quote,
    /// its first backslash, or the final 0 of an unterminated string.
    private func escapeFreeEnd(from start: Int) -> Int {
        var end = start
        while bytes[end] != 0x22 && bytes[end] != 0x5C && !(bytes[end] == 0 && end == bytes.count - 1) { end += 1 }
        return end
    }

    mutating func string() throws -> String {
        position += 1                                 // opening quote
        // Most strings have no escape: made straight from their bytes, with no buffer to grow.
        let end = escapeFreeEnd(from: position)
        if bytes[end] == 0x22 {
            defer { position = end + 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<end]), as: UTF8.self)
        }
        var text = Array(bytes[position..<end])
        position = end
        while true {
            let byte = current
            switch byte {
            case 0x22:
                position += 1
                return String(decoding: text, as: UTF8.self)
            case 0x5C:
                position += 1
                let escape = current
                position += 1
                switch escape {
                case 0x22, 0x5C, 0x2F: text.append(escape)
                case 0x62: text.append(0x08)
                case 0x66: text.append(0x0C)
                case 0x6E: text.append(0x0A)
                case 0x72: text.append(0x0D)
                case 0x74: text.append(0x09)
                case 0x75: text.append(contentsOf: try unicodeEscape())
                default: throw error("bad escape")
                }
            case 0 where position == bytes.count - 1: throw error("unterminated string")
            default:
                text.append(byte)
                position += 1
            }
        }
    }

    /// `\uXXXX`, with a following low surrogate when this is a high one; a lone surrogate is U+FFFD.
    mutating func unicodeEscape() throws -> [UInt8] {
        func hex() throws -> UInt32 {
            var result: UInt32 = 0
            for _ in 0..<4 {
                guard let digit = Int(String(UnicodeScalar(current)), radix: 16) else { throw error("bad \\u escape") }
                result = result * 16 + UInt32(digit)
                position += 1
            }
            return result
        }
        var code = try hex()
        if (0xD800..<0xDC00).contains(code), current == 0x5C, bytes[position + 1] == 0x75 {
            let next = position
            position += 2
            let low = try hex()
            if (0xDC00..<0xE000).contains(low) {
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            } else {
                position = next                       // not a pair: that escape is read on its own
            }
        }
        return Array(String(UnicodeScalar(code).map(Character.init) ?? "\u{FFFD}").utf8)
    }

    /// Enters an array or object at `position`; throws past `JSONValue.maximumDepth`.
    mutating func enter() throws {
        guard depth < JSONValue.maximumDepth else {
            throw error("arrays and objects nested deeper than \(JSONValue.maximumDepth) levels")
        }
        depth += 1
    }

    mutating func array() throws -> JSONValue {
        try enter()
        defer { depth -= 1 }
        if packsNumberArrays {
            // Positions are arrays one level down.
            if depth < JSONValue.maximumDepth, let positions = try positions() { return positions }
            if let numbers = try numberArray() { return .numbers(numbers) }
        }
        position += 1
        var values: [JSONValue] = []
        skipSpace()
        if current == 0x5D { position += 1; return .array([]) }
        while true {
            values.append(try value())
            skipSpace()
            if current == 0x2C { position += 1; continue }
            guard current == 0x5D else { throw error("expected , or ]") }
            position += 1
            return .array(values)
        }
    }

    /// `[x, y, …]` of numbers only; nil (and nothing consumed) when the array is anything else,
    /// empty included.
    mutating func numberArray() throws -> [Double]? {
        let start = position
        position += 1
        var numbers: [Double] = []
        while true {
            skipSpace()
            guard current == 0x2D || (0x30...0x39).contains(current) else { position = start; return nil }
            numbers.append(try number())
            skipSpace()
            if current == 0x2C { position += 1; continue }
            guard current == 0x5D else { position = start; return nil }
            position += 1
            return numbers
        }
    }

    /// `[[x, y], [x, y], …]` read straight into one flat array; nil (and nothing consumed) when
    /// the array is anything else.
    mutating func positions() throws -> JSONValue? {
        let start = position
        var flat: [Double] = []
        var dimension = 0
        position += 1
        skipSpace()
        while current == 0x5B {
            position += 1
            var count = 0
            while true {
                skipSpace()
                guard current == 0x2D || (0x30...0x39).contains(current) else { position = start; return nil }
                flat.append(try number())
                count += 1
                skipSpace()
                if current == 0x2C { position += 1; continue }
                guard current == 0x5D else { position = start; return nil }
                position += 1
                break
            }
            if dimension == 0 { dimension = count } else if count != dimension { position = start; return nil }
            skipSpace()
            if current == 0x2C { position += 1; skipSpace(); continue }
            guard current == 0x5D else { position = start; return nil }
            position += 1
            return .positions(flat: flat, dimension: dimension)
        }
        position = start
        return nil
    }

    /// Walks a value as `value()` does, with the same checks and errors, building nothing.
    mutating func skip() throws {
        skipSpace()
        switch current {
        case 0x7B: try members { parser, _ in try parser.skip() }
        case 0x5B:
            try enter()
            defer { depth -= 1 }
            position += 1
            skipSpace()
            if current == 0x5D { position += 1; return }
            while true {
                try skip()
                skipSpace()
                if current == 0x2C { position += 1; continue }
                guard current == 0x5D else { throw error("expected , or ]") }
                position += 1
                return
            }
        case 0x22: _ = try string()
        case 0x74: try literal("true")
        case 0x66: try literal("false")
        case 0x6E: try literal("null")
        case 0x2D, 0x30...0x39: _ = try number()
        case 0: throw error("unexpected end of input")
        default: throw error("unexpected character")
        }
    }

    /// When the value at `position` is an object, what `member` makes of each of its members, in
    /// order; else nil, the value skipped.
    mutating func objectMembers<T>(_ member: (inout JSONParser, JSONKey) throws -> T) throws -> [T]? {
        skipSpace()
        guard current == 0x7B else {
            try skip()
            return nil
        }
        var made: [T] = []
        try members { parser, key in made.append(try member(&parser, key)) }
        return made
    }

    /// The object at `position` as `object()` reads it, handing each member's key to `member`,
    /// which reads the value.
    mutating func members(_ member: (inout JSONParser, JSONKey) throws -> Void) throws {
        try enter()
        defer { depth -= 1 }
        position += 1
        skipSpace()
        if current == 0x7D { position += 1; return }
        while true {
            skipSpace()
            guard current == 0x22 else { throw error("expected a member name") }
            let key = try memberName()
            skipSpace()
            guard current == 0x3A else { throw error("expected :") }
            position += 1
            try member(&self, key)
            skipSpace()
            if current == 0x2C { position += 1; continue }
            guard current == 0x7D else { throw error("expected , or }") }
            position += 1
            return
        }
    }

    mutating func object() throws -> JSONValue {
        var object: [String: JSONValue] = [:]
        try members { parser, key in object[key.string] = try parser.value() }      // a repeated key: the last value
        return .object(object)
    }
}

/// A member name as the parser hands it over: valid only while the member is read.
struct JSONKey {
    private let bytes: UnsafeBufferPointer<UInt8>?
    private let escaped: String?

    init(bytes: UnsafeBufferPointer<UInt8>) { (self.bytes, escaped) = (bytes, nil) }
    init(escaped: String) { (bytes, self.escaped) = (nil, escaped) }

    var string: String { escaped ?? String(decoding: bytes!, as: UTF8.self) }

    /// `case "id":` matches the name "id" (escaped or not) by its UTF-8 bytes.
    static func ~= (pattern: StaticString, key: JSONKey) -> Bool {
        guard let bytes = key.bytes else { return key.escaped! == pattern.description }
        return pattern.withUTF8Buffer { $0.elementsEqual(bytes) }
    }
}
