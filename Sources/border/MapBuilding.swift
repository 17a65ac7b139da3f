import BorderAnalysis
import BorderInput
import BorderModel
import BorderOutput
import BorderReport
import Foundation

/// What `border map` and `border report --interactive` share: the page's static layers, and the
/// computed columns of an incident measured elsewhere.
extension CoverageOptionGroup {
    /// The static layers: `drawn`'s regions, fence and bands, the fence's `history`, the land, the caveat.
    func mapLayers(atlas: Atlas, drawn: MapInput, fence: Fence?, history: FenceHistory?, title: String) throws -> MapPageLayers {
        let caveat = try fence.flatMap(placementCaveat)
        let land = atlas.directory.appendingPathComponent("basemap.geojson")
        return MapPageLayers(title: title, border: atlas.border, places: atlas.places, regions: drawn.regions, bands: drawn.bands,
                             fence: drawn.fence, history: history, caveat: caveat, initialDate: asOf,
                             land: FileManager.default.fileExists(atPath: land.path) ? try MapFeatureReader.read(land) : [])
    }
}

extension MeasuredDistance {
    /// An incident the report measured, with the fence and the crossing of its day.
    init(_ incident: MeasuredIncident, onTheDay: OnTheDay) {
        let (fence, crossing) = onTheDay.columns(date: incident.record.date, point: incident.point, incident.result)
        self.init(result: incident.result, uncertainty: incident.uncertainty, interval: incident.interval, spread: incident.spread,
                  fence: fence, crossing: crossing)
    }
}
