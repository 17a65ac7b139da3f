import BorderModel
import Geodesy

/// A stretch of the border between two chainages, metres from the tripoint.
public struct ChainageInterval: Sendable, Equatable {
    public var start: Double
    public var end: Double

    public init(start: Double, end: Double) {
        self.start = start
        self.end = end
    }

    public var length: Double { end - start }

    /// The part of this interval inside `other`, if any.
    public func clipped(to other: ChainageInterval) -> ChainageInterval? {
        let clipped = ChainageInterval(start: max(start, other.start), end: min(end, other.end))
        return clipped.length > 0 ? clipped : nil
    }
}

/// Which border points lie within a geodesic tolerance of a set of lines (the fence).
///
/// The distance d(s) from the border point at chainage s to the fence changes by at most 1 m per
/// metre of s (the border point moves no farther than s does, and a distance to a set is
/// 1-Lipschitz). So a point whose distance is proven to differ from the tolerance by m has the same
/// status over ±m around it: the walk steps by m (never less than `smallestStep`), and where two
/// successive points differ it bisects, again skipping by the proven margins, until the change is
/// bracketed within `boundaryPrecision`.
///
/// Accuracy: every boundary between covered and uncovered is placed within
/// `boundaryPrecision / 2` = 0.5 m of a true boundary, and only a covered stretch or gap shorter
/// than `smallestStep` (5 m) can be missed between two samples — both well inside 10 m.
/// Proofs of the margins come from `GeodesicLineSet.proximity`, exact on the WGS84 ellipsoid.
public struct CoverageCalculator: Sendable {
    public let border: GeodesicPolyline
    /// Geodesic metres.
    public let tolerance: Double

    public static let smallestStep = 5.0
    public static let boundaryPrecision = 1.0

    public init(border: GeodesicPolyline, tolerance: Double) {
        self.border = border
        self.tolerance = tolerance
    }

    /// The covered stretches, in order, disjoint, each at least `boundaryPrecision` long.
    public func coveredStretches(by fence: GeodesicLineSet) -> [ChainageInterval] {
        guard !fence.isEmpty else { return [] }
        let length = border.length
        func classify(_ s: Double) -> Proximity { fence.proximity(of: border.point(atChainage: s), tolerance: tolerance) }

        var stretches: [ChainageInterval] = []
        var s = 0.0
        var here = classify(s)
        var coveredFrom: Double? = here.isWithin ? 0 : nil
        while s < length {
            let next = min(s + max(here.margin, Self.smallestStep), length)
            let there = classify(next)
            if there.isWithin != here.isWithin {
                let boundary = locateChange(after: s, here, before: next, there, classify: classify)
                if there.isWithin {
                    coveredFrom = boundary
                } else if let start = coveredFrom {
                    stretches.append(ChainageInterval(start: start, end: boundary))
                    coveredFrom = nil
                }
            }
            (s, here) = (next, there)
        }
        if let start = coveredFrom { stretches.append(ChainageInterval(start: start, end: length)) }
        return stretches.filter { $0.length > 0 }
    }

    /// Bisection between a point of one status and a later point of the other; each side's
    /// proven margin shrinks the bracket before it is halved.
    private func locateChange(after a: Double, _ atA: Proximity, before b: Double, _ atB: Proximity,
                              classify: (Double) -> Proximity) -> Double {
        var low = min(a + atA.margin, b), high = max(b - atB.margin, low)
        while high - low > Self.boundaryPrecision {
            let middle = (low + high) / 2
            let status = classify(middle)
            if status.isWithin == atA.isWithin {
                low = min(middle + status.margin, high)
            } else {
                high = max(middle - status.margin, low)
            }
        }
        return (low + high) / 2
    }

    /// The stretches of `[0, length]` not in `covered` (which must be ordered and disjoint).
    public static func gaps(in covered: [ChainageInterval], length: Double) -> [ChainageInterval] {
        var gaps: [ChainageInterval] = []
        var position = 0.0
        for stretch in covered {
            if stretch.start > position { gaps.append(ChainageInterval(start: position, end: stretch.start)) }
            position = max(position, stretch.end)
        }
        if position < length { gaps.append(ChainageInterval(start: position, end: length)) }
        return gaps
    }
}
