import BorderAnalysis
import BorderModel
import BorderOutput
import Foundation
import Geodesy

/// Everything the browser map draws besides the incidents, computed before the page is written.
public struct MapPageLayers: Sendable {
    public var title: String
    public var border: Border
    public var places: [Place]
    public var regions: [MapFeature]
    public var bands: [DistanceBand]
    /// The fence file's segments as drawn (`MapLayers.fence`).
    public var fence: [MapFeature]
    /// The fence's coverage on every day; nil without a fence.
    public var history: FenceHistory?
    public var caveat: String?
    /// The date shown when the page's address names none (`--as-of`); nil: every date.
    public var initialDate: String?
    /// The land of the region (`data/basemap.geojson`), drawn under everything.
    public var land: [MapFeature]

    public init(title: String, border: Border, places: [Place], regions: [MapFeature], bands: [DistanceBand], fence: [MapFeature],
                history: FenceHistory?, caveat: String?, initialDate: String? = nil, land: [MapFeature]) {
        (self.title, self.border, self.places, self.regions, self.bands) = (title, border, places, regions, bands)
        (self.fence, self.history, self.caveat, self.initialDate, self.land) = (fence, history, caveat, initialDate, land)
    }
}

/// `border map`: one self-contained HTML page (Leaflet inlined, the data as JSON in the page, no
/// request of any kind), written in order to `output` with the incidents streamed from their spool.
public enum MapPage {
    public static let attribution = "Border line, country outlines: © OpenStreetMap contributors (ODbL-1.0) · base map: Natural Earth (public domain)"
        + " · places: GeoNames (CC BY 4.0), Wikipedia · fence: sample data, placement assumed · see data/SOURCES.md · Leaflet (BSD-2-Clause)"

    public static func write(_ layers: MapPageLayers, incidents: ColumnSpool, leaflet: LeafletLibrary, to output: Output) throws {
        output.write("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(XML.escape(layers.title))</title>
            </head>
            <body>

            """)
        try writeMap(layers, incidents: incidents, leaflet: leaflet, fullPage: true) { output.write(bytes: $0) }
        output.write("</body></html>\n")
    }

    /// The map alone, for any page: its style, its element, Leaflet, the data and the script, in
    /// pieces to `sink`. `fullPage`: the map fills the window; else it is a 640 px block (the report).
    public static func writeMap(_ layers: MapPageLayers, incidents: ColumnSpool, leaflet: LeafletLibrary, fullPage: Bool,
                                _ sink: ([UInt8]) -> Void) throws {
        let block = fullPage ? "" : "#map{position:relative;height:640px;top:auto;bottom:auto;left:auto;right:auto}\n"
        sink(Array("""
            <style>
            \(leaflet.style)
            \(MapScript.style)
            \(block)</style>
            <div id="map" role="application" aria-label="\(XML.escape(layers.title))"></div>
            <script>
            /*!
            \(leaflet.notice)
            */
            \(leaflet.script)
            </script>
            <script type="application/json" id="border-layers">
            """.utf8))
        sink(layersJSON(layers))
        sink(Array("</script>\n<script type=\"application/json\" id=\"border-incidents\">".utf8))
        try incidents.write(sink)
        sink(Array("</script>\n<script>\n\(MapScript.script)\n</script>\n".utf8))
    }

    /// [[south, west], [north, east]] of the land layer's vertices, as Leaflet takes bounds.
    static func extent(_ land: [MapFeature]) -> String? {
        var points: [Coordinate] = []
        for feature in land {
            switch feature.geometry {
            case .polygon(let rings): points += rings.joined()
            case .multiPolygon(let polygons): points += polygons.joined().joined()
            default: break
            }
        }
        guard let south = points.map(\.latitude).min(), let north = points.map(\.latitude).max(),
              let west = points.map(\.longitude).min(), let east = points.map(\.longitude).max() else { return nil }
        return "[[\(south),\(west)],[\(north),\(east)]]"
    }

    /// The static layers and the coverage states as one JSON object, safe inside `<script>`.
    static func layersJSON(_ layers: MapPageLayers) -> [UInt8] {
        let text = GeoJSONText(precision: 5)
        func collection(_ features: [MapFeature]) -> String {
            "{\"type\":\"FeatureCollection\",\"features\":[" + features.map(text.feature).joined(separator: ",") + "]}"
        }
        let input = MapInput(border: layers.border, places: layers.places, regions: layers.regions, fence: layers.fence, incidents: [],
                             bands: layers.bands)
        let crossings = layers.places.filter { $0.kind == "crossing" && $0.country == "PK/IR" }
        let others = layers.places.filter { !crossings.contains($0) }
        func placeFeatures(_ places: [Place]) -> [MapFeature] {
            MapLayers.places(MapInput(border: layers.border, places: places, regions: [], fence: [], incidents: [], bands: []))
                .map { feature in
                    var feature = feature
                    let place = places.first { $0.name == feature.property("name")?.plainText }
                    if let opened = place?.opened { feature.properties.append(("opened", .string(opened))) }
                    let description = (place?.note ?? "") + (place?.opened.map { " Opened \($0)." } ?? "")
                    if let at = feature.properties.firstIndex(where: { $0.0 == "description" }) { feature.properties[at].1 = .string(description) }
                    return feature
                }
        }
        let fence = MapLayers.fence(input).map { feature in
            var feature = feature
            let completed = feature.property("completed")?.plainText ?? ""
            feature.properties.append(("completed_day", ISODate.isValid(completed) ? .integer(ISODate.day(completed)) : .null))
            return feature
        }
        let line = layers.border.line
        let coordinates = line.vertices.map { "[\(FixedPoint.format($0.longitude, decimals: 5)),\(FixedPoint.format($0.latitude, decimals: 5))]" }
        let kilometres = line.chainage.map { FixedPoint.format($0 / 1000, decimals: 4) }
        let history = layers.history ?? FenceHistory(dates: [], coverage: [[]], borderMetres: line.length)
        let states = history.coverage.enumerated().map { index, covered in
            let stretches = covered.map { "[\(FixedPoint.format($0.start / 1000, decimals: 4)),\(FixedPoint.format($0.end / 1000, decimals: 4))]" }
            let metres = covered.reduce(0) { $0 + $1.length }
            return "{\"day\":\(index == 0 ? 0 : history.dates[index - 1]),\"covered\":[\(stretches.joined(separator: ","))],"
                + "\"coveredKm\":\(FixedPoint.format(metres / 1000, decimals: 3))}"
        }
        let stops = history.dates.map { day in String(format: "\"%04d-%02d-%02d\"", day / 10000, day / 100 % 100, day % 100) }
        let lons = line.vertices.map(\.longitude), lats = line.vertices.map(\.latitude)
        let members: [(String, String)] = [
            ("title", JSONText.string(layers.title)),
            ("caveat", JSONText.string(layers.caveat ?? "")),
            ("initialDate", layers.initialDate.map(JSONText.string) ?? "null"),
            ("attribution", JSONText.string(attribution)),
            ("bounds", "[[\(lats.min()! - 0.5),\(lons.min()! - 1)],[\(lats.max()! + 0.5),\(lons.max()! + 1)]]"),
            ("extent", extent(layers.land) ?? "[[\(lats.min()! - 6),\(lons.min()! - 6)],[\(lats.max()! + 6),\(lons.max()! + 6)]]"),
            ("borderKm", FixedPoint.format(line.length / 1000, decimals: 3)),
            ("border", "{\"coords\":[\(coordinates.joined(separator: ","))],\"km\":[\(kilometres.joined(separator: ","))]}"),
            ("states", "[" + states.joined(separator: ",") + "]"),
            ("stops", "[" + stops.joined(separator: ",") + "]"),
            ("colours", "{\"fenced\":\"\(MapStyle.fenced)\",\"unfenced\":\"\(MapStyle.unfenced)\",\"connector\":\"\(MapStyle.connector)\","
                + "\"side\":{" + ["PK", "IR", "AF", "other"].map { "\"\($0)\":\"\(MapStyle.incident(side: $0))\"" }.joined(separator: ",") + "}}"),
            ("land", collection(layers.land)),
            ("bands", collection(MapLayers.bands(input))),
            ("region", collection(MapLayers.regions(input))),
            ("fence", collection(fence)),
            ("places", collection(placeFeatures(others))),
            ("crossings", collection(placeFeatures(crossings))),
        ]
        var bytes: [UInt8] = []
        bytes.appendEscapingLessThan(Array(("{" + members.map { "\(JSONText.string($0.0)):\($0.1)" }.joined(separator: ",\n") + "}").utf8))
        return bytes
    }
}
