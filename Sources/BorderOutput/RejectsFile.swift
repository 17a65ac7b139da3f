import BorderInput
/// `--rejects FILE`: every rejected row as CSV, `file,row,column,value,reason` and then the row's
/// own fields under the input's header. Written atomically like `-o`.
public final class RejectsFile {
    private let output: Output
    private let width: Int

    public static let columns = ["file", "row", "column", "value", "reason"]

    public init(path: String, header: [String]) throws {
        output = try Output(path: path)
        width = header.count
        write(Self.columns + header)
    }

    public func add(_ record: InputRecord, _ rejection: Rejection) {
        let padding = Array(repeating: "", count: max(0, width - record.fields.count))
        write([rejection.file, String(rejection.row), rejection.column, rejection.value, rejection.reason] + record.fields + padding)
    }

    public func commit() throws { try output.commit() }

    private func write(_ fields: [String]) {
        output.write(fields.map(CSVText.quote).joined(separator: ",") + "\n")
    }
}
