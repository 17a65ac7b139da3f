import Foundation

/// Several polylines with geodesic edges (a fence of many segments), answering "is this point
/// within a given geodesic distance of any of them, and by how much?".
///
/// The answer comes from provable bounds on the geodesic distance d, from the 3-D chords of the
/// edges' pieces (≤ 500 m, so each hugs its geodesic within `bow` ≈ 1 cm):
/// - lower: d ≥ c − bow, where c is the chord distance to the nearest piece, because a straight
///   line is never longer than a surface path;
/// - upper: some edge point lies within c + bow in a straight line, and a geodesic whose
///   curvature never exceeds κ (the ellipsoid's largest, 1/6,335 km) is at most (2/κ)·asin(κ·chord/2)
///   long (Schur's comparison with a circular arc).
/// Only when the two bounds straddle the tolerance (a band of about 2 cm) is the distance solved
/// exactly on the candidate edges.
public struct GeodesicLineSet: Sendable {
    public let lines: [[Coordinate]]
    public let geodesic: Geodesic
    /// The two vertices of every edge, numbered on from one line to the next (as in the index).
    private let edges: [(start: Coordinate, end: Coordinate)]
    private let index: SegmentIndex

    public init(_ lines: [[Coordinate]], geodesic: Geodesic = .wgs84) throws {
        for (number, line) in lines.enumerated() {
            guard line.count >= 2 else { throw GeometryError.invalid("line \(number) needs at least two vertices, got \(line.count)") }
            if let bad = line.firstIndex(where: { !$0.isValid }) {
                throw GeometryError.invalid("line \(number), vertex \(bad) is not a valid longitude/latitude: \(line[bad])")
            }
        }
        // Lines in space-filling-curve order, so the index's leaves hold neighbours.
        let ordered = lines.sorted { Self.mortonKey($0[$0.count / 2]) < Self.mortonKey($1[$1.count / 2]) }
        self.lines = lines
        self.geodesic = geodesic
        edges = ordered.flatMap { line in zip(line, line.dropFirst()).map { (start: $0, end: $1) } }
        index = SegmentIndex(lines: ordered.map { line in
            (line, zip(line, line.dropFirst()).map { geodesic.inverse($0, $1).distance })
        }, geodesic: geodesic)
    }

    public var isEmpty: Bool { lines.isEmpty }

    /// Whether the geodesic distance from `point` to the nearest line is at most `tolerance`
    /// metres, and a margin m ≥ 0 with |distance − tolerance| ≥ m (proven, not estimated).
    public func proximity(of point: Coordinate, tolerance: Double) -> Proximity {
        guard !edges.isEmpty else { return Proximity(isWithin: false, margin: .infinity) }
        let p = Vector3(point, on: geodesic)
        var lower = Double.infinity, upperChord = Double.infinity
        index.visit(from: p, keep: { $0 < upperChord }) { i in
            let piece = index.pieces[i]
            let c = p.distance(toSegment: piece.start, piece.end).distance
            lower = min(lower, c - piece.bow)
            upperChord = min(upperChord, c + piece.bow)
        }
        let upper = Self.longestGeodesic(forChord: upperChord)
        if upper <= tolerance { return Proximity(isWithin: true, margin: tolerance - upper) }
        if lower > tolerance { return Proximity(isWithin: false, margin: lower - tolerance) }
        // Inside the ~2 cm band the bounds leave open: solve exactly, and promise no margin.
        let exact = distance(to: point, p: p, candidatesWithin: tolerance)
        return Proximity(isWithin: exact <= tolerance, margin: 0)
    }

    /// The exact geodesic distance to the nearest line, metres.
    public func distance(to point: Coordinate) -> Double {
        guard !edges.isEmpty else { return .infinity }
        let p = Vector3(point, on: geodesic)
        var upperChord = Double.infinity
        index.visit(from: p, keep: { $0 < upperChord }) { i in
            let piece = index.pieces[i]
            upperChord = min(upperChord, p.distance(toSegment: piece.start, piece.end).distance + piece.bow)
        }
        return distance(to: point, p: p, candidatesWithin: Self.longestGeodesic(forChord: upperChord))
    }

    /// The exact distance, solving every edge that has a piece whose lower bound is within `limit`
    /// (the answer is known to be within it). Beyond `limit` nothing can be nearer.
    private func distance(to point: Coordinate, p: Vector3, candidatesWithin limit: Double) -> Double {
        var best = Double.infinity
        var solved = Set<Int>()
        index.visit(from: p, keep: { $0 <= min(best, limit) }) { i in
            let piece = index.pieces[i]
            guard !solved.contains(piece.edge) else { return }
            let (c, t) = p.distance(toSegment: piece.start, piece.end)
            guard c - piece.bow <= min(best, limit) else { return }
            solved.insert(piece.edge)
            let (start, end) = edges[piece.edge]
            let foot = EdgeFoot.find(on: geodesic.segment(from: start, to: end), from: start, to: end, target: point,
                                     near: piece.startOffset + t * (piece.endOffset - piece.startOffset), geodesic: geodesic)
            best = min(best, foot.distance)
        }
        return best
    }

    /// The longest a shortest geodesic with this 3-D chord can be (curvature ≤ κ everywhere).
    static func longestGeodesic(forChord chord: Double) -> Double {
        let kappa = SegmentIndex.maxCurvature
        let half = chord * kappa / 2
        return half >= 1 ? .infinity : 2 * asin(half) / kappa
    }

    /// Interleaved bits of longitude and latitude (Z-order), for grouping nearby lines.
    private static func mortonKey(_ c: Coordinate) -> UInt64 {
        func spread(_ value: UInt32) -> UInt64 {
            var x = UInt64(value)
            x = (x | (x << 16)) & 0x0000_FFFF_0000_FFFF
            x = (x | (x << 8)) & 0x00FF_00FF_00FF_00FF
            x = (x | (x << 4)) & 0x0F0F_0F0F_0F0F_0F0F
            x = (x | (x << 2)) & 0x3333_3333_3333_3333
            x = (x | (x << 1)) & 0x5555_5555_5555_5555
            return x
        }
        let x = UInt32(((c.longitude + 180) / 360 * 4_294_967_295).rounded(.down))
        let y = UInt32(((c.latitude + 90) / 180 * 4_294_967_295).rounded(.down))
        return spread(x) | (spread(y) << 1)
    }
}

/// The answer of `GeodesicLineSet.proximity(of:tolerance:)`.
public struct Proximity: Sendable, Equatable {
    /// True when the geodesic distance is at most the tolerance.
    public var isWithin: Bool
    /// Proven: the distance differs from the tolerance by at least this much (metres).
    public var margin: Double
}
