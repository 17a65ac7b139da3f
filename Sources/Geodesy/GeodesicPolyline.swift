import Foundation

/// A polyline whose edges are WGS84 geodesics between consecutive vertices, with chainage
/// (metres along the line from its first vertex) and an exact nearest-point search.
public struct GeodesicPolyline: Sendable {
    public let vertices: [Coordinate]
    /// Chainage of each vertex, metres; the last value is the line's length.
    public let chainage: [Double]
    public let geodesic: Geodesic
    /// Azimuth of each edge at its start and at its end (degrees), from the same inverse
    /// solutions as the chainage; they spare the search an inverse problem per edge it solves.
    let startAzimuths: [Double]
    let endAzimuths: [Double]
    let edgeLengths: [Double]
    let index: SegmentIndex

    /// `known` are the edges' solutions from an earlier load of the same vertices (`EdgeSolution.key`);
    /// without them every edge is solved here.
    public init(_ vertices: [Coordinate], geodesic: Geodesic = .wgs84, known: [EdgeSolution]? = nil) throws {
        guard vertices.count >= 2 else { throw GeometryError.invalid("a line needs at least two vertices, got \(vertices.count)") }
        if let bad = vertices.firstIndex(where: { !$0.isValid }) {
            throw GeometryError.invalid("vertex \(bad) is not a valid longitude/latitude: \(vertices[bad])")
        }
        self.vertices = vertices
        self.geodesic = geodesic
        let solutions = known.flatMap { $0.count == vertices.count - 1 ? $0 : nil } ?? Self.edgeSolutions(vertices, geodesic: geodesic)
        var chainage = [0.0]
        chainage.reserveCapacity(vertices.count)
        for solution in solutions { chainage.append(chainage.last! + solution.length) }
        self.chainage = chainage
        self.edgeLengths = solutions.map(\.length)
        self.startAzimuths = solutions.map(\.startAzimuth)
        self.endAzimuths = solutions.map(\.endAzimuth)
        // Pieces as long as the line's mean edge, from 500 m to 5 km: a dense line (the bundled
        // one, 61 m) keeps 500 m pieces, a coarse one (the alternative lines, 0.7–3.7 km) is cut
        // into fewer, so its searches walk fewer of them. Only speed depends on it: a piece's bow
        // bounds its geodesic's distance from its chord at any length.
        let meanEdge = chainage.last! / Double(edgeLengths.count)
        self.index = SegmentIndex(vertices: vertices, lengths: zip(chainage, chainage.dropFirst()).map { $1 - $0 },
                                  geodesic: geodesic, pieceLength: min(max(meanEdge, SegmentIndex.standardPieceLength), 5_000))
    }

    /// The same line on storage of its own, arrays and ellipsoid (`geodesic`, which should be a
    /// thread's own too): a search retains and releases them, and threads searching one shared
    /// line contend for those reference counts (1–2 % of the wall time on two threads, measured
    /// on 1M points). Every array is copied, not rebuilt (a rebuild cost each thread 8 ms at start):
    /// `geodesic` must be the same ellipsoid, and the searches' answers are the same, bit for bit.
    public func withOwnStorage(geodesic: Geodesic) -> GeodesicPolyline {
        precondition(geodesic.equatorialRadius == self.geodesic.equatorialRadius && geodesic.flattening == self.geodesic.flattening,
                     "withOwnStorage keeps the line's ellipsoid")
        return GeodesicPolyline(copying: self, geodesic: geodesic)
    }

    private init(copying line: GeodesicPolyline, geodesic: Geodesic) {
        (vertices, chainage, self.geodesic) = (line.vertices.map { $0 }, line.chainage.map { $0 }, geodesic)
        (startAzimuths, endAzimuths, edgeLengths) = (line.startAzimuths.map { $0 }, line.endAzimuths.map { $0 }, line.edgeLengths.map { $0 })
        index = line.index.withOwnStorage()
    }

    /// Every edge's solution, as `init(_:geodesic:known:)` takes them back.
    public var edges: [EdgeSolution] {
        edgeLengths.indices.map { EdgeSolution(length: edgeLengths[$0], startAzimuth: startAzimuths[$0], endAzimuth: endAzimuths[$0]) }
    }

    /// The inverse solution of every edge, on all cores: a long line has thousands of edges and
    /// this is most of the cost of loading one.
    private static func edgeSolutions(_ vertices: [Coordinate], geodesic: Geodesic) -> [EdgeSolution] {
        let count = vertices.count - 1
        var solutions = [EdgeSolution](repeating: EdgeSolution(length: 0, startAzimuth: 0, endAzimuth: 0), count: count)
        let chunks = count < 2_000 ? 1 : ProcessInfo.processInfo.activeProcessorCount
        solutions.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer               // each chunk writes its own slots
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                for edge in stride(from: chunk * count / chunks, to: (chunk + 1) * count / chunks, by: 1) {
                    let solution = geodesic.inverse(vertices[edge], vertices[edge + 1])
                    output[edge] = EdgeSolution(length: solution.distance, startAzimuth: solution.azimuth1, endAzimuth: solution.azimuth2)
                }
            }
        }
        return solutions
    }

    public var length: Double { chainage.last! }
    public var edgeCount: Int { vertices.count - 1 }

    /// The geodesic edge from vertex `edge` to vertex `edge + 1`.
    public func segment(_ edge: Int) -> GeodesicSegment {
        geodesic.segment(from: vertices[edge], azimuth: startAzimuths[edge], length: chainage[edge + 1] - chainage[edge])
    }

    /// The point at `metres` along the line (clamped to its ends).
    public func point(atChainage metres: Double) -> Coordinate {
        let (edge, offset) = locate(chainage: metres)
        return offset == 0 ? vertices[edge] : segment(edge).position(at: offset).coordinate
    }

    /// The edge holding `metres` and the distance along it.
    func locate(chainage metres: Double) -> (edge: Int, offset: Double) {
        let clamped = min(max(metres, 0), length)
        var low = 0, high = edgeCount - 1          // last edge whose start chainage ≤ clamped
        while low < high {
            let mid = (low + high + 1) / 2
            if chainage[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        return (low, min(clamped - chainage[low], chainage[low + 1] - chainage[low]))
    }

    /// The vertices of the part of the line between two chainages, ends included.
    public func subline(from start: Double, to end: Double) -> [Coordinate] {
        let (a, b) = (min(start, end), max(start, end))
        let (first, _) = locate(chainage: a), (last, _) = locate(chainage: b)
        var points = [point(atChainage: a)]
        if first < last { points += vertices[(first + 1)...last] }
        let tail = point(atChainage: b)
        if tail != points.last! || points.count == 1 { points.append(tail) }
        return points
    }
}
