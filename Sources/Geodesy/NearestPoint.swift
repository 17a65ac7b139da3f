import Foundation

/// Where a point lies relative to a polyline: the exact geodesic distance and its foot.
public struct NearestPoint: Sendable, Equatable {
    /// WGS84 geodesic distance, metres.
    public var distance: Double
    /// The nearest point on the line.
    public var coordinate: Coordinate
    /// Metres along the line from its first vertex to the nearest point.
    public var chainage: Double
    /// Index of the edge holding the nearest point.
    public var edge: Int
    /// Which side of the line (facing along it) the point is on; nil when it is on the line
    /// or its foot is one of the line's two ends (the sides are not defined beyond the ends).
    public var side: LineSide?
    /// True when the nearest point is the first or last vertex of the line.
    public var isAtEnd: Bool
    /// Azimuth of the geodesic from the nearest point at its arrival at the target (degrees):
    /// going on along it leads straight away from the nearest point.
    public var arrivalAzimuth: Double
}

public enum LineSide: String, Sendable {
    case left, right
}

extension GeodesicPolyline {
    /// The exact nearest point on the line to `target` (geodesic edges, WGS84).
    ///
    /// 1. The piece whose 3-D chord is nearest gives a first edge, refined exactly. The walk that
    ///    finds it also keeps every piece it looks at, and looks at every piece whose lower bound is
    ///    within `coverageSlack` of the nearest chord.
    /// 2. Every other piece is rejected only when its chord lower bound, converted to a geodesic
    ///    bound, exceeds the best exact distance; the survivors are refined exactly.
    ///    The conversion scales the arc−chord excess measured on the best foot (it grows as c³) and
    ///    allows for its change with direction (at most e′²·θ/(12R²)·c³, taken four times over).
    ///    Only a chord shorter than the best distance can survive, so when that distance lies within
    ///    the slack of step 1 the kept pieces are all there is to check; otherwise the tree is walked again.
    public func nearestPoint(to target: Coordinate) -> NearestPoint {
        var scratch = SearchScratch()
        return nearestPoint(to: target, startingFrom: nil, scratch: &scratch).nearest
    }

    /// The same answer, with the first walk starting from the piece `hints` remembers for the
    /// target's cell: a near piece makes that walk short. Only the speed depends on the hint.
    public func nearestPoint(to target: Coordinate, hints: inout NearestPointHints) -> NearestPoint {
        let (nearest, piece) = nearestPoint(to: target, startingFrom: hints.piece(near: target), scratch: &hints.scratch)
        hints.remember(piece, near: target)
        return nearest
    }

    /// True when no point of the line is nearer `target` than `threshold`, shown from chords
    /// alone: `foot`, a point of the line at the exact distance `footDistance` (≥ `threshold`) from
    /// `target`, calibrates the conversion of chords to geodesic distances as the exact search's
    /// second step does. False when some piece may lie nearer, which only the exact search can
    /// settle. No geodesic is solved: it costs one walk of the index.
    public func isNowhereNearer(than threshold: Double, to target: Coordinate, foot: Coordinate, footDistance: Double) -> Bool {
        let p = Vector3(target, on: geodesic)
        let bound = ChordBound(target: p, foot: Vector3(foot, on: geodesic), distance: footDistance)
        var nearer = false
        index.visit(from: p, keep: { !nearer && bound.mayBeat(chordLowerBound: $0, angle: .pi, limit: threshold) }) { i in
            let piece = index.pieces[i]
            let (d, t) = p.distance(toSegment: piece.start, piece.end)
            if bound.mayBeat(chordLowerBound: d - piece.bow, angle: bound.angle(to: piece, t: t), limit: threshold) { nearer = true }
        }
        return !nearer
    }

    func nearestPoint(to target: Coordinate, startingFrom hint: Int?, scratch: inout SearchScratch) -> (nearest: NearestPoint, piece: Int) {
        let p = Vector3(target, on: geodesic)
        var firstPiece = 0, firstChord = Double.infinity, firstT = 0.0, covered = Double.infinity
        if let hint, hint < index.pieces.count {
            let piece = index.pieces[hint]
            firstPiece = hint
            (firstChord, firstT) = p.distance(toSegment: piece.start, piece.end)
            covered = firstChord + coverageSlack(firstChord)
        }
        scratch.kept.removeAll(keepingCapacity: true)
        var overflow = false
        index.visit(from: p, keep: { $0 < covered }) { i in
            let piece = index.pieces[i]
            let (d, t) = p.distance(toSegment: piece.start, piece.end)
            if scratch.kept.count < scratch.keptLimit { scratch.kept.append((i, d, t)) } else { overflow = true }
            if d < firstChord {
                (firstPiece, firstChord, firstT) = (i, d, t)
                covered = d + coverageSlack(d)
            }
        }
        let first = index.pieces[firstPiece]
        let foot = refine(edge: first.edge, target: target, guess: first.startOffset + firstT * (first.endOffset - first.startOffset))
        var search = Search(target: target, p: p, best: foot, bestEdge: first.edge,
                            bound: ChordBound(target: p, foot: Vector3(foot.coordinate, on: geodesic), distance: foot.distance))
        scratch.refined.removeAll(keepingCapacity: true)
        scratch.refined.append(first.edge)
        if !overflow && search.bound.survivorsAreNearer && search.best.distance < covered {
            for (i, d, t) in scratch.kept where d - index.pieces[i].bow < search.best.distance {
                consider(i, chord: d, t: t, search: &search, refined: &scratch.refined)
            }
        } else {
            index.visit(from: p, keep: { search.bound.mayBeat(chordLowerBound: $0, angle: .pi) }) { i in
                let piece = index.pieces[i]
                let (d, t) = p.distance(toSegment: piece.start, piece.end)
                consider(i, chord: d, t: t, search: &search, refined: &scratch.refined)
            }
        }
        return (describe(search.best, edge: search.bestEdge), firstPiece)
    }

    /// The best foot so far and the bound it gives, while step 2 runs.
    private struct Search {
        let target: Coordinate
        let p: Vector3
        var best: EdgeFoot
        var bestEdge: Int
        var bound: ChordBound
    }

    /// Step 2 for one piece: refine its edge unless the bound rules it out or it was refined already.
    private func consider(_ i: Int, chord d: Double, t: Double, search: inout Search, refined: inout [Int]) {
        let piece = index.pieces[i]
        guard !refined.contains(piece.edge) else { return }
        guard search.bound.mayBeat(chordLowerBound: d - piece.bow, angle: search.bound.angle(to: piece, t: t)) else { return }
        refined.append(piece.edge)
        guard !risesFromBestVertex(edge: piece.edge, best: search.best, bestEdge: search.bestEdge) else { return }
        let candidate = refine(edge: piece.edge, target: search.target,
                               guess: piece.startOffset + t * (piece.endOffset - piece.startOffset))
        if candidate.distance < search.best.distance {
            (search.best, search.bestEdge) = (candidate, piece.edge)
            search.bound = ChordBound(target: search.p, foot: Vector3(candidate.coordinate, on: geodesic), distance: candidate.distance)
        }
    }

    /// How far past the nearest chord c the best exact distance can lie: a piece's geodesic strays
    /// at most its bow from its chord, and a geodesic of length s whose normal curvature is at most
    /// κ exceeds its chord by at most κ²s³/24 (s ≤ 1.01·c wherever this slack is small enough to
    /// matter). Only the speed depends on it: a larger distance sends the search back to the tree.
    func coverageSlack(_ c: Double) -> Double {
        let bow = index.maxBow
        let s = 1.01 * (c + bow)
        return bow + SegmentIndex.maxCurvature * SegmentIndex.maxCurvature * s * s * s / 24 + 1e-3
    }

    /// True when the best foot so far is a vertex of `edge` and the distance grows as one leaves
    /// that vertex along `edge`: its minimum is then that vertex (one minimum per edge), already
    /// counted. This settles the neighbours of a vertex foot without solving them.
    private func risesFromBestVertex(edge: Int, best: EdgeFoot, bestEdge: Int) -> Bool {
        let vertex = best.isAtStart ? bestEdge : best.isAtEnd ? bestEdge + 1 : -1
        guard best.distance > 0 else { return true }
        let leaving: Double
        if vertex == edge { leaving = startAzimuths[edge] }                 // edge starts at the vertex
        else if vertex == edge + 1 { leaving = endAzimuths[edge] + 180 }    // edge ends there: walk it backwards
        else { return false }
        return cos((best.targetAzimuth - leaving) * .pi / 180) <= 0
    }

    private func refine(edge: Int, target: Coordinate, guess: Double) -> EdgeFoot {
        let ends = EdgeFoot.Ends(start: vertices[edge], end: vertices[edge + 1], length: chainage[edge + 1] - chainage[edge],
                                 startAzimuth: startAzimuths[edge], endAzimuth: endAzimuths[edge])
        // The closure captures the ends, not the line: capturing `self` copied the whole line
        // (retaining its eleven arrays) for every edge refined.
        let geodesic = geodesic
        return EdgeFoot.find(ends, target: target, near: guess, geodesic: geodesic) {
            geodesic.segment(from: ends.start, azimuth: ends.startAzimuth, length: ends.length)
        }
    }

    private func describe(_ foot: EdgeFoot, edge: Int) -> NearestPoint {
        // A foot at an inner vertex belongs to two edges; it is reported as the start of the later
        // one, so the answer does not depend on which of them the search reached first.
        if foot.isAtEnd && edge + 1 < edgeCount {
            let next = EdgeFoot(offset: 0, edgeLength: chainage[edge + 2] - chainage[edge + 1], coordinate: vertices[edge + 1],
                                distance: foot.distance, edgeAzimuth: startAzimuths[edge + 1], targetAzimuth: foot.targetAzimuth,
                                arrivalAzimuth: foot.arrivalAzimuth)
            return describe(next, edge: edge + 1)
        }
        let edgeLength = chainage[edge + 1] - chainage[edge]
        let atStart = foot.isAtStart, atEnd = foot.isAtEnd
        let isLineEnd = (atStart && edge == 0) || (atEnd && edge == edgeCount - 1)
        var side: LineSide? = nil
        if foot.distance > 0 && !isLineEnd {
            // At a vertex the two edges meeting there bound the left wedge.
            var incoming = foot.edgeAzimuth, outgoing = foot.edgeAzimuth
            if atStart { incoming = endAzimuths[edge - 1] }
            if atEnd { outgoing = startAzimuths[edge + 1] }
            side = Self.side(incoming: incoming, outgoing: outgoing, towards: foot.targetAzimuth)
        }
        return NearestPoint(distance: foot.distance, coordinate: foot.coordinate,
                            chainage: atEnd ? chainage[edge + 1] : chainage[edge] + min(foot.offset, edgeLength), edge: edge,
                            side: side, isAtEnd: isLineEnd, arrivalAzimuth: foot.arrivalAzimuth)
    }

    /// Left when `towards` lies in the wedge swept anticlockwise from the outgoing direction to the
    /// reversed incoming one (azimuths in degrees, clockwise from north).
    static func side(incoming: Double, outgoing: Double, towards: Double) -> LineSide {
        func turn(_ angle: Double) -> Double { let r = angle.truncatingRemainder(dividingBy: 360); return r < 0 ? r + 360 : r }
        return turn(outgoing - towards) < turn(outgoing - incoming - 180) ? .left : .right
    }
}

/// Converts 3-D chord lower bounds into geodesic lower bounds near the best foot found so far.
private struct ChordBound {
    static let secondEccentricitySquared = 0.0067394967422764
    static let minRadius = 6_335_439.0
    /// Beyond this chord the c³ model is not trusted and only the bare chord bound is used.
    static let modelLimit = 1_500_000.0

    let target: Vector3
    let direction: Vector3
    let chord: Double
    let distance: Double
    let excess: Double  // arc − chord per cubic metre of chord along the best direction

    init(target: Vector3, foot: Vector3, distance: Double) {
        self.target = target
        let offset = foot - target
        chord = offset.length
        direction = chord > 0 ? offset * (1 / chord) : offset
        self.distance = distance
        excess = chord > 1_000 ? (distance - chord) / (chord * chord * chord) : 1 / (24 * Self.minRadius * Self.minRadius)
    }

    /// An upper bound on the angle at the target between the best foot and a piece's nearest chord
    /// point: θ ≤ (π/2)·sin θ up to a right angle, and π beyond it (no arc cosine needed).
    func angle(to piece: SegmentIndex.Piece, t: Double) -> Double {
        let q = piece.start + (piece.end - piece.start) * t - target
        let length = q.length
        guard length > 0, chord > 0, q.dot(direction) > 0 else { return .pi }
        let cross = Vector3(x: q.y * direction.z - q.z * direction.y,
                            y: q.z * direction.x - q.x * direction.z,
                            z: q.x * direction.y - q.y * direction.x)
        return min(.pi / 2, .pi / 2 * cross.length / length)
    }

    /// True when only chords shorter than the best distance can pass `mayBeat` (its cubic term is not negative).
    var survivorsAreNearer: Bool {
        chord >= Self.modelLimit || excess >= Self.drift(angle: .pi)
    }

    /// e′²/(3R²), the drift's growth per radian (a constant: no division per piece or node).
    static let driftPerRadian = secondEccentricitySquared / (3 * minRadius * minRadius)

    static func drift(angle: Double) -> Double { driftPerRadian * angle }

    /// False only when every point at chord distance ≥ `c` in a direction within `angle` of the
    /// best foot is provably farther than `limit` (the best distance unless given).
    func mayBeat(chordLowerBound c: Double, angle: Double, limit: Double? = nil) -> Bool {
        let limit = limit ?? distance
        guard c > 0 else { return true }
        guard chord < Self.modelLimit else { return c <= limit }
        return c + (excess - Self.drift(angle: angle)) * c * c * c <= limit
    }
}
