import BorderAnalysis
import BorderModel
import Foundation

/// Gathers a `MapInput` from the data folder and a source of points.
public enum MapInputLoader {
    /// The measured `incidents` (from the row loop) with the region and fence layers of the atlas
    /// folder and the distance bands.
    public static func load(atlas: Atlas, incidents: [MeasuredIncident], bandKilometres: [Double]) throws -> MapInput {
        let folder = atlas.directory
        func optional(_ name: String) throws -> [MapFeature] {
            let url = folder.appendingPathComponent(name)
            return FileManager.default.fileExists(atPath: url.path) ? try MapFeatureReader.read(url) : []
        }
        let bands = try DistanceBands.build(border: atlas.border, countries: atlas.countries, kilometres: bandKilometres)
        let coverage: CoverageFigures?
        do { coverage = try CoverageFigures.bundled(atlas: atlas) } catch let error as ModelError {
            throw UnusableInput(file: error.file, reason: error.message)
        }
        return MapInput(border: atlas.border, places: atlas.places, regions: try optional("regions.geojson"),
                    fence: try optional("fence.geojson"), incidents: incidents, bands: bands, coverage: coverage)
    }
}
