/// A bounding-sphere hierarchy over the straight 3-D chords of a polyline's geodesic edges.
///
/// Long edges are cut into pieces of at most `maxPieceLength`, at exact points of the geodesic,
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

    static let maxPieceLength = 500.0
    static let leafSize = 4
    /// The largest normal curvature of the WGS84 ellipsoid, 1/(a(1 − e²)), at the equator along the meridian.
    static let maxCurvature = 1 / 6_335_439.327

    let pieces: [Piece]
    /// levels[0] holds one sphere per leaf of `leafSize` pieces; each next level halves the count.
    let levels: [[Sphere]]

    /// `lengths[i]` is the geodesic length of edge i; only edges longer than a piece are cut.
    init(vertices: [Coordinate], lengths: [Double], geodesic: Geodesic) {
        self.init(lines: [(vertices, lengths)], geodesic: geodesic)
    }

    /// Several polylines in one index; edges are numbered on from one line to the next.
    init(lines: [(vertices: [Coordinate], lengths: [Double])], geodesic: Geodesic) {
        var pieces: [Piece] = []
        pieces.reserveCapacity(lines.reduce(0) { $0 + $1.vertices.count })
        var edge = 0
        for (vertices, lengths) in lines {
            var start = Vector3(vertices[0], on: geodesic)
            for (local, length) in lengths.enumerated() {
                let count = max(1, Int((length / Self.maxPieceLength).rounded(.up)))
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
        self.levels = Self.buildLevels(pieces)
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
    func visit(from p: Vector3, keep: (Double) -> Bool, piece body: (Int) -> Void) {
        guard let top = levels.indices.last else { return }
        descend(level: top, node: 0, from: p, keep: keep, body: body)
    }

    private func descend(level: Int, node: Int, from p: Vector3,
                         keep: (Double) -> Bool, body: (Int) -> Void) {
        guard keep(levels[level][node].lowerBound(from: p)) else { return }
        if level == 0 {
            for piece in (node * Self.leafSize)..<min((node + 1) * Self.leafSize, pieces.count) { body(piece) }
            return
        }
        let left = 2 * node, right = 2 * node + 1
        guard right < levels[level - 1].count else {
            descend(level: level - 1, node: left, from: p, keep: keep, body: body)
            return
        }
        let leftBound = levels[level - 1][left].lowerBound(from: p)
        let rightBound = levels[level - 1][right].lowerBound(from: p)
        let (first, second) = leftBound <= rightBound ? (left, right) : (right, left)
        descend(level: level - 1, node: first, from: p, keep: keep, body: body)
        descend(level: level - 1, node: second, from: p, keep: keep, body: body)
    }
}
