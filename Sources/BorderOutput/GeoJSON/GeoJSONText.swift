import BorderInput
import BorderModel
import Geodesy

/// The one GeoJSON encoder (RFC 7946) of `distances`, `coverage` and the map: lon,lat positions
/// rounded to `precision` decimals (trailing zeros dropped), repeated positions after rounding
/// removed, rings re-wound after rounding, members in a fixed order (`type`, `geometry`,
/// `properties`), no `crs`. It writes bytes, so a row of `distances` costs no String.
public struct GeoJSONText: Sendable {
    public var precision: Int

    public init(precision: Int = 6) {
        self.precision = min(max(precision, 0), 12)
    }

    public func feature(_ feature: MapFeature) -> String { text { appendFeature(feature, to: &$0) } }

    public func geometry(_ geometry: MapGeometry) -> String { text { appendGeometry(geometry, to: &$0) } }

    private func text(_ body: (inout [UInt8]) -> Void) -> String {
        var bytes: [UInt8] = []
        body(&bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    public func appendFeature(_ feature: MapFeature, to bytes: inout [UInt8]) {
        appendFeatureOpening(feature.geometry, to: &bytes)
        for (n, (name, value)) in feature.properties.enumerated() {
            if n > 0 { bytes.append(0x2C) }
            bytes.appendJSONString(name)
            bytes.append(0x3A)
            bytes.append(contentsOf: value.json.utf8)
        }
        bytes.append(contentsOf: "}}".utf8)
    }

    /// `{"type":"Feature","geometry":…,"properties":{` — the caller writes the members and `}}`.
    public func appendFeatureOpening(_ geometry: MapGeometry, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: #"{"type":"Feature","geometry":"#.utf8)
        appendGeometry(geometry, to: &bytes)
        bytes.append(contentsOf: #","properties":{"#.utf8)
    }

    public func appendGeometry(_ geometry: MapGeometry, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: #"{"type":""#.utf8)
        bytes.append(contentsOf: geometry.typeName.utf8)
        bytes.append(contentsOf: #"","coordinates":"#.utf8)
        switch geometry {
        case .point(let p): appendPosition(round(p), to: &bytes)
        case .lineString(let line): appendPositions(rounded(line), to: &bytes)
        case .multiLineString(let lines): appendList(lines, to: &bytes) { appendPositions(rounded($0), to: &$1) }
        case .polygon(let rings): appendPolygon(rings, to: &bytes)
        case .multiPolygon(let polygons): appendList(polygons, to: &bytes) { appendPolygon($0, to: &$1) }
        }
        bytes.append(0x7D)
    }

    private func appendList<T>(_ items: [T], to bytes: inout [UInt8], _ each: (T, inout [UInt8]) -> Void) {
        bytes.append(0x5B)
        for (n, item) in items.enumerated() {
            if n > 0 { bytes.append(0x2C) }
            each(item, &bytes)
        }
        bytes.append(0x5D)
    }

    private func appendPolygon(_ rings: [[Coordinate]], to bytes: inout [UInt8]) {
        let closed = rings.map { ring -> [Coordinate] in
            var r = rounded(ring)
            if r.count > 1 && r.first == r.last { r.removeLast() }
            return r
        }.filter { $0.count >= 3 }
        appendList(RingOrientation.rfc7946(closed), to: &bytes) { ring, bytes in appendPositions(ring + [ring[0]], to: &bytes) }
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

    private func appendPositions(_ line: [Coordinate], to bytes: inout [UInt8]) {
        appendList(line, to: &bytes) { appendPosition($0, to: &$1) }
    }

    /// `[lon,lat]` of a position already rounded to `precision`.
    public func appendPosition(_ p: Coordinate, to bytes: inout [UInt8]) {
        bytes.append(0x5B)
        appendNumber(p.longitude, to: &bytes)
        bytes.append(0x2C)
        appendNumber(p.latitude, to: &bytes)
        bytes.append(0x5D)
    }

    /// Fixed to `precision` decimals, trailing zeros and a bare point dropped, never `-0`.
    private func appendNumber(_ value: Double, to bytes: inout [UInt8]) {
        let start = bytes.count
        bytes.appendFixed(value, decimals: precision)
        if precision > 0 {
            while bytes.last == 0x30 { bytes.removeLast() }
            if bytes.last == 0x2E { bytes.removeLast() }
        }
        if bytes.count - start == 2 && bytes[start] == 0x2D && bytes[start + 1] == 0x30 { bytes.remove(at: start) }
    }
}

/// Writes features as one FeatureCollection (RFC 7946) or as RFC 8142 text sequences
/// (RS before each feature, LF after), streaming either way.
public final class FeatureStreamWriter {
    public enum Kind: Sendable { case collection, sequence }
    private let output: Output
    private let kind: Kind
    private let encoder: GeoJSONText
    private var count = 0
    private var bytes: [UInt8] = []

    public init(output: Output, kind: Kind, precision: Int) {
        self.output = output
        self.kind = kind
        self.encoder = GeoJSONText(precision: precision)
    }

    /// `members` are foreign members of the collection (RFC 7946 §6.1), e.g. a caveat.
    public func begin(members: [(String, PropertyValue)] = []) {
        guard kind == .collection else { return }
        output.write("{\"type\":\"FeatureCollection\"," + members.map { JSONText.string($0.0) + ":" + $0.1.json + "," }.joined() + "\"features\":[")
    }

    public func write(_ feature: MapFeature) {
        bytes.removeAll(keepingCapacity: true)
        switch kind {
        case .collection: bytes.append(contentsOf: (count == 0 ? "\n" : ",\n").utf8)
        case .sequence: bytes.append(0x1E)
        }
        encoder.appendFeature(feature, to: &bytes)
        if kind == .sequence { bytes.append(0x0A) }
        output.write(bytes: bytes)
        count += 1
    }

    public func finish() {
        if kind == .collection { output.write(count == 0 ? "]}\n" : "\n]}\n") }
    }
}
