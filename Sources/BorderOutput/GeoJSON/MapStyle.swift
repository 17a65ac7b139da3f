import BorderInput
/// simplestyle-spec 1.1.0 colours and widths per layer, shared by the GeoJSON and the SVG map
/// so both read the same way. Colours are `#RRGGBB` (the spec allows no names).
public enum MapStyle {
    public static let fenced = "#1a9850"        // border stretches within reach of a fence
    public static let unfenced = "#d73027"      // gaps and unfenced border
    public static let border = "#222222"        // the border before coverage is known
    public static let region = "#9e9ac8"
    public static let place = "#4d4d4d"
    public static let connector = "#7f7f7f"
    /// Bands from the nearest outwards: warm to pale.
    public static let bands = ["#f46d43", "#fdae61", "#fee090", "#ffffbf"]
    public static func band(rank: Int) -> String { bands[min(rank, bands.count - 1)] }

    /// Fence segments by `status`.
    public static func fence(status: String) -> String {
        switch status {
        case "built": "#00441b"
        case "under_construction": "#fe9929"
        case "planned": "#6baed6"
        default: "#969696"
        }
    }

    /// Incidents by which side they lie on.
    public static func incident(side: String) -> String {
        switch side {
        case "PK": "#2166ac"
        case "IR": "#b2182b"
        case "AF": "#762a83"
        default: "#525252"
        }
    }

    /// `marker-size` by casualties (killed + injured).
    public static func markerSize(casualties: Int) -> String {
        casualties >= 10 ? "large" : casualties >= 3 ? "medium" : "small"
    }

    public static func line(_ colour: String, width: Double, title: String, description: String) -> [(String, PropertyValue)] {
        [("stroke", .string(colour)), ("stroke-width", .number(width)), ("stroke-opacity", .number(1)),
         ("title", .string(title)), ("description", .string(description))]
    }

    public static func area(_ colour: String, opacity: Double, title: String, description: String) -> [(String, PropertyValue)] {
        [("stroke", .string(colour)), ("stroke-width", .number(1)), ("fill", .string(colour)), ("fill-opacity", .number(opacity)),
         ("title", .string(title)), ("description", .string(description))]
    }

    public static func marker(_ colour: String, size: String, symbol: String, title: String, description: String) -> [(String, PropertyValue)] {
        [("marker-color", .string(colour)), ("marker-size", .string(size)), ("marker-symbol", .string(symbol)),
         ("title", .string(title)), ("description", .string(description))]
    }
}
