import CSV

/// Parses a header line with CSV.swift.
public enum CSVHeader {
    public static func parse(_ bytes: [UInt8], file: String) throws -> [String] {
        do {
            let reader = try CSVReader(string: String(decoding: bytes, as: UTF8.self), hasHeaderRow: false)
            guard let header = reader.next(), header != [""] else { throw UnusableInput(file: file, reason: "empty: no header row") }
            return header
        } catch let error as UnusableInput { throw error } catch {
            throw UnusableInput(file: file, reason: "cannot read the header: \(error)")
        }
    }
}
