/// The country outlines' edges filed by the cells of a lon/lat grid that they meet, to tell
/// quickly whether a lon/lat box meets any outline edge. When none does, every polygon holds the
/// whole box or none of it (its boundary cannot enter the box without an edge meeting it), so the
/// country at any point of the box is the country throughout. Edges are straight in lon/lat, as
/// the outlines' are (and as GEOS reads them).
public struct OutlineEdgeGrid: Sendable {
    static let cellDegrees = 0.25
    /// A box is widened by this much before the test, so that rounding can only make the answer
    /// "meets" (the caller's conservative side).
    static let marginDegrees = 1e-9

    private struct Edge: Sendable { var x1, y1, x2, y2: Double }
    private let west: Double, south: Double
    private let columns: Int, rows: Int
    private let edges: [Edge]
    /// The edges meeting cell (column, row) are `cellEdges[cellStarts[k] ..< cellStarts[k + 1]]`, k = row · columns + column.
    private let cellStarts: [Int]
    private let cellEdges: [Int32]

    /// `rings`: closed rings of interleaved longitude, latitude.
    public init(rings: [[Double]]) {
        var edges: [Edge] = []
        for ring in rings where ring.count >= 4 {
            for k in stride(from: 0, to: ring.count - 2, by: 2) {
                edges.append(Edge(x1: ring[k], y1: ring[k + 1], x2: ring[k + 2], y2: ring[k + 3]))
            }
        }
        let size = Self.cellDegrees
        west = ((edges.map { min($0.x1, $0.x2) }.min() ?? 0) / size).rounded(.down) * size - size
        south = ((edges.map { min($0.y1, $0.y2) }.min() ?? 0) / size).rounded(.down) * size - size
        columns = Int((((edges.map { max($0.x1, $0.x2) }.max() ?? 0) - west) / size).rounded(.up)) + 2
        rows = Int((((edges.map { max($0.y1, $0.y2) }.max() ?? 0) - south) / size).rounded(.up)) + 2
        var lists = [[Int32]](repeating: [], count: columns * rows)
        for (index, edge) in edges.enumerated() {
            let (c0, c1) = (Int((min(edge.x1, edge.x2) - west) / size), Int((max(edge.x1, edge.x2) - west) / size))
            let (r0, r1) = (Int((min(edge.y1, edge.y2) - south) / size), Int((max(edge.y1, edge.y2) - south) / size))
            for row in r0...r1 {
                for column in c0...c1 {
                    let (w, s) = (west + Double(column) * size, south + Double(row) * size)
                    if Self.meets(edge, west: w - size * 1e-6, south: s - size * 1e-6, east: w + size * 1.000001, north: s + size * 1.000001) {
                        lists[row * columns + column].append(Int32(index))
                    }
                }
            }
        }
        self.edges = edges
        cellStarts = lists.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        cellEdges = lists.flatMap { $0 }
    }

    /// True only when no outline edge meets the closed box (widened by `marginDegrees`).
    public func noEdgeMeets(south boxSouth: Double, west boxWest: Double, north boxNorth: Double, east boxEast: Double) -> Bool {
        let (w, s) = (boxWest - Self.marginDegrees, boxSouth - Self.marginDegrees)
        let (e, n) = (boxEast + Self.marginDegrees, boxNorth + Self.marginDegrees)
        let size = Self.cellDegrees
        let c0 = max(0, Int(((w - west) / size).rounded(.down))), c1 = min(columns - 1, Int(((e - west) / size).rounded(.down)))
        let r0 = max(0, Int(((s - south) / size).rounded(.down))), r1 = min(rows - 1, Int(((n - south) / size).rounded(.down)))
        guard c0 <= c1, r0 <= r1 else { return true }       // the box lies outside the grid, which holds every edge
        for row in r0...r1 {
            for column in c0...c1 {
                let k = row * columns + column
                guard cellStarts[k] < cellStarts[k + 1] else { continue }
                // A cell inside the box: an edge meets the cell, so it meets the box.
                if column > c0 && column < c1 && row > r0 && row < r1 { return false }
                for index in cellEdges[cellStarts[k]..<cellStarts[k + 1]] where Self.meets(edges[Int(index)], west: w, south: s, east: e, north: n) {
                    return false
                }
            }
        }
        return true
    }

    /// Whether the segment meets the closed box: their bounding boxes overlap and the box's corners
    /// are not all strictly on one side of the segment's line (separating axes). A corner on the
    /// line counts as meeting.
    private static func meets(_ edge: Edge, west: Double, south: Double, east: Double, north: Double) -> Bool {
        guard max(edge.x1, edge.x2) >= west, min(edge.x1, edge.x2) <= east,
              max(edge.y1, edge.y2) >= south, min(edge.y1, edge.y2) <= north else { return false }
        let (dx, dy) = (edge.x2 - edge.x1, edge.y2 - edge.y1)
        func side(_ x: Double, _ y: Double) -> Double { dx * (y - edge.y1) - dy * (x - edge.x1) }
        let (a, b, c, d) = (side(west, south), side(east, south), side(east, north), side(west, north))
        return !(a > 0 && b > 0 && c > 0 && d > 0 || a < 0 && b < 0 && c < 0 && d < 0)
    }
}
