import CSV

/// Parses a header line with CSV.swift.
public enum CSVHeader {
    /// `bytes` is the first record without its line break; an empty line is a header of one empty name.
    public static func parse(_ bytes: [UInt8], file: String) throws -> [String] {
        do {
            let reader = try CSVReader(string: String(decoding: bytes, as: UTF8.self), hasHeaderRow: false)
            return reader.next() ?? [""]
        } catch {
            throw UnusableInput(file: file, reason: "cannot read the header: \(error)")
        }
    }
}
