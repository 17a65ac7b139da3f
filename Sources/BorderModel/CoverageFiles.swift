import Foundation

extension Atlas {
    /// The bundled sample fence (placement assumed; see data/SOURCES.md).
    public var fenceFile: URL { directory.appendingPathComponent("fence.geojson") }
    /// The bundled border sectors between named landmarks.
    public var sectorsFile: URL { directory.appendingPathComponent("sectors.csv") }
}
