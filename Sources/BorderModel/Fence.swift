import Foundation
import Geodesy

/// The fence segments of one file, with the file's caveat (a `caveat` foreign member of the
/// GeoJSON FeatureCollection), if any.
public struct Fence: Sendable {
    public var segments: [FenceSegment]
    public var caveat: String?
    public var file: String

    public init(segments: [FenceSegment], caveat: String?, file: String) {
        self.segments = segments
        self.caveat = caveat
        self.file = file
    }

    /// Reads GeoJSON (`.geojson`, `.json`) LineStrings, or CSV chainage ranges laid on `border`.
    public static func load(from url: URL, border: Border) throws -> Fence {
        let name = url.lastPathComponent.lowercased()
        if name.hasSuffix(".geojson") || name.hasSuffix(".json") { return try loadGeoJSON(from: url) }
        return try loadCSV(from: url, border: border)
    }

    /// A FeatureCollection of LineString features with properties `status`, `side`, `kind`,
    /// `completed` (optional), `source`, and optionally `id`, `placement`, `placement_note`.
    public static func loadGeoJSON(from url: URL) throws -> Fence {
        let document = try GeoJSONFile.document(at: url)
        let features = try GeoJSONFile.features(in: document, file: url.path)
        let segments = try features.enumerated().map { offset, feature in
            let number = offset + 1
            func problem(_ column: String, _ value: String, _ reason: String) -> ModelError {
                ModelError(file: url.path, "feature \(number), \(column), value \"\(value)\": \(reason)")
            }
            let properties = feature["properties"]
            func text(_ key: String) -> String? { GeoJSONFile.text(properties?[key]) }
            let geometry = feature["geometry"]
            let type = geometry?["type"]?.string ?? "null"
            guard type == "LineString" else { throw problem("geometry", type, "expected a LineString") }
            let vertices: [Coordinate]
            switch GeoJSONFile.positions(geometry?["coordinates"]) {
            case .success(let positions): vertices = positions
            case .failure(let error):
                guard let index = error.index else {
                    throw problem("geometry", "coordinates", "expected an array of [longitude, latitude] positions")
                }
                throw problem("geometry", "position \(index)", "expected [longitude, latitude]")
            }
            if let bad = vertices.first(where: { !$0.isValid }) {
                throw problem("geometry", "[\(bad.longitude), \(bad.latitude)]", "outside -180…180, -90…90")
            }
            guard vertices.count >= 2 else { throw problem("geometry", "\(vertices.count) positions", "a line needs at least two") }
            let fields = try SegmentFields(status: text("status"), side: text("side"), kind: text("kind"),
                                           completed: text("completed"), problem: problem)
            let id = GeoJSONFile.text(feature["id"]) ?? text("id") ?? "feature \(number)"
            return FenceSegment(id: id, status: fields.status, side: fields.side, kind: fields.kind,
                                completed: fields.completed, source: text("source") ?? "", placement: text("placement"),
                                placementNote: text("placement_note") ?? "", geometry: vertices)
        }
        return Fence(segments: segments, caveat: document["caveat"]?.string, file: url.path)
    }

    /// Rows `start_km,end_km,status,side,kind,completed,source` (optionally `id`, `placement`,
    /// `placement_note`); each segment is the part of `border` between the two chainages.
    public static func loadCSV(from url: URL, border: Border) throws -> Fence {
        let table = try CSVTable(url: url)
        let lengthKilometres = border.lengthKilometres
        var row = 1
        let segments = try table.map { field -> FenceSegment in
            row += 1
            let line = row
            func problem(_ column: String, _ value: String, _ reason: String) -> ModelError {
                ModelError(file: url.path, "row \(line), column \(column), value \"\(value)\": \(reason)")
            }
            func optional(_ column: String) -> String? { table.header.contains(column) ? try? field(column) : nil }
            func kilometres(_ column: String) throws -> Double {
                let text = try field(column)
                guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else {
                    throw problem(column, text, "not a number")
                }
                // Chainages are printed to 1 m; allow that rounding at the border's far end.
                guard value >= 0, value <= lengthKilometres + 0.001 else {
                    throw problem(column, text, "outside the border's 0…\(String(format: "%.3f", lengthKilometres)) km")
                }
                return min(value, lengthKilometres)
            }
            let start = try kilometres("start_km"), end = try kilometres("end_km")
            guard start < end else { throw problem("end_km", try field("end_km"), "must be greater than start_km") }
            let fields = try SegmentFields(status: try field("status"), side: try field("side"), kind: try field("kind"),
                                           completed: try field("completed"), problem: problem)
            return FenceSegment(id: optional("id").flatMap { $0.isEmpty ? nil : $0 } ?? "row \(line)",
                                status: fields.status, side: fields.side, kind: fields.kind, completed: fields.completed,
                                source: try field("source"), placement: optional("placement"),
                                placementNote: optional("placement_note") ?? "",
                                geometry: border.line.subline(from: start * 1000, to: end * 1000), chainageKilometres: start...end)
        }
        return Fence(segments: segments, caveat: nil, file: url.path)
    }
}

/// The attributes shared by both file formats, validated with errors that name the value.
private struct SegmentFields {
    var status: FenceSegment.Status
    var side: Country
    var kind: String
    var completed: String?

    init(status: String?, side: String?, kind: String?, completed: String?,
         problem: (String, String, String) -> ModelError) throws {
        let statusText = status ?? ""
        guard let status = FenceSegment.Status(rawValue: statusText) else {
            throw problem("status", statusText, "expected built, under_construction or planned")
        }
        let sideText = side ?? ""
        guard let side = Country(rawValue: sideText), side == .pakistan || side == .iran else {
            throw problem("side", sideText, "expected PK or IR")
        }
        let completedText = completed?.trimmingCharacters(in: .whitespaces) ?? ""
        guard completedText.isEmpty || ISODate.isValid(completedText) else {
            throw problem("completed", completedText, "expected an ISO date YYYY-MM-DD, or empty")
        }
        self.status = status
        self.side = side
        self.kind = kind ?? ""
        self.completed = completedText.isEmpty ? nil : completedText
    }
}
