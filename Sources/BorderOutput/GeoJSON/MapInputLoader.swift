import BorderAnalysis
import BorderInput
import BorderModel
import Foundation

/// Gathers a `MapInput` from results computed elsewhere and the data folder's region layer.
public enum MapInputLoader {
    /// The measured `incidents` (from the row loop), the distance `bands`, the `fence` drawn as
    /// its file gives it and its `coverage` (both nil without a fence), and the atlas folder's
    /// regions.
    public static func load(atlas: Atlas, incidents: [MeasuredIncident], bands: [DistanceBand], fence: Fence?,
                            coverage: CoverageFigures?) throws -> MapInput {
        let regions = atlas.directory.appendingPathComponent("regions.geojson")
        return MapInput(border: atlas.border, places: atlas.places,
                        regions: FileManager.default.fileExists(atPath: regions.path) ? try MapFeatureReader.read(regions) : [],
                        fence: try fence.map(fenceFeatures) ?? [], incidents: incidents, bands: bands, coverage: coverage)
    }

    /// Every segment of the fence file with its own properties: a GeoJSON file's features as they
    /// are, a CSV file's chainage ranges as the stretch of border they name.
    static func fenceFeatures(_ fence: Fence) throws -> [MapFeature] {
        let lowered = fence.file.lowercased()
        if lowered.hasSuffix(".geojson") || lowered.hasSuffix(".json") { return try MapFeatureReader.read(URL(fileURLWithPath: fence.file)) }
        return fence.segments.map { segment in
            var properties: [(String, PropertyValue)] = [
                ("id", .string(segment.id)), ("status", .string(segment.status.rawValue)), ("side", .string(segment.side.rawValue)),
                ("kind", .string(segment.kind)), ("completed", segment.completed.map(PropertyValue.string) ?? .null),
                ("source", .string(segment.source)), ("placement", segment.placement.map(PropertyValue.string) ?? .null),
                ("placement_note", .string(segment.placementNote)),
            ]
            if let chainage = segment.chainageKilometres {
                properties += [("start_km", .fixed(chainage.lowerBound, decimals: 3)), ("end_km", .fixed(chainage.upperBound, decimals: 3)),
                               ("length_km", .fixed(chainage.upperBound - chainage.lowerBound, decimals: 3))]
            }
            return MapFeature(geometry: .lineString(segment.geometry), properties: properties)
        }
    }
}
