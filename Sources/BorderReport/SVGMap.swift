import BorderAnalysis
import BorderInput
import BorderModel
import BorderOutput
import Geodesy

/// The report's own map as SVG, in UTM 41N (PROJ): land, distance bands, the Makran region, the
/// border (by fence status when coverage is known), fence segments, places, incidents sized by
/// casualties, a scale bar and a north arrow. No tiles, fonts or scripts.
public struct SVGMap {
    public var width = 880.0
    public var height = 1000.0

    public init() {}

    public func render(_ map: MapInput, countries: CountryOutlines) throws -> String {
        let proj = try ProjContext()
        let utm = try Transformation(from: "EPSG:4326", to: Generalisation.projection, context: proj)
        func project(_ c: Coordinate) -> (Double, Double) { (try? utm.transform(x: c.longitude, y: c.latitude)) ?? (0, 0) }
        // Frame: the widest band (or the border) plus a margin.
        let frame = (map.bands.max { $0.outerKilometres < $1.outerKilometres }?.polygons.flatMap { $0[0] } ?? map.border.line.vertices).map(project)
        let margin = 20_000.0
        var (minX, maxX) = (frame.map(\.0).min()! - margin, frame.map(\.0).max()! + margin)
        var (minY, maxY) = (frame.map(\.1).min()! - margin, frame.map(\.1).max()! + margin)
        let scale = min(width / (maxX - minX), height / (maxY - minY))
        (minX, maxX) = ((minX + maxX) / 2 - width / scale / 2, (minX + maxX) / 2 + width / scale / 2)
        (minY, maxY) = ((minY + maxY) / 2 - height / scale / 2, (minY + maxY) / 2 + height / scale / 2)
        func xy(_ c: Coordinate) -> (Double, Double) { let (x, y) = project(c); return ((x - minX) * scale, (maxY - y) * scale) }
        func n(_ v: Double) -> String { FixedPoint.format(v, decimals: 1) }
        func path(_ line: [Coordinate], closed: Bool = false) -> String {
            let points = line.map(xy)
            var kept: [(Double, Double)] = []
            for p in points where kept.isEmpty || abs(p.0 - kept.last!.0) + abs(p.1 - kept.last!.1) > 0.6 { kept.append(p) }
            guard let first = kept.first else { return "" }
            return "M" + n(first.0) + " " + n(first.1) + kept.dropFirst().map { "L" + n($0.0) + " " + n($0.1) }.joined() + (closed ? "Z" : "")
        }
        var svg = ##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \##(n(width)) \##(n(height))" width="\##(n(width))" height="\##(n(height))" font-family="sans-serif" font-size="12" role="img" aria-label="Map of the Pakistan–Iran border">"##
        svg += ##"<rect width="100%" height="100%" fill="#dbe9f6"/>"##
        let context = GEOSContext()
        for index in countries.outlines.indices {
            let rings = try countries.geometry(index, context: context).polygons.flatMap { $0 }
            svg += ##"<path d="\##(rings.map { path($0, closed: true) }.joined())" fill="#f4f1e8" stroke="#9a9a9a" stroke-width="0.8" fill-rule="evenodd"/>"##
        }
        for band in MapLayers.bands(map) {
            guard case .multiPolygon(let polygons) = band.geometry, case .string(let colour)? = band.property("fill"),
                  case .number(let inner)? = band.property("inner_km"), case .number(let outer)? = band.property("outer_km") else { continue }
            let d = polygons.flatMap { $0 }.map { path($0, closed: true) }.joined()
            svg += ##"<path d="\##(d)" fill="\##(colour)" fill-opacity="0.5" fill-rule="evenodd" stroke="none"><title>\##(FixedPointText.plain(inner))–\##(FixedPointText.plain(outer)) km</title></path>"##
        }
        for region in map.regions {
            let rings: [[Coordinate]]
            switch region.geometry { case .polygon(let r): rings = r; case .multiPolygon(let p): rings = p.flatMap { $0 }; default: rings = [] }
            svg += ##"<path d="\##(rings.map { path($0, closed: true) }.joined())" fill="\##(MapStyle.region)" fill-opacity="0.12" stroke="\##(MapStyle.region)" stroke-dasharray="4 3"/>"##
        }
        for feature in MapLayers.border(map) {
            if case .lineString(let line) = feature.geometry, case .string(let colour)? = feature.property("stroke") {
                svg += ##"<path d="\##(path(line))" fill="none" stroke="\##(colour)" stroke-width="2.2"/>"##
            }
        }
        for feature in MapLayers.fence(map) {
            if case .lineString(let line) = feature.geometry, case .string(let colour)? = feature.property("stroke") {
                svg += ##"<path d="\##(path(line))" fill="none" stroke="\##(colour)" stroke-width="4" stroke-opacity="0.7"/>"##
            }
        }
        // Gaps over the fence: an unfenced stretch can still have segments under construction.
        for feature in MapLayers.gaps(map) {
            if case .lineString(let line) = feature.geometry {
                svg += ##"<path d="\##(path(line))" fill="none" stroke="\##(MapStyle.unfenced)" stroke-width="3" stroke-dasharray="6 4"/>"##
            }
        }
        let labelled: Set<String> = ["town", "city"]
        for place in map.places {
            let (x, y) = xy(place.coordinate)
            guard x >= 0, x <= width, y >= 0, y <= height else { continue }
            svg += ##"<circle cx="\##(n(x))" cy="\##(n(y))" r="2.5" fill="\##(MapStyle.place)"/>"##
            if labelled.contains(place.kind) { svg += ##"<text x="\##(n(x + 4))" y="\##(n(y - 3))" fill="#333">\##(XML.escape(place.name))</text>"## }
        }
        for incident in map.incidents {
            let (x, y) = xy(incident.point)
            guard x >= 0, x <= width, y >= 0, y <= height else { continue }
            let casualties = incident.killed + incident.injured
            let r = 3 + 2 * Double(casualties).squareRoot()
            svg += ##"<circle cx="\##(n(x))" cy="\##(n(y))" r="\##(n(r))" fill="\##(MapStyle.incident(side: incident.result.side.rawValue))" fill-opacity="0.55" stroke="#000" stroke-width="0.6"><title>\##(XML.escape(incident.id)): \##(casualties) casualties, \##(FixedPoint.format(incident.result.distanceMetres / 1000, decimals: 1)) km from the border</title></circle>"##
        }
        // Scale bar: 100 km in projected metres (UTM scale error here < 0.1 %).
        let bar = 100_000 * scale
        svg += ##"<g transform="translate(20 \##(n(height - 30)))"><rect x="-6" y="-18" width="\##(n(bar + 50))" height="30" fill="#fff" fill-opacity="0.8"/><path d="M0 0H\##(n(bar))M0 -5V5M\##(n(bar / 2)) -3V3M\##(n(bar)) -5V5" stroke="#000" stroke-width="1.5"/><text x="0" y="-7">0</text><text x="\##(n(bar - 10))" y="-7">100 km</text></g>"##
        svg += ##"<g transform="translate(\##(n(width - 40)) 50)"><path d="M0 -28L9 6L0 0L-9 6Z" fill="#000"/><text x="-5" y="22" font-weight="bold">N</text></g>"##
        svg += legend(map)
        svg += ##"<text x="10" y="18" fill="#333">UTM 41N (EPSG:32641) · border © OpenStreetMap contributors (ODbL)</text>"##
        return svg + "</svg>"
    }
}

extension SVGMap {
    /// Bands, fence status, incidents by side.
    func legend(_ map: MapInput) -> String {
        var items: [(String, String)] = MapLayers.bands(map).reversed().compactMap { band in
            guard case .string(let colour)? = band.property("fill"), case .string(let title)? = band.property("title") else { return nil }
            return ("<rect x=\"0\" y=\"-9\" width=\"14\" height=\"10\" fill=\"\(colour)\" fill-opacity=\"0.5\"/>", title.replacingOccurrences(of: " from the border", with: ""))
        }
        items += ["built", "under_construction", "planned"].map {
            ("<path d=\"M0 -4H14\" stroke=\"\(MapStyle.fence(status: $0))\" stroke-width=\"4\"/>", "fence " + $0.replacingOccurrences(of: "_", with: " ") + "*")
        }
        if map.coverage != nil {
            items.append(("<path d=\"M0 -4H14\" stroke=\"\(MapStyle.unfenced)\" stroke-width=\"3\" stroke-dasharray=\"6 4\"/>", "gap: no built fence within 1 km"))
        }
        items += [("PK", "incident, Pakistani side"), ("IR", "incident, Iranian side")].map {
            ("<circle cx=\"7\" cy=\"-4\" r=\"5\" fill=\"\(MapStyle.incident(side: $0.0))\" fill-opacity=\"0.55\" stroke=\"#000\" stroke-width=\"0.6\"/>", $0.1)
        }
        items += [("", "circle area ∝ killed + injured"), ("", "* sample fence, placement assumed")]
        var svg = ##"<g transform="translate(\##(FixedPoint.format(width - 250, decimals: 0)) 110)"><rect x="-8" y="-20" width="248" height="\##(items.count * 18 + 12)" fill="#fff" fill-opacity="0.85"/>"##
        for (index, item) in items.enumerated() {
            svg += ##"<g transform="translate(0 \##(index * 18))">\##(item.0)<text x="20" y="0">\##(XML.escape(item.1))</text></g>"##
        }
        return svg + "</g>"
    }
}

enum XML {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
