import Foundation
import Geodesy

/// Everything the analyses need, loaded once from `data/`: the border, the places and the
/// country outlines. A value, so it is shared by all worker threads.
public struct Atlas: Sendable {
    public let border: Border
    public let places: [Place]
    public let countries: CountryOutlines
    public let directory: URL

    public init(border: Border, places: [Place], countries: CountryOutlines, directory: URL) {
        self.border = border
        self.places = places
        self.countries = countries
        self.directory = directory
    }

    public static func load(from directory: URL) throws -> Atlas {
        Atlas(border: try Border.load(from: directory.appendingPathComponent("border.geojson")),
              places: try Place.load(from: directory.appendingPathComponent("places.csv")),
              countries: try CountryOutlines.load(from: directory.appendingPathComponent("countries.geojson")),
              directory: directory)
    }

    /// The bundled incidents file.
    public var incidentsFile: URL { directory.appendingPathComponent("incidents.csv") }
}
