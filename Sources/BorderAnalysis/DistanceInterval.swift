import BorderModel
import Foundation
import Geodesy

/// The distances to the border over the disc of every point within geodesic distance r of an
/// input point (its uncertainty), and whether the side is the same all over it.
public struct DistanceInterval: Sendable, Equatable {
    /// max(0, d − r), exactly.
    public var minMetres: Double
    /// The largest distance over the disc, from above: never less than it, at most 1 m more.
    public var maxMetres: Double
    /// True only when the side rule is proven to give one value over the whole disc.
    public var sideCertain: Bool

    public init(minMetres: Double, maxMetres: Double, sideCertain: Bool) {
        (self.minMetres, self.maxMetres, self.sideCertain) = (minMetres, maxMetres, sideCertain)
    }
}

extension DistanceAnalyzer {
    /// The returned maximum is an upper bound at most this far above the true one.
    static let maxTolerance = 1.0
    /// A bound on the work for one disc; past it the current upper bound is returned (still an
    /// upper bound, possibly more than 1 m above the maximum).
    static let maxEvaluations = 20_000

    /// The interval of distances over the disc of `radiusMetres` around `point`, whose own
    /// measurement is `result`.
    ///
    /// **Minimum.** d, the distance to the border, is 1-Lipschitz: |d(Q) − d(P)| ≤ s(P, Q), since
    /// the border point nearest P is at most d(P) + s(P, Q) from Q. So no point of the disc is
    /// nearer than d − r; and the point r along the geodesic from P towards its nearest border
    /// point N is at d − r exactly (it lies on a shortest path from P to N, so its distance to N is
    /// d − r, and nothing nearer, or P would be nearer than d). When r ≥ d the disc holds N: 0.
    ///
    /// **Maximum.** d + r bounds it (Lipschitz). The point r straight away from N (continuing the
    /// geodesic N→P) reaches it when N stays its nearest point, the usual case, settled with one
    /// search. Otherwise (the border wraps around the point) a branch and bound over the disc in
    /// geodesic polar coordinates (ρ, θ) about P: a cell's points are within ρc·Δθ/2 + Δρ/2 of its
    /// centre C (along the circle of radius ρc, whose speed is the reduced length m(ρc) ≤ ρc on an
    /// ellipsoid of positive curvature, then radially), so d ≤ d(C) + that over the cell. Cells
    /// are halved across their longer side until the largest bound is within `maxTolerance` of the
    /// best distance found (seeded by a golden-section search of the edge near the away direction).
    public func interval(around point: Coordinate, _ result: BorderDistance, radiusMetres r: Double) throws -> DistanceInterval {
        let d = result.distanceMetres
        guard r > 0 else { return DistanceInterval(minMetres: d, maxMetres: d, sideCertain: true) }
        return DistanceInterval(minMetres: max(0, d - r), maxMetres: distanceMax(around: point, result, radius: r),
                                sideCertain: try sideIsCertain(around: point, result, radius: r))
    }

    func distanceMax(around point: Coordinate, _ result: BorderDistance, radius r: Double) -> Double {
        let d = result.distanceMetres, geodesic = atlas.border.line.geodesic
        var best = d
        if d > 0 {
            let away = geodesic.inverse(result.nearest, point).azimuth2
            let far = distance(to: geodesic.direct(from: point, azimuth: away, distance: r))
            if far >= d + r - Self.maxTolerance { return d + r }
            best = far
            // A good lower bound first, so that the branch and bound prunes early: the best point of
            // the edge near the away direction, by golden-section search (any point found is a
            // point of the disc, so `best` stays a lower bound whatever the search finds).
            var (low, high) = (away - 90, away + 90)
            let ratio = (5.0.squareRoot() - 1) / 2
            func edge(_ azimuth: Double) -> Double { distance(to: geodesic.direct(from: point, azimuth: azimuth, distance: r)) }
            var (a, b) = (high - ratio * (high - low), low + ratio * (high - low))
            var (fa, fb) = (edge(a), edge(b))
            for _ in 0..<14 {
                if fa > fb { (high, b, fb) = (b, a, fa); a = high - ratio * (high - low); fa = edge(a) }
                else { (low, a, fa) = (a, b, fb); b = low + ratio * (high - low); fb = edge(b) }
            }
            best = max(best, fa, fb)
        }
        var cells = CellHeap()
        func push(_ rho: ClosedRange<Double>, _ theta: ClosedRange<Double>) {
            let (rc, tc) = ((rho.lowerBound + rho.upperBound) / 2, (theta.lowerBound + theta.upperBound) / 2)
            let found = nearest(to: geodesic.direct(from: point, azimuth: tc * 180 / .pi, distance: rc))
            best = max(best, found.distance)
            let reach = rc * (theta.upperBound - theta.lowerBound) / 2 + (rho.upperBound - rho.lowerBound) / 2
            // Two bounds on d over the cell, both through the border point X nearest the centre:
            // d(Q) ≤ s(Q, X) ≤ d(C) + s(C, Q), and d(Q) ≤ s(Q, X) ≤ s(P, X) + ρ(Q) ≤ s(P, X) + ρ1.
            // The second is tight for cells on the far side of P from X.
            let throughPoint = geodesic.inverse(point, found.coordinate).distance + rho.upperBound
            cells.push(Cell(rho: rho, theta: theta, upper: min(found.distance + reach, throughPoint, d + r)))
        }
        let sectors = 16
        for k in 0..<sectors {
            let theta = (2 * Double.pi * Double(k) / Double(sectors))...(2 * Double.pi * Double(k + 1) / Double(sectors))
            push(0...(r / 2), theta)
            push((r / 2)...r, theta)
        }
        var evaluations = 2 * sectors
        while let cell = cells.pop() {
            if cell.upper <= best + Self.maxTolerance || evaluations >= Self.maxEvaluations {
                return max(cell.upper, best)
            }
            // Halve the cell across its longer side (in metres), which shrinks its bound most.
            let rm = (cell.rho.lowerBound + cell.rho.upperBound) / 2, tm = (cell.theta.lowerBound + cell.theta.upperBound) / 2
            if rm * (cell.theta.upperBound - cell.theta.lowerBound) > cell.rho.upperBound - cell.rho.lowerBound {
                push(cell.rho, cell.theta.lowerBound...tm)
                push(cell.rho, tm...cell.theta.upperBound)
            } else {
                push(cell.rho.lowerBound...rm, cell.theta)
                push(rm...cell.rho.upperBound, cell.theta)
            }
            evaluations += 2
        }
        return best
    }

    /// Conservative: true only when the disc does not reach the border line (so the line's side
    /// cannot change within it), the point's side is its country's, and a lon/lat box proven to
    /// hold the disc lies in that one country polygon (or in none, for `other`). The box: along
    /// any path of length s, |Δφ| ≤ s / M_min (M_min = a(1 − e²), the least meridional radius) and
    /// |Δλ| ≤ s / (a cos φ_max), since the parallel's radius N cos φ ≥ a cos φ.
    func sideIsCertain(around point: Coordinate, _ result: BorderDistance, radius r: Double) throws -> Bool {
        guard result.distanceMetres > r else { return false }
        let country = try countryOfOutlines(at: point)
        guard result.side == country else { return false }
        let a = 6_378_137.0, f = 1 / 298.257223563
        let meridionalMin = a * (1 - f * (2 - f))
        let dLatitude = r / meridionalMin * 180 / .pi
        let latitudeMax = abs(point.latitude) + dLatitude
        guard latitudeMax < 89 else { return false }
        let dLongitude = r / (a * cos(latitudeMax * .pi / 180)) * 180 / .pi
        return try countryOfOutlines(throughout: point.latitude - dLatitude, west: point.longitude - dLongitude,
                                     north: point.latitude + dLatitude, east: point.longitude + dLongitude) == country
    }
}

/// A cell of the disc in geodesic polar coordinates about the point (ρ metres, θ radians).
struct Cell {
    var rho: ClosedRange<Double>
    var theta: ClosedRange<Double>
    /// No point of the cell is farther from the border.
    var upper: Double
}

/// A binary max-heap of cells by `upper`.
struct CellHeap {
    private var items: [Cell] = []

    mutating func push(_ cell: Cell) {
        items.append(cell)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[parent].upper < items[child].upper else { break }
            items.swapAt(parent, child)
            child = parent
        }
    }

    mutating func pop() -> Cell? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        guard !items.isEmpty else { return top }
        items[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var largest = parent
            if left < items.count && items[left].upper > items[largest].upper { largest = left }
            if right < items.count && items[right].upper > items[largest].upper { largest = right }
            guard largest != parent else { return top }
            items.swapAt(parent, largest)
            parent = largest
        }
    }
}

/// How much the distance depends on which border line is believed: the distance to the bundled
/// line and to each alternative line (`data/border-alternatives.geojson`).
public struct DistanceSpread: Sendable {
    /// Largest minus smallest of the distances.
    public var spreadMetres: Double
    /// The distance to each line, by source (`bundled` first).
    public var bySource: [(String, Double)]

    public init(spreadMetres: Double, bySource: [(String, Double)]) {
        self.spreadMetres = spreadMetres
        self.bySource = bySource
    }
}
