/// JSON values written back out: compact JSON text (for JSON and GeoJSON output) and the
/// documented plain-text form of a CSV field.
extension JSONValue {
    /// Compact JSON: numbers as written, strings re-escaped, object members sorted by name
    /// (a JSON object has no order to keep; sorting makes the output byte-stable).
    public func appendJSON(to bytes: inout [UInt8]) {
        switch self {
        case .object(let members):
            bytes.append(0x7B)
            for (n, key) in members.keys.sorted().enumerated() {
                if n > 0 { bytes.append(0x2C) }
                bytes.appendJSONString(key)
                bytes.append(0x3A)
                members[key]!.appendJSON(to: &bytes)
            }
            bytes.append(0x7D)
        case .array, .numbers, .positions:
            bytes.append(0x5B)
            for (n, element) in (elements ?? []).enumerated() {
                if n > 0 { bytes.append(0x2C) }
                element.appendJSON(to: &bytes)
            }
            bytes.append(0x5D)
        case .number(_, let text): bytes.append(contentsOf: text.utf8)
        case .string(let text): bytes.appendJSONString(text)
        case .bool(let flag): bytes.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null: bytes.append(contentsOf: "null".utf8)
        }
    }

    public var jsonText: String {
        var bytes: [UInt8] = []
        appendJSON(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text of a CSV field: a string as it is, a number as written, `true`/`false`, empty
    /// for null, compact JSON text for an array or object.
    public var plainText: String {
        switch self {
        case .string(let text): text
        case .number(_, let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .null: ""
        case .object, .array, .numbers, .positions: jsonText
        }
    }

    /// Text for a number that came without its own (packed arrays): integral values without a
    /// point, others in Swift's shortest round-trip form; both are JSON numbers.
    static func shortestText(_ value: Double) -> String {
        value == value.rounded() && Swift.abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }
}

extension String {
    /// True when the string holds a quote, a backslash or a control character, which a JSON
    /// string literal escapes; most strings hold none.
    public var needsJSONEscapes: Bool {
        utf8.withContiguousStorageIfAvailable { $0.contains { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 } } ?? true
    }
}

extension Array where Element == UInt8 {
    /// Appends a JSON string literal (RFC 8259 escapes; control characters as \u00XX).
    public mutating func appendJSONString(_ text: String) {
        append(0x22)
        // Most strings need no escape: their bytes go in at once.
        if !text.needsJSONEscapes {
            append(contentsOf: text.utf8)
            append(0x22)
            return
        }
        for byte in text.utf8 {
            switch byte {
            case 0x22: append(contentsOf: [0x5C, 0x22])
            case 0x5C: append(contentsOf: [0x5C, 0x5C])
            case 0x0A: append(contentsOf: [0x5C, 0x6E])
            case 0x0D: append(contentsOf: [0x5C, 0x72])
            case 0x09: append(contentsOf: [0x5C, 0x74])
            case ..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            default: append(byte)
            }
        }
        append(0x22)
    }
}
