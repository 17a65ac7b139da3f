/// RFC 4180 text, the inverse of the readers: for output rows and the rejects file alike.
public enum CSVText {
    /// One field, quoted only where needed.
    public static func quote(_ field: String) -> String {
        var bytes: [UInt8] = []
        bytes.appendCSVField(field)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One record with its line feed.
    public static func line(_ fields: [String]) -> String {
        var bytes: [UInt8] = []
        for (n, field) in fields.enumerated() {
            if n > 0 { bytes.append(0x2C) }
            bytes.appendCSVField(field)
        }
        bytes.append(0x0A)
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Array where Element == UInt8 {
    /// Appends a CSV field, quoted (RFC 4180) only when it holds a comma, quote or line break.
    /// Inlinable: it runs for every field of every output row, from another module.
    @inlinable
    public mutating func appendCSVField(_ field: String) {
        var field = field
        field.withUTF8 { bytes in
            guard bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
                append(contentsOf: bytes)
                return
            }
            append(0x22)
            for byte in bytes {
                if byte == 0x22 { append(0x22) }
                append(byte)
            }
            append(0x22)
        }
    }
}
