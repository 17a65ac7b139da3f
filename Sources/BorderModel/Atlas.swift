import Foundation
import Geodesy

/// Everything the analyses need, loaded once from `data/`: the border, the places and the
/// country outlines. A value, so it is shared by all worker threads.
public struct Atlas: Sendable {
    public let border: Border
    public let places: [Place]
    public let countries: CountryOutlines
    public let directory: URL
    /// Independent lines of the same border (`border-alternatives.geojson`), loaded only by
    /// `withAlternatives()`: only the spread columns need them.
    public private(set) var alternatives: [Border] = []

    public init(border: Border, places: [Place], countries: CountryOutlines, directory: URL) {
        self.border = border
        self.places = places
        self.countries = countries
        self.directory = directory
    }

    /// The alternative lines' file.
    public var alternativesFile: URL { directory.appendingPathComponent("border-alternatives.geojson") }

    /// This atlas with the alternative lines loaded (their edges cached like the border's).
    public func withAlternatives(edgeCache: URL? = EdgeCache.directory) throws -> Atlas {
        var atlas = self
        atlas.alternatives = try Border.loadAll(from: alternativesFile, edgeCache: edgeCache)
        guard !atlas.alternatives.isEmpty else { throw ModelError(file: alternativesFile.path, "no LineString feature") }
        return atlas
    }

    /// Reads the files; the country outlines load on another thread while the border loads here,
    /// since every command waits for both before its first row. `edgeCache` is the folder of the
    /// border's edge cache (nil: none).
    public static func load(from directory: URL, edgeCache: URL? = EdgeCache.directory) throws -> Atlas {
        let countriesFile = directory.appendingPathComponent("countries.geojson")
        nonisolated(unsafe) var countries: Result<CountryOutlines, Error>? = nil
        let done = DispatchGroup()
        done.enter()
        Thread {
            countries = Result { try CountryOutlines.load(from: countriesFile) }
            done.leave()
        }.start()
        let border = Result { try Border.load(from: directory.appendingPathComponent("border.geojson"), edgeCache: edgeCache) }
        let places = Result { try Place.load(from: directory.appendingPathComponent("places.csv")) }
        done.wait()                                   // the group orders the write before this read
        return Atlas(border: try border.get(), places: try places.get(), countries: try countries!.get(),
                     directory: directory)
    }

    /// The bundled incidents file.
    public var incidentsFile: URL { directory.appendingPathComponent("incidents.csv") }
}
