import BorderInput
import BorderModel
import Geodesy

/// A GeoJSON geometry in lon/lat. Rings are closed; their winding is fixed when encoded.
public enum MapGeometry: Sendable, Equatable {
    case point(Coordinate)
    case lineString([Coordinate])
    case multiLineString([[Coordinate]])
    case polygon([[Coordinate]])
    case multiPolygon([[[Coordinate]]])

    public var typeName: String {
        switch self {
        case .point: "Point"
        case .lineString: "LineString"
        case .multiLineString: "MultiLineString"
        case .polygon: "Polygon"
        case .multiPolygon: "MultiPolygon"
        }
    }
}

/// A property value with its JSON spelling decided here, so output is byte-stable.
public enum PropertyValue: Sendable, Equatable {
    case string(String)
    /// A number printed with exactly `decimals` decimals (trailing zeros kept: fixed width).
    case fixed(Double, decimals: Int)
    /// A number in Swift's shortest round-trip form.
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case null
    /// A value passed through from an input (numbers as written, arrays and objects kept).
    case json(JSONValue)

    /// A string, boolean or null as its own case; any other value as `.json`.
    public init(_ value: JSONValue) {
        switch value {
        case .string(let text): self = .string(text)
        case .bool(let flag): self = .bool(flag)
        case .null: self = .null
        default: self = .json(value)
        }
    }

    /// The text a label shows: a string as it is, any other value as in a CSV field.
    public var plainText: String {
        switch self {
        case .string(let text): text
        case .json(let value): value.plainText
        case .null: ""
        default: json
        }
    }

    var json: String {
        switch self {
        case .string(let text): JSONText.string(text)
        case .fixed(let value, let decimals): value.isFinite ? FixedPoint.format(value, decimals: decimals) : "null"
        case .number(let value): !value.isFinite ? "null" : value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
        case .integer(let value): String(value)
        case .bool(let value): value ? "true" : "false"
        case .null: "null"
        case .json(let value): value.jsonText
        }
    }
}

/// One Feature: a geometry and properties in a fixed order (`layer` first, by convention).
public struct MapFeature: Sendable, Equatable {
    public var geometry: MapGeometry
    public var properties: [(String, PropertyValue)]

    public init(geometry: MapGeometry, properties: [(String, PropertyValue)]) {
        self.geometry = geometry
        self.properties = properties
    }

    public static func == (a: MapFeature, b: MapFeature) -> Bool {
        a.geometry == b.geometry && a.properties.map(\.0) == b.properties.map(\.0) && a.properties.map(\.1) == b.properties.map(\.1)
    }

    public func property(_ name: String) -> PropertyValue? { properties.first { $0.0 == name }?.1 }

    public var layer: String? {
        if case .string(let value)? = property("layer") { return value }
        return nil
    }
}
