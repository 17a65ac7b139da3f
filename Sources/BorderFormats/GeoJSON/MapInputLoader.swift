import BorderAnalysis
import BorderModel
import Foundation

/// Gathers a `MapInput` from the data folder and a source of points.
public enum MapInputLoader {
    /// Measures every point of `source` (rejected rows go to `reject`), reads the region and fence
    /// layers from the atlas folder and builds the distance bands.
    public static func load(atlas: Atlas, source: inout any RecordSource, bandKilometres: [Double],
                            reject: (Rejection) -> Void) throws -> (MapInput, RunSummary) {
        let analyzer = try DistanceAnalyzer(atlas: atlas)
        var incidents: [MeasuredIncident] = []
        var summary = RunSummary()
        while let record = try source.next() {
            summary.read += 1
            if record.filteredOut != nil {               // left out on purpose (a filter, an older ACLED version)
                summary.filtered += 1
                continue
            }
            switch record.position {
            case .success(let point):
                incidents.append(MeasuredIncident(header: source.header, record: record, point: point, result: try analyzer.analyze(point)))
                summary.written += 1
            case .failure(let rejection):
                reject(rejection)
                summary.rejected += 1
            }
        }
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
        return (MapInput(border: atlas.border, places: atlas.places, regions: try optional("regions.geojson"),
                         fence: try optional("fence.geojson"), incidents: incidents, bands: bands, coverage: coverage), summary)
    }
}
