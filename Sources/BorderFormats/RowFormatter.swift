import BorderAnalysis

/// Formats measured rows as text with no shared state, so worker threads can format their own
/// blocks. The output is `prologue`, the rows joined by `separator`, then `epilogue`.
public struct RowFormatter: Sendable {
    public let format: OutputFormat
    private let header: [String]
    private let kept: [Int]
    private let precision: Int

    public init(format: OutputFormat, header: [String], precision: Int = 6) {
        self.format = format
        self.header = header
        self.kept = DistanceColumns.passThrough(header)
        self.precision = precision
    }

    public var prologue: String {
        switch format {
        case .csv: Self.csvLine(kept.map { header[$0] } + DistanceColumns.names)
        case .json: "[\n"
        case .geojson: "{\"type\":\"FeatureCollection\",\"features\":[\n"
        case .geojsonseq, .table: ""
        }
    }

    public var separator: String {
        switch format {
        case .json, .geojson: ",\n"
        case .csv, .geojsonseq, .table: ""
        }
    }

    public func epilogue(isEmpty: Bool) -> String {
        switch format {
        case .json: isEmpty ? "]\n" : "\n]\n"
        case .geojson: isEmpty ? "]}\n" : "\n]}\n"
        case .csv, .geojsonseq, .table: ""
        }
    }

    /// One row; nil when the format has no representation for it (a GeoJSON row needs a point).
    public func row(_ record: InputRecord, _ result: BorderDistance) -> String? {
        let fields = kept.map { $0 < record.fields.count ? record.fields[$0] : "" }
        switch format {
        case .csv, .table:
            return Self.csvLine(fields + DistanceColumns.text(result))
        case .json:
            return "{" + JSONText.members(zip(kept.map { header[$0] }, fields.map(JSONText.string)).map { ($0, $1) }
                                          + JSONText.computed(result)) + "}"
        case .geojson, .geojsonseq:
            guard case .success(let point) = record.position else { return nil }
            let properties = zip(kept.map { header[$0] }, fields.map(JSONText.string)).map { ($0, $1) }
                + [("layer", JSONText.string("incident"))] + JSONText.computed(result)
            let feature = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":["
                + FixedPoint.format(point.longitude, decimals: precision) + ","
                + FixedPoint.format(point.latitude, decimals: precision) + "]},\"properties\":{"
                + JSONText.members(properties) + "}}"
            return format == .geojsonseq ? "\u{1E}" + feature + "\n" : feature
        }
    }

    static func csvLine(_ fields: [String]) -> String {
        fields.map(quote).joined(separator: ",") + "\n"
    }

    /// RFC 4180 quoting, only where needed.
    static func quote(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
