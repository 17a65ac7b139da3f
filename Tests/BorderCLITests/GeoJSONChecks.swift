import Foundation
import Testing

/// RFC 7946 checks written from the RFC, independent of the writer: members, positions, ranges,
/// closed rings, winding (exterior counter-clockwise, holes clockwise), and GDAL's reading.
enum GeoJSONChecks {
    static let layers: Set<String> = ["border", "fence", "gap", "incident", "connector", "place", "region", "band"]

    /// Checks one Feature object and returns its geometry type.
    @discardableResult
    static func checkFeature(_ feature: [String: Any], precision: Int = 6, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        #expect(feature["type"] as? String == "Feature", sourceLocation: sourceLocation)
        #expect(feature["crs"] == nil, sourceLocation: sourceLocation)
        guard let properties = feature["properties"] as? [String: Any] else {
            Issue.record("a Feature without a properties object", sourceLocation: sourceLocation)
            return ""
        }
        guard let geometry = feature["geometry"] as? [String: Any], let type = geometry["type"] as? String,
              let coordinates = geometry["coordinates"] else {
            Issue.record("a Feature without a geometry", sourceLocation: sourceLocation)
            return ""
        }
        if let layer = properties["layer"] as? String { #expect(layers.contains(layer), "layer \(layer)", sourceLocation: sourceLocation) }
        func position(_ any: Any) {
            guard let p = any as? [Double], p.count == 2 else { Issue.record("bad position \(any)", sourceLocation: sourceLocation); return }
            #expect(abs(p[0]) <= 180 && abs(p[1]) <= 90, "out of range \(p)", sourceLocation: sourceLocation)
        }
        func ring(_ any: Any, exterior: Bool) {
            guard let ring = any as? [[Double]], ring.count >= 4 else { Issue.record("ring with < 4 positions", sourceLocation: sourceLocation); return }
            ring.forEach(position)
            #expect(ring.first! == ring.last!, "ring not closed", sourceLocation: sourceLocation)
            var twiceArea = 0.0
            for (a, b) in zip(ring, ring.dropFirst()) { twiceArea += a[0] * b[1] - b[0] * a[1] }
            #expect(exterior ? twiceArea > 0 : twiceArea < 0, "\(exterior ? "exterior" : "hole") wound the wrong way", sourceLocation: sourceLocation)
        }
        func polygon(_ any: Any) {
            guard let rings = any as? [Any], !rings.isEmpty else { Issue.record("empty polygon", sourceLocation: sourceLocation); return }
            for (index, r) in rings.enumerated() { ring(r, exterior: index == 0) }
        }
        switch type {
        case "Point": position(coordinates)
        case "LineString": (coordinates as? [Any] ?? []).forEach(position); #expect((coordinates as? [Any])?.count ?? 0 >= 2, sourceLocation: sourceLocation)
        case "MultiLineString": (coordinates as? [[Any]] ?? []).forEach { $0.forEach(position) }
        case "Polygon": polygon(coordinates)
        case "MultiPolygon": (coordinates as? [Any] ?? []).forEach(polygon)
        default: Issue.record("unexpected geometry type \(type)", sourceLocation: sourceLocation)
        }
        return type
    }

    /// A FeatureCollection's features, after checking the collection's own members.
    static func collection(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        #expect(object["type"] as? String == "FeatureCollection", sourceLocation: sourceLocation)
        #expect(object["crs"] == nil && object["properties"] == nil && object["geometry"] == nil, sourceLocation: sourceLocation)
        return object["features"] as? [[String: Any]] ?? []
    }

    /// RFC 8142: every text starts with RS and ends with LF.
    static func sequence(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String: Any]] {
        #expect(text.hasPrefix("\u{1E}") && text.hasSuffix("\n"), sourceLocation: sourceLocation)
        return try text.split(separator: "\u{1E}").map { part in
            #expect(part.hasSuffix("\n"), sourceLocation: sourceLocation)
            return try JSONSerialization.jsonObject(with: Data(part.utf8)) as! [String: Any]
        }
    }

    static var ogrinfo: String? {
        ["/usr/bin/ogrinfo", "/usr/local/bin/ogrinfo"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// What GDAL reads from a file: driver name, then "GEOMETRYTYPE layer count" rows.
    static func gdalSummary(of file: URL) throws -> (driver: String, rows: [String])? {
        guard let ogrinfo else { return nil }
        func run(_ arguments: [String]) throws -> String {
            let result = try CLI.tool(ogrinfo, arguments)
            #expect(result.status == 0, "ogrinfo \(arguments): \(result.stderr)")
            return result.stdout
        }
        let info = try run(["-ro", "-so", "-al", file.path])
        let driver = info.split(separator: "\n").first { $0.contains("using driver") }
            .flatMap { $0.split(separator: "`").dropFirst().first.map { String($0.split(separator: "'")[0]) } } ?? ""
        let layer = info.split(separator: "\n").first { $0.hasPrefix("Layer name: ") }.map { String($0.dropFirst(12)) } ?? ""
        let sql = try run(["-ro", "-q", "-dialect", "sqlite", "-sql",
                           "SELECT g || ' ' || layer || ' ' || count(*) AS row FROM (SELECT ST_GeometryType(geometry) AS g, layer FROM \"\(layer)\") GROUP BY g, layer ORDER BY g, layer", file.path])
        let rows = sql.split(separator: "\n").compactMap { line -> String? in
            guard let range = line.range(of: "row (String) = ") else { return nil }
            return String(line[range.upperBound...])
        }
        return (driver, rows)
    }
}
