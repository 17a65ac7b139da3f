import BorderInput
import Geodesy

/// RFC 7946 text for features: lon,lat positions rounded to `precision` decimals (trailing zeros
/// dropped), repeated positions after rounding removed, rings re-wound after rounding, members in
/// a fixed order (`type`, `geometry`, `properties`), no `crs`.
public struct GeoJSONText: Sendable {
    public var precision: Int

    public init(precision: Int = 6) {
        self.precision = min(max(precision, 0), 12)
    }

    public func feature(_ feature: MapFeature) -> String {
        "{\"type\":\"Feature\",\"geometry\":" + geometry(feature.geometry) + ",\"properties\":{"
            + feature.properties.map { JSONText.string($0.0) + ":" + $0.1.json }.joined(separator: ",") + "}}"
    }

    public func geometry(_ geometry: MapGeometry) -> String {
        let coordinates: String
        switch geometry {
        case .point(let p): coordinates = position(round(p))
        case .lineString(let line): coordinates = positions(rounded(line))
        case .multiLineString(let lines): coordinates = "[" + lines.map { positions(rounded($0)) }.joined(separator: ",") + "]"
        case .polygon(let rings): coordinates = polygon(rings)
        case .multiPolygon(let polygons): coordinates = "[" + polygons.map(polygon).joined(separator: ",") + "]"
        }
        return "{\"type\":\"\(geometry.typeName)\",\"coordinates\":" + coordinates + "}"
    }

    private func polygon(_ rings: [[Coordinate]]) -> String {
        let closed = rings.map { ring -> [Coordinate] in
            var r = rounded(ring)
            if r.count > 1 && r.first == r.last { r.removeLast() }
            return r
        }.filter { $0.count >= 3 }
        return "[" + RingOrientation.rfc7946(closed).map { positions($0 + [$0[0]]) }.joined(separator: ",") + "]"
    }

    func round(_ p: Coordinate) -> Coordinate {
        let scale = Double(FixedPoint.powers[precision])
        return Coordinate(longitude: (p.longitude * scale).rounded() / scale, latitude: (p.latitude * scale).rounded() / scale)
    }

    /// Rounded positions without consecutive repeats.
    func rounded(_ line: [Coordinate]) -> [Coordinate] {
        var result: [Coordinate] = []
        result.reserveCapacity(line.count)
        for p in line {
            let r = round(p)
            if r != result.last { result.append(r) }
        }
        return result
    }

    private func positions(_ line: [Coordinate]) -> String { "[" + line.map(position).joined(separator: ",") + "]" }

    private func position(_ p: Coordinate) -> String { "[" + number(p.longitude) + "," + number(p.latitude) + "]" }

    private func number(_ value: Double) -> String {
        var text = FixedPoint.format(value, decimals: precision)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }
}

/// Writes features as one FeatureCollection (RFC 7946) or as RFC 8142 text sequences
/// (RS before each feature, LF after), streaming either way.
public final class FeatureStreamWriter {
    public enum Kind: Sendable { case collection, sequence }
    private let output: Output
    private let kind: Kind
    private let text: GeoJSONText
    private var count = 0

    public init(output: Output, kind: Kind, precision: Int) {
        self.output = output
        self.kind = kind
        self.text = GeoJSONText(precision: precision)
    }

    public func begin() {
        if kind == .collection { output.write("{\"type\":\"FeatureCollection\",\"features\":[") }
    }

    public func write(_ feature: MapFeature) {
        switch kind {
        case .collection: output.write((count == 0 ? "\n" : ",\n") + text.feature(feature))
        case .sequence: output.write("\u{1E}" + text.feature(feature) + "\n")
        }
        count += 1
    }

    public func finish() {
        if kind == .collection { output.write(count == 0 ? "]}\n" : "\n]}\n") }
    }
}
