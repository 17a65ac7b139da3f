import BorderModel
import Foundation
import BorderAnalysis
import BorderInput
import Geodesy

/// The `incident` and `connector` features of one measured point in `border geojson`: the
/// properties of `border distances --format geojson`, plus styling.
public enum IncidentFeature {
    /// Input fields (in their JSON form when the input has one, an absent property left out),
    /// then `layer`, the computed columns (typed), then styling.
    public static func point(_ incident: MeasuredIncident) -> MapFeature {
        let (header, record, result) = (incident.header, incident.record, incident.result)
        let kept = DistanceColumns.passThrough(header)
        let styling = Set(["layer", "stroke", "stroke-width", "stroke-opacity", "marker-color", "marker-size", "marker-symbol",
                           "fill", "fill-opacity", "title", "description"])
        func field(_ name: String) -> String? {
            header.firstIndex(of: name).flatMap { $0 < record.fields.count ? record.fields[$0] : nil }
        }
        var properties: [(String, PropertyValue)] = kept.filter { !styling.contains(header[$0]) }.compactMap { index in
            guard let values = record.values else { return (header[index], .string(index < record.fields.count ? record.fields[index] : "")) }
            return (index < values.count ? values[index] : nil).map { (header[index], PropertyValue($0)) }
        }
        properties.append(("layer", .string("incident")))
        properties += computed(MeasuredDistance(result: result, uncertainty: record.uncertainty, interval: incident.interval))
        let casualties = incident.killed + incident.injured
        let name = incident.id
        let km = FixedPoint.format(result.distanceMetres / 1000, decimals: 2)
        var description = "\(km) km from the border (\(result.side.rawValue) side), km \(FixedPoint.format(result.chainageKilometres, decimals: 1)) along it"
        if let event = field("event"), !event.isEmpty { description = event + ". " + description }
        if let precision = field("geo_precision"), precision == "3" { description += "; coded to a district seat (geo_precision 3)" }
        properties += MapStyle.marker(MapStyle.incident(side: result.side.rawValue), size: MapStyle.markerSize(casualties: casualties),
                                      symbol: "danger", title: name, description: description)
        return MapFeature(geometry: .point(incident.point), properties: properties)
    }

    /// The geodesic from the point to its nearest border point, densified to ≤ 1 km so that it
    /// draws as the geodesic (RFC 7946 lines are straight in lon/lat).
    public static func connector(id: String, from point: Coordinate, result: BorderDistance, geodesic: Geodesic = .wgs84) -> MapFeature {
        let km = FixedPoint.format(result.distanceMetres / 1000, decimals: 2)
        return MapFeature(geometry: .lineString(GeodesicPath.points(from: point, to: result.nearest, spacing: 1000, geodesic: geodesic)),
                          properties: [("layer", .string("connector")), ("incident", .string(id)),
                                       ("distance_m", .fixed(result.distanceMetres, decimals: 3)),
                                       ("chainage_km", .fixed(result.chainageKilometres, decimals: 3))]
                            + MapStyle.line(MapStyle.connector, width: 1, title: "\(id): \(km) km to the border",
                                            description: "geodesic to the nearest border point"))
    }

    /// The computed columns of `border distances` (`DistanceColumns`: the same names, decimals and
    /// values), with JSON types: numbers, booleans, null for an absent place.
    /// The uncertainty columns come only with an interval, the spread's only with a spread.
    static func computed(_ row: MeasuredDistance) -> [(String, PropertyValue)] {
        var properties: [(String, PropertyValue)] = []
        DistanceColumns.forEachValue(row) { n, value in
            if DistanceColumns.uncertaintyColumns.contains(n) && row.interval == nil { return }
            if DistanceColumns.spreadColumns.contains(n) && row.spread == nil { return }
            properties.append((DistanceColumns.names[n], PropertyValue(value)))
        }
        return properties
    }
}

extension PropertyValue {
    init(_ value: DistanceColumns.Value) {
        switch value {
        case .number(let number, let decimals): self = .fixed(number, decimals: decimals)
        case .text(let text): self = .string(text)
        case .flag(let flag): self = .bool(flag)
        case .placeDescription(let place): self = .string(place.description)
        case .numbers(let pairs, let decimals):
            var bytes: [UInt8] = []
            bytes.appendJSONNumbers(pairs, decimals: decimals)
            self = .json((try? JSONValue.parse(Data(bytes), packsNumberArrays: false)) ?? .null)
        case .missing: self = .null
        }
    }
}

/// Points along geodesics, for drawing them with straight lon/lat segments.
public enum GeodesicPath {
    public static func points(from a: Coordinate, to b: Coordinate, spacing: Double, geodesic: Geodesic = .wgs84) -> [Coordinate] {
        let segment = geodesic.segment(from: a, to: b)
        let pieces = max(1, Int((segment.length / spacing).rounded(.up)))
        return [a] + (1..<pieces).map { segment.position(at: segment.length * Double($0) / Double(pieces)).coordinate } + [b]
    }

    /// A polyline with every edge longer than `spacing` cut at exact geodesic points.
    public static func densified(_ vertices: [Coordinate], spacing: Double, geodesic: Geodesic = .wgs84) -> [Coordinate] {
        guard var result = vertices.first.map({ [$0] }) else { return [] }
        for (a, b) in zip(vertices, vertices.dropFirst()) {
            let length = geodesic.inverse(a, b).distance
            result += length > spacing ? Array(points(from: a, to: b, spacing: spacing, geodesic: geodesic).dropFirst()) : [b]
        }
        return result
    }
}
