import Foundation

/// The nearest point to `target` on one geodesic edge, found exactly.
///
/// Along the edge, the distance D(s) to the target has slope −cos(θ), where θ is the angle at the
/// edge point between the edge and the geodesic to the target; the foot is where θ = 90°.
/// Newton's step on the ellipsoid is Δs = (m12 / M12)·cos θ (reduced length over geodesic scale,
/// which is exact on a plane and quadratic near the root elsewhere); it is kept inside a
/// bracket that shrinks with every evaluation, falling back to bisection.
struct EdgeFoot: Sendable {
    /// Distance from the start of the edge, metres.
    var offset: Double
    /// Length of the edge, metres.
    var edgeLength: Double
    var coordinate: Coordinate
    /// Geodesic distance to the target, metres.
    var distance: Double
    /// Forward azimuth of the edge at the foot, and azimuth from the foot to the target (degrees).
    var edgeAzimuth: Double
    var targetAzimuth: Double
    /// Azimuth of the geodesic from the foot at its arrival at the target (degrees).
    var arrivalAzimuth: Double

    var isAtStart: Bool { offset <= 0 }
    var isAtEnd: Bool { offset >= edgeLength }

    /// An edge's vertices (returned exactly when the foot is one of them), its length and its
    /// azimuths there (degrees).
    struct Ends {
        var start: Coordinate, end: Coordinate
        var length: Double
        var startAzimuth: Double, endAzimuth: Double
    }

    /// The same for the edge `segment`, its ends' azimuths taken from it.
    static func find(on segment: GeodesicSegment, from start: Coordinate, to end: Coordinate,
                     target: Coordinate, near guess: Double, geodesic: Geodesic) -> EdgeFoot {
        let ends = Ends(start: start, end: end, length: segment.length, startAzimuth: segment.position(at: 0).azimuth,
                        endAzimuth: segment.position(at: segment.length).azimuth)
        return find(ends, target: target, near: guess, geodesic: geodesic) { segment }
    }

    /// `segment` is made only when a point inside the edge is needed: a foot at a vertex, the
    /// usual answer on a dense line, needs neither it nor a position along it.
    static func find(_ ends: Ends, target: Coordinate, near guess: Double, geodesic: Geodesic,
                     segment makeSegment: () -> GeodesicSegment) -> EdgeFoot {
        let (start, end, length) = (ends.start, ends.end, ends.length)
        var segment: GeodesicSegment?
        func evaluate(_ s: Double) -> (foot: EdgeFoot, slope: Double, step: Double) {
            let point: Coordinate, edgeAzimuth: Double
            if s <= 0 {
                (point, edgeAzimuth) = (start, ends.startAzimuth)
            } else if s >= length {
                (point, edgeAzimuth) = (end, ends.endAzimuth)
            } else {
                if segment == nil { segment = makeSegment() }
                (point, edgeAzimuth) = segment!.position(at: s)
            }
            let g = geodesic.inverse(point, target)
            let cosine = cos((g.azimuth1 - edgeAzimuth) * .pi / 180)
            let scale = g.geodesicScale > 0.01 ? g.reducedLength / g.geodesicScale : g.distance
            let foot = EdgeFoot(offset: s, edgeLength: length, coordinate: point, distance: g.distance,
                                edgeAzimuth: edgeAzimuth, targetAzimuth: g.azimuth1, arrivalAzimuth: g.azimuth2)
            return (foot, -cosine, scale * cosine)
        }

        var low = 0.0, high = length              // the foot lies in [low, high]
        var lowEvaluated = false, highEvaluated = false
        var s = min(max(guess, 0), length)
        var current = evaluate(s)
        var best = current.foot
        for _ in 0..<60 {
            if current.foot.distance == 0 { break }
            if current.slope < 0 { low = s; lowEvaluated = true } else { high = s; highEvaluated = true }
            if high - low <= 1e-9 { break }
            var next = s + current.step
            if next <= low || next >= high {
                // Newton left the bracket: stop at a bare end of the edge, else bisect.
                if next <= low && !lowEvaluated { next = low } else if next >= high && !highEvaluated { next = high } else { next = (low + high) / 2 }
            }
            if abs(next - s) < 1e-7 { break }
            s = next
            current = evaluate(s)
            if current.foot.distance < best.distance { best = current.foot }
        }
        // A foot within a micrometre of a vertex is that vertex (exact coordinates, exact chainage).
        if best.offset > 0 && best.offset < 1e-6 { best = evaluate(0).foot }
        if best.offset < length && best.offset > length - 1e-6 { best = evaluate(length).foot }
        return best
    }
}
