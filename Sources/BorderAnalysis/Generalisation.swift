import BorderModel
import Geodesy

/// The border's length as published maps would draw it: Douglas–Peucker simplified in a local
/// metric projection, then measured along geodesics between the vertices kept.
public struct GeneralisedLength: Sendable, Equatable {
    /// Douglas–Peucker tolerance, metres (0: the full line).
    public var toleranceMetres: Double
    public var vertexCount: Int
    /// Geodesic length of the simplified line, km.
    public var lengthKilometres: Double
}

public enum Generalisation {
    /// The tolerances the report uses; the reference lengths for them are in
    /// ../shared/reference/border-sources/REPORT.md.
    public static let standardTolerances: [Double] = [0, 25, 50, 100, 250, 500, 1000]

    /// UTM zone 41N holds the whole border (60.8–63.3° E).
    public static let projection = "EPSG:32641"

    public static func lengths(of line: GeodesicPolyline, tolerances: [Double] = standardTolerances,
                               projection: String = projection) throws -> [GeneralisedLength] {
        let context = try ProjContext()
        let forward = try Transformation(from: "EPSG:4326", to: projection, context: context)
        let projected = try line.vertices.map(forward.project)
        return tolerances.map { tolerance in
            let kept = DouglasPeucker.keptIndices(projected, tolerance: tolerance).map { line.vertices[$0] }
            return GeneralisedLength(toleranceMetres: tolerance, vertexCount: kept.count,
                                     lengthKilometres: line.geodesic.length(of: kept) / 1000)
        }
    }
}
