import BorderAnalysis
import BorderInput
import BorderModel
import Geodesy

/// A stretch of the border between two chainages, km from the tripoint.
public struct ChainageStretch: Sendable, Equatable {
    public var startKilometres: Double
    public var endKilometres: Double
    public init(startKilometres: Double, endKilometres: Double) {
        self.startKilometres = startKilometres
        self.endKilometres = endKilometres
    }
    public var lengthKilometres: Double { endKilometres - startKilometres }
}

/// One measured input point with its input row.
public struct MeasuredIncident: Sendable {
    public var header: [String]
    public var columns: IncidentColumns
    public var record: InputRecord
    public var point: Coordinate
    public var result: BorderDistance
    /// The distances over the row's uncertainty disc.
    public var interval: DistanceInterval?
    /// The spread over the independent border lines; nil when the atlas has none loaded.
    public var spread: DistanceSpread?
    public init(header: [String], columns: IncidentColumns, record: InputRecord, point: Coordinate, result: BorderDistance,
                interval: DistanceInterval? = nil, spread: DistanceSpread? = nil) {
        self.header = header
        self.columns = columns
        self.record = record
        self.point = point
        self.result = result
        self.interval = interval
        self.spread = spread
    }
    /// The row's uncertainty radius and where it came from (the same rule as `border distances`).
    public var uncertainty: Uncertainty { record.uncertainty }
    /// [min, max] of the distance over the disc, metres (its own distance without an interval).
    public var intervalMetres: ClosedRange<Double> { DistanceInterval.metres(interval, distance: result.distanceMetres) }
    /// The field of the column named exactly `name`; nil when there is no such column.
    public func field(_ name: String) -> String? {
        header.firstIndex(of: name).flatMap { $0 < record.fields.count ? record.fields[$0] : nil }
    }
    public var id: String { columns.id(of: record) }
    public var date: String { columns.date(of: record) }
    public var place: String { columns.place(of: record) }
    public var killed: Int { columns.killed(of: record) }
    public var injured: Int { columns.injured(of: record) }
}

/// Everything `border geojson` draws. Coverage comes from `border coverage` as plain chainage
/// stretches, so this layer builder does not depend on how coverage is computed.
public struct MapInput: Sendable {
    public var border: Border
    public var places: [Place]
    public var regions: [MapFeature]
    public var fence: [MapFeature]
    public var incidents: [MeasuredIncident]
    public var bands: [DistanceBand]
    /// From `border coverage`; nil when not known: the border is then one feature and there are no gaps.
    public var coverage: CoverageFigures?

    public init(border: Border, places: [Place], regions: [MapFeature], fence: [MapFeature], incidents: [MeasuredIncident],
                bands: [DistanceBand], coverage: CoverageFigures? = nil) {
        (self.border, self.places, self.regions, self.fence, self.incidents, self.bands, self.coverage)
            = (border, places, regions, fence, incidents, bands, coverage)
    }
}

/// The layered map, in a fixed order (areas below lines below points): region, band (outer
/// first), border, gap, fence, connector, place, incident.
public enum MapLayers {
    public static let layerNames = ["region", "band", "border", "gap", "fence", "connector", "place", "incident"]

    public static func features(_ input: MapInput) -> [MapFeature] {
        regions(input) + bands(input) + border(input) + gaps(input) + fence(input)
            + input.incidents.map { IncidentFeature.connector(id: $0.id, from: $0.point, result: $0.result) }
            + places(input) + input.incidents.map { incident in
                var feature = IncidentFeature.point(incident)
                let band = DistanceBands.band(forKilometres: incident.result.distanceMetres / 1000, kilometres: input.bands.map(\.outerKilometres))
                let at = feature.properties.firstIndex { $0.0 == "nearest_place_desc" }.map { $0 + 1 } ?? feature.properties.endIndex
                feature.properties.insert(("band_km", band.map(PropertyValue.number) ?? .null), at: at)
                return feature
            }
    }

    public static func regions(_ input: MapInput) -> [MapFeature] {
        input.regions.map { region in
            let name = region.property("name").flatMap { if case .string(let s) = $0 { s } else { nil } } ?? "region"
            let own = region.properties.filter { !styleNames.contains($0.0) }
            return MapFeature(geometry: region.geometry, properties: [("layer", .string("region"))] + own
                + MapStyle.area(MapStyle.region, opacity: 0.15, title: name, description: "approximate outline (data/regions.geojson)"))
        }
    }

    public static func bands(_ input: MapInput) -> [MapFeature] {
        let ranks = input.bands.map(\.outerKilometres).sorted()
        return input.bands.sorted { $0.outerKilometres > $1.outerKilometres }.map { band in
            let (inner, outer) = (FixedPoint.format(band.innerKilometres, decimals: 0), FixedPoint.format(band.outerKilometres, decimals: 0))
            let colour = MapStyle.band(rank: ranks.firstIndex(of: band.outerKilometres) ?? 0)
            return MapFeature(geometry: .multiPolygon(band.polygons), properties: [
                ("layer", .string("band")), ("band_km", .number(band.outerKilometres)),
                ("inner_km", .number(band.innerKilometres)), ("outer_km", .number(band.outerKilometres)),
                ("max_error_m", .fixed(band.maxErrorMetres, decimals: 1)),
            ] + MapStyle.area(colour, opacity: 0.35, title: "\(inner)–\(outer) km from the border",
                              description: "land within \(outer) km (WGS84 geodesic) of the border and farther than \(inner) km"))
        }
    }

    public static func border(_ input: MapInput) -> [MapFeature] {
        let line = input.border.line
        let length = line.length / 1000
        func feature(_ from: Double, _ to: Double, fenced: Bool?) -> MapFeature {
            let points = GeodesicPath.densified(line.subline(from: from * 1000, to: to * 1000), spacing: 1000, geodesic: line.geodesic)
            var properties: [(String, PropertyValue)] = [("layer", .string("border")), ("name", .string(input.border.name))]
            if let fenced { properties.append(("fenced", .bool(fenced))) }
            properties += [("start_km", .fixed(from, decimals: 3)), ("end_km", .fixed(to, decimals: 3)),
                           ("length_km", .fixed(to - from, decimals: 3))]
            let colour = fenced.map { $0 ? MapStyle.fenced : MapStyle.unfenced } ?? MapStyle.border
            let title = fenced.map { $0 ? "fenced border" : "unfenced border" } ?? "Pakistan–Iran border"
            return MapFeature(geometry: .lineString(points), properties: properties + MapStyle.line(
                colour, width: 3, title: title, description: "km \(FixedPoint.format(from, decimals: 1))–\(FixedPoint.format(to, decimals: 1)) from the Koh-i-Malik Siah tripoint"))
        }
        guard let covered = input.coverage?.covered else { return [feature(0, length, fenced: nil)] }
        var features: [MapFeature] = []
        var at = 0.0
        for stretch in covered.sorted(by: { $0.startKilometres < $1.startKilometres }) where stretch.endKilometres > at {
            if stretch.startKilometres > at { features.append(feature(at, stretch.startKilometres, fenced: false)) }
            features.append(feature(max(at, stretch.startKilometres), stretch.endKilometres, fenced: true))
            at = stretch.endKilometres
        }
        if at < length { features.append(feature(at, length, fenced: false)) }
        return features
    }

    public static func gaps(_ input: MapInput) -> [MapFeature] {
        let line = input.border.line
        return (input.coverage?.gaps ?? []).enumerated().map { index, gap in
            let points = GeodesicPath.densified(line.subline(from: gap.startKilometres * 1000, to: gap.endKilometres * 1000),
                                                spacing: 1000, geodesic: line.geodesic)
            return MapFeature(geometry: .lineString(points), properties: [
                ("layer", .string("gap")), ("gap", .integer(index + 1)),
                ("start_km", .fixed(gap.startKilometres, decimals: 3)), ("end_km", .fixed(gap.endKilometres, decimals: 3)),
                ("length_km", .fixed(gap.lengthKilometres, decimals: 3)),
            ] + MapStyle.line(MapStyle.unfenced, width: 6, title: "gap \(index + 1): \(FixedPoint.format(gap.lengthKilometres, decimals: 1)) km",
                              description: "km \(FixedPoint.format(gap.startKilometres, decimals: 1))–\(FixedPoint.format(gap.endKilometres, decimals: 1)) without fence"))
        }
    }

    public static func fence(_ input: MapInput) -> [MapFeature] {
        input.fence.map { segment in
            func text(_ name: String) -> String { segment.property(name)?.plainText ?? "" }
            let own = segment.properties.filter { !styleNames.contains($0.0) }
            let status = text("status")
            let title = "\(text("id")) \(text("kind")) (\(status.replacingOccurrences(of: "_", with: " ")))"
            let description = "\(text("side")) side, \(text("length_km")) km" + (text("completed").isEmpty ? "" : ", completed \(text("completed"))")
                + (text("placement") == "assumed" ? "; placement ASSUMED" : "")
            return MapFeature(geometry: segment.geometry, properties: [("layer", .string("fence"))] + own
                + MapStyle.line(MapStyle.fence(status: status), width: 2, title: title, description: description))
        }
    }

    public static func places(_ input: MapInput) -> [MapFeature] {
        input.places.map { place in
            MapFeature(geometry: .point(place.coordinate), properties: [
                ("layer", .string("place")), ("id", .string(place.id)), ("name", .string(place.name)),
                ("kind", .string(place.kind)), ("country", .string(place.country)), ("approximate", .bool(place.isApproximate)),
                ("uncertainty_km", .number(place.uncertaintyKilometres)), ("source", .string(place.source)),
            ] + MapStyle.marker(MapStyle.place, size: "small", symbol: place.kind == "crossing" ? "roadblock" : "village",
                                title: place.name, description: place.note))
        }
    }

    static let styleNames: Set<String> = ["layer", "stroke", "stroke-width", "stroke-opacity", "fill", "fill-opacity",
                                          "marker-color", "marker-size", "marker-symbol", "title", "description"]
}
