/// A bounding-sphere hierarchy over the straight 3-D chords of a polyline's geodesic edges.
///
/// Long edges are cut into pieces of at most `pieceLength`, at exact points of the geodesic,
/// so every chord hugs its geodesic within `bow` metres. A node's sphere holds its pieces' chords
/// plus their bows, so `|p − centre| − radius` never exceeds the geodesic distance from `p` to
/// any point of the edges below it: straight lines are never longer than surface paths.
struct SegmentIndex: Sendable {
    struct Piece: Sendable {
        var start: Vector3
        var end: Vector3
        var edge: Int
        /// Distances along the edge (metres) of the piece's two ends.
        var startOffset: Double
        var endOffset: Double
        /// Largest distance of the geodesic from the chord.
        var bow: Double
    }

    struct Sphere: Sendable {
        var centre: Vector3
        var radius: Double

        func lowerBound(from p: Vector3) -> Double { max(0, (p - centre).length - radius) }

        func enclosing(_ other: Sphere) -> Sphere {
            let offset = other.centre - centre
            let gap = offset.length
            if gap + other.radius <= radius { return self }
            if gap + radius <= other.radius { return other }
            let radius = (gap + self.radius + other.radius) / 2
            let centre = self.centre + offset * ((radius - self.radius) / gap)
            return Sphere(centre: centre, radius: radius)
        }
    }

    /// The pieces of a dense line and of the fence: their chords stay within 1 cm of their geodesics.
    static let standardPieceLength = 500.0
    /// The longest piece of this index (`standardPieceLength` unless the line asked for longer).
    let pieceLength: Double
    /// The largest bow of a piece.
    var maxBow: Double { Self.bow(ofPieceLength: pieceLength) }
    static let leafSize = 2
    /// The largest normal curvature of the WGS84 ellipsoid, 1/(a(1 − e²)), at the equator along the meridian.
    static let maxCurvature = 1 / 6_335_439.327

    let pieces: [Piece]
    /// Every sphere in one array, level by level: the leaves first (one per `leafSize` pieces),
    /// each next level holding one sphere per pair below it, the root last.
    let nodes: [Sphere]
    /// Where each level starts in `nodes`, and how many spheres it has.
    let levelStarts: [Int]
    let levelCounts: [Int]

    /// The same index in arrays of its own (`GeodesicPolyline.withOwnStorage`): copied, not rebuilt.
    func withOwnStorage() -> SegmentIndex {
        SegmentIndex(pieceLength: pieceLength, pieces: pieces.map { $0 }, nodes: nodes.map { $0 },
                     levelStarts: levelStarts.map { $0 }, levelCounts: levelCounts.map { $0 })
    }

    private init(pieceLength: Double, pieces: [Piece], nodes: [Sphere], levelStarts: [Int], levelCounts: [Int]) {
        (self.pieceLength, self.pieces, self.nodes, self.levelStarts, self.levelCounts) = (pieceLength, pieces, nodes, levelStarts, levelCounts)
    }

    /// `lengths[i]` is the geodesic length of edge i; only edges longer than a piece are cut.
    init(vertices: [Coordinate], lengths: [Double], geodesic: Geodesic, pieceLength: Double = standardPieceLength) {
        self.init(lines: [(vertices, lengths)], geodesic: geodesic, pieceLength: pieceLength)
    }

    /// Several polylines in one index; edges are numbered on from one line to the next.
    init(lines: [(vertices: [Coordinate], lengths: [Double])], geodesic: Geodesic, pieceLength: Double = standardPieceLength) {
        self.pieceLength = pieceLength
        var pieces: [Piece] = []
        pieces.reserveCapacity(lines.reduce(0) { $0 + $1.vertices.count })
        var edge = 0
        for (vertices, lengths) in lines {
            var start = Vector3(vertices[0], on: geodesic)
            for (local, length) in lengths.enumerated() {
                let count = max(1, Int((length / pieceLength).rounded(.up)))
                let segment = count > 1 ? geodesic.segment(from: vertices[local], to: vertices[local + 1]) : nil
                let pieceLength = length / Double(count)
                let bow = Self.bow(ofPieceLength: pieceLength)
                for k in 1...count {
                    let offset = pieceLength * Double(k)
                    let endPoint = k == count ? vertices[local + 1] : segment!.position(at: offset).coordinate
                    let end = Vector3(endPoint, on: geodesic)
                    pieces.append(Piece(start: start, end: end, edge: edge, startOffset: offset - pieceLength,
                                        endOffset: k == count ? length : offset, bow: bow))
                    start = end
                }
                edge += 1
            }
        }
        self.pieces = pieces
        let levels = Self.buildLevels(pieces)
        nodes = levels.flatMap { $0 }
        levelCounts = levels.map(\.count)
        levelStarts = levelCounts.reduce(into: [0]) { $0.append($0.last! + $1) }.dropLast()
    }

    /// Twice the circular-arc sagitta of a piece: a bound on how far its geodesic strays from its chord.
    static func bow(ofPieceLength length: Double) -> Double {
        length * length * maxCurvature / 4 + 1e-6
    }

    private static func buildLevels(_ pieces: [Piece]) -> [[Sphere]] {
        guard !pieces.isEmpty else { return [] }
        var leaves: [Sphere] = []
        for first in stride(from: 0, to: pieces.count, by: leafSize) {
            let group = pieces[first..<min(first + leafSize, pieces.count)]
            var centre = Vector3(x: 0, y: 0, z: 0)
            for piece in group { centre = centre + piece.start + piece.end }
            centre = centre * (1 / Double(2 * group.count))
            let radius = group.map { max(($0.start - centre).length, ($0.end - centre).length) + $0.bow }.max()!
            leaves.append(Sphere(centre: centre, radius: radius))
        }
        var levels = [leaves]
        while levels.last!.count > 1 {
            let below = levels.last!
            levels.append(stride(from: 0, to: below.count, by: 2).map { i in
                i + 1 < below.count ? below[i].enclosing(below[i + 1]) : below[i]
            })
        }
        return levels
    }

    /// Visits the pieces whose spheres are not rejected by `keep(lowerBound)`, nearer subtrees first.
    /// `keep` is asked again for each node as it is reached, so it may tighten while the search runs.
    /// A loop over an explicit stack rather than recursion, so the closures inline into each caller:
    /// this walk is most of the cost of a nearest-point query.
    @inline(__always)
    func visit(from p: Vector3, keep: (Double) -> Bool, piece body: (Int) -> Void) {
        guard let top = levelCounts.indices.last else { return }
        typealias Pending = (level: Int, node: Int, bound: Double)
        nodes.withUnsafeBufferPointer { nodes in
            withUnsafeTemporaryAllocation(of: Pending.self, capacity: 2 * levelCounts.count + 2) { stack in
                stack[0] = (top, 0, nodes[levelStarts[top]].lowerBound(from: p))
                var depth = 1
                while depth > 0 {
                    depth -= 1
                    let (level, node, bound) = stack[depth]
                    guard keep(bound) else { continue }
                    if level == 0 {
                        for piece in (node * Self.leafSize)..<min((node + 1) * Self.leafSize, pieces.count) { body(piece) }
                        continue
                    }
                    let below = level - 1, left = 2 * node, right = 2 * node + 1
                    let leftBound = nodes[levelStarts[below] + left].lowerBound(from: p)
                    guard right < levelCounts[below] else {
                        stack[depth] = (below, left, leftBound)
                        depth += 1
                        continue
                    }
                    let rightBound = nodes[levelStarts[below] + right].lowerBound(from: p)
                    // The nearer child goes on top, so it is searched first.
                    let (near, far) = leftBound <= rightBound ? ((left, leftBound), (right, rightBound)) : ((right, rightBound), (left, leftBound))
                    stack[depth] = (below, far.0, far.1)
                    stack[depth + 1] = (below, near.0, near.1)
                    depth += 2
                }
            }
        }
    }
}
