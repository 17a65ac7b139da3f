import BorderModel
import Foundation
import Geodesy

extension DistanceAnalyzer {
    /// The returned maximum is an upper bound at most this far above the true one.
    static let maxTolerance = 1.0
    /// A bound on the work for one disc; past it the current upper bound is returned (still an
    /// upper bound, possibly more than 1 m above the maximum).
    static let maxEvaluations = 20_000
    /// The work after which a search with the comparison sphere's planes gives up for the exact
    /// planes (its slack, 0.31 m at most in `HingeWitnessTests`, could keep it from closing within 1 m).
    static let sphereEvaluations = 2_000
    /// The comparison sphere is used for discs up to this radius (a hinge needs minimal geodesics).
    static let sphereRadiusLimit = 1_000_000.0

    /// The largest distance to the border over the disc of radius `r` around `point`, from above
    /// and within `maxTolerance`.
    ///
    /// d + r bounds it (d is 1-Lipschitz). The point r straight away from the nearest border point
    /// N (continuing the geodesic N→P) reaches it when N stays its nearest point, the usual case,
    /// settled by the index's chords (`isNowhereNearer`) or else one search. Otherwise (the border wraps around the point) a branch and bound
    /// over the disc in geodesic polar coordinates (ρ, θ) about P: the cell with the largest
    /// bound is measured or split until that bound is within `maxTolerance` of the best distance
    /// found. The search starts on the annulus outside ρ = best − d, since no point nearer the
    /// centre is farther than d + ρ ≤ best. A cell's bound is the least of d + ρ1, the Lipschitz
    /// bound s(C, X) + reach through each of its border points X (C its reference point), and
    /// `CellWitnesses.maxOfMin` over their planes (`PolarCell.plane`); its parent's planes, which
    /// hold over it, are tried first. The planes come from the comparison sphere
    /// (`HingeWitness`: trigonometry, no geodesic solved per cell); should that search not close
    /// within `sphereEvaluations`, the exact planes (an inverse solution from X to C) take over.
    /// A cell with the largest bound that has not been measured is measured once, exactly, at the
    /// point where its planes put its maximum: that raises the best distance found (always a
    /// distance at a point of the disc) and gives the cell that point's nearest border point as
    /// a witness. Before that, a cell that lacks the latest measured point's border point is
    /// bounded again with it (its bound can only fall): neighbouring cells usually share their
    /// nearest border, and a few planes cost far less than a measurement.
    func distanceMax(around point: Coordinate, _ result: BorderDistance, radius r: Double) -> Double {
        let d = result.distanceMetres
        var best = d, start = UpToTwo<HingeWitness>(), measured: (rho: Double, theta: Double)?
        if d > 0 {
            // The far point F lies on the geodesic N→P, d + r from N: when no border point is
            // nearer F than d + r − 1 m (chords alone, usually), N is as near as any and d + r is
            // the maximum; otherwise F is measured exactly.
            let farPoint = geodesic.direct(from: point, azimuth: result.awayAzimuth, distance: r)
            if borderIsNowhereNearer(than: d + r - Self.maxTolerance, to: farPoint, foot: result.nearest, footDistance: d + r) { return d + r }
            let far = nearestBorderPoint(to: farPoint)
            if far.distance >= d + r - Self.maxTolerance { return d + r }
            best = far.distance
            // N, seen from P against the arrival of N→P, and the far point's nearest.
            start = UpToTwo(HingeWitness(distance: d, azimuth: (result.awayAzimuth + 180) * .pi / 180, coordinate: result.nearest),
                            witness(far.coordinate, seenFrom: point))
            // The far point has been measured: its first sector need not be.
            let away = result.awayAzimuth * .pi / 180
            measured = (r, away < 0 ? away + 2 * .pi : away)
        }
        if r <= Self.sphereRadiusLimit,
           let bound = discSearch(around: point, d: d, r: r, best: &best, start: start, measured: measured, exact: false,
                                  limit: Self.sphereEvaluations) {
            return bound
        }
        return discSearch(around: point, d: d, r: r, best: &best, start: start, measured: measured, exact: true,
                          limit: Self.maxEvaluations)!
    }

    /// The border point `x` as a witness for the disc about `point`.
    private func witness(_ x: Coordinate, seenFrom point: Coordinate) -> HingeWitness {
        let solution = geodesic.distanceAndAzimuths(point, x)
        return HingeWitness(distance: solution.distance, azimuth: solution.azimuth1 * .pi / 180, coordinate: x)
    }

    /// The branch and bound of `distanceMax`, its planes from the comparison sphere or (`exact`)
    /// from inverse solutions; `measured` is a point of the disc whose distance `best` already
    /// holds (its first sector is not measured again). Nil when the sphere's search reaches
    /// `limit` without closing; the exact one then returns its upper bound.
    private func discSearch(around point: Coordinate, d: Double, r: Double, best: inout Double, start: UpToTwo<HingeWitness>,
                            measured: (rho: Double, theta: Double)?,
                            exact: Bool, limit: Int) -> Double? {
        var cells = CellHeap()
        // The largest bound of a cell dropped without entering the heap.
        var dropped = -Double.infinity
        // The planes and Lipschitz bound of a witness over a cell.
        func bound(_ w: HingeWitness, _ cell: PolarCell, reference: (coordinate: Coordinate, azimuth: Double)?, onSphere: SpherePoint,
                   circleCurvature: Double) -> (plane: WitnessPlane?, lipschitz: Double) {
            if exact, let reference {
                let solution = geodesic.distanceAndAzimuths(w.coordinate, reference.coordinate)
                let turn = (solution.azimuth2 - reference.azimuth) * .pi / 180
                return (cell.plane(distance: solution.distance, radial: cos(turn), tangential: sin(turn), circleCurvature: circleCurvature),
                        solution.distance + cell.reach)
            }
            let seen = w.seen(from: onSphere)
            return (cell.plane(distance: seen.distance, radial: seen.radial, tangential: seen.tangential, circleCurvature: circleCurvature),
                    seen.distance + cell.reach)
        }
        func reference(of cell: PolarCell) -> (coordinate: Coordinate, azimuth: Double)? {
            exact ? geodesic.directWithAzimuth(from: point, azimuth: cell.referenceAzimuth * 180 / .pi, distance: cell.reference) : nil
        }
        // Seals a cell's bound from its witnesses: into the heap, or dropped when it is settled.
        func file(_ frame: PolarCell, witnesses: UpToTwo<HingeWitness>, centreBound: Double, probe: (rho: Double, theta: Double)?) {
            let referencePoint = reference(of: frame), onSphere = SpherePoint(rho: frame.reference, theta: frame.referenceAzimuth)
            let circleCurvature = exact ? PolarCell.leastCircleCurvature(radius: frame.rho.upperBound)
                : PolarCell.sphereCircleCurvature(radius: frame.rho.upperBound)
            var planes = UpToTwo<WitnessPlane>(), upper = centreBound
            for w in witnesses {
                let (plane, lipschitz) = bound(w, frame, reference: referencePoint, onSphere: onSphere, circleCurvature: circleCurvature)
                upper = min(upper, lipschitz)
                if let plane { planes.append(plane) }
            }
            let model = CellWitnesses.maxOfMin(planes, frame)
            upper = min(upper, model.value)
            if upper <= best + Self.maxTolerance { dropped = max(dropped, upper); return }
            let peak = model.value < .infinity ? (model.tau1, model.tau2) : (0, 0)
            cells.push(Cell(frame: frame, upper: upper, witnesses: witnesses, planes: planes, peak: peak, probe: probe))
        }
        func push(_ rho: ClosedRange<Double>, _ theta: ClosedRange<Double>, parent: Cell?) {
            // Lipschitz from the centre: no point of the cell is farther than d + ρ1. Once the best
            // distance found is near d + r this settles the whole inner disc without a search.
            let centreBound = d + rho.upperBound
            if centreBound <= best + Self.maxTolerance { dropped = max(dropped, centreBound); return }
            // Thin cells on the disc's edge are seen from the middle of their outer arc, a point of
            // the edge, where the maximum usually is; others from their centre.
            let onEdge = rho.upperBound >= r && rho.upperBound - rho.lowerBound <= rho.upperBound * (theta.upperBound - theta.lowerBound)
            let cell = PolarCell(rho: rho, theta: theta, reference: onEdge ? r : (rho.lowerBound + rho.upperBound) / 2)
            // The parent's planes hold over this part of it: in the parent's frame they often settle
            // the cell before its own are made.
            if let parent {
                let frame = parent.frame
                let parentBound = CellWitnesses.maxOfMin(parent.planes, tau1: (rho.lowerBound - frame.reference)...(rho.upperBound - frame.reference),
                                                         tau2: frame.tau2(over: cell)).value
                if parentBound <= best + Self.maxTolerance { dropped = max(dropped, parentBound); return }
            }
            // A part holding its parent's measured point has been measured as well as a new point would.
            let probe = (parent.map(\.probe) ?? measured).flatMap { rho.contains($0.rho) && theta.contains($0.theta) ? $0 : nil }
            file(cell, witnesses: parent?.witnesses ?? start, centreBound: centreBound, probe: probe)
        }
        // No point within best − d of the centre is farther than best (Lipschitz from the centre):
        // the search covers the annulus outside that disc.
        let sectors = 12, inner = min(max(0, best - d), r)
        dropped = max(dropped, d + inner)
        for k in 0..<sectors {
            let theta = (2 * Double.pi * Double(k) / Double(sectors))...(2 * Double.pi * Double(k + 1) / Double(sectors))
            push(inner...r, theta, parent: nil)
        }
        var evaluations = sectors
        // The border point nearest the latest measured point: often near the other cells too.
        var latest: HingeWitness?
        while let cell = cells.pop() {
            if cell.upper <= best + Self.maxTolerance { return max(cell.upper, best, dropped) }
            if evaluations >= limit { return exact ? max(cell.upper, best, dropped) : nil }
            let (rho, theta) = (cell.frame.rho, cell.frame.theta)
            if cell.probe == nil, let latest, !cell.witnesses.contains(where: { $0.coordinate == latest.coordinate }) {
                // Bounded again with it before being measured: a few planes cost far less than a
                // measurement, and often settle the cell or lower it below others.
                file(cell.frame, witnesses: UpToTwo(latest, cell.witnesses.first), centreBound: cell.upper, probe: nil)
                evaluations += 1
                continue
            }
            if cell.probe == nil {
                // Measured where its planes put its maximum: usually within millimetres of it once
                // the cell is small, so `best` closes on the bound from below (any point of the
                // cell is a point of the disc). Its nearest border point joins its witnesses.
                let (tau1, tau2) = cell.peak
                let probeRho = min(max(cell.frame.reference + tau1, rho.lowerBound), rho.upperBound)
                let azimuth = min(max(cell.frame.referenceAzimuth + tau2 / max(probeRho, 1), theta.lowerBound), theta.upperBound)
                let probe = nearestBorderPoint(to: geodesic.direct(from: point, azimuth: azimuth * 180 / .pi, distance: probeRho))
                best = max(best, probe.distance)
                // Often a border vertex the cell already has: its hinge is known.
                let known = cell.witnesses.first { $0.coordinate == probe.coordinate }
                let other = cell.witnesses.first { $0.coordinate != probe.coordinate }
                let witnesses = UpToTwo(known ?? witness(probe.coordinate, seenFrom: point), other)
                latest = witnesses.first
                file(cell.frame, witnesses: witnesses, centreBound: cell.upper, probe: (probeRho, azimuth))
                evaluations += 1
                continue
            }
            // Halve the cell across its longer side (in metres), which shrinks its bound most.
            let rm = (rho.lowerBound + rho.upperBound) / 2, tm = (theta.lowerBound + theta.upperBound) / 2
            if rm * (theta.upperBound - theta.lowerBound) > rho.upperBound - rho.lowerBound {
                push(rho, theta.lowerBound...tm, parent: cell)
                push(rho, tm...theta.upperBound, parent: cell)
            } else {
                push(rho.lowerBound...rm, theta, parent: cell)
                push(rm...rho.upperBound, theta, parent: cell)
            }
            evaluations += 2
        }
        return max(best, dropped)
    }
}

/// A cell [ρ0, ρ1] × [θ0, θ1] of the disc in geodesic polar coordinates about the point P
/// (metres, radians), seen from its reference point C = (ρref, θc), θc the middle azimuth. Every
/// point Q = (ρ, θ) of it is reached from C by two legs: radially along the geodesic from P by
/// τ1 = ρ − ρref ∈ [ρ0 − ρref, ρ1 − ρref], |τ1| ≤ R1, then along the geodesic circle of radius ρ by
/// an arc τ2, |τ2| ≤ m(ρ)·Δθ/2 ≤ T2 = ρ1·Δθ/2 (the reduced length m(ρ) ≤ ρ on an ellipsoid, whose
/// curvature is positive, and on the comparison sphere with the same (ρ, θ)).
struct PolarCell {
    var rho: ClosedRange<Double>
    var theta: ClosedRange<Double>
    var reference: Double

    var referenceAzimuth: Double { (theta.lowerBound + theta.upperBound) / 2 }
    var tau1: ClosedRange<Double> { (rho.lowerBound - reference)...(rho.upperBound - reference) }
    var radialReach: Double { max(reference - rho.lowerBound, rho.upperBound - reference) }
    var angle: Double { theta.upperBound - theta.lowerBound }
    var arcHalf: Double { rho.upperBound * angle / 2 }
    /// No point of the cell is farther from C (along the circle of radius ρref, then radially).
    var reach: Double { reference * angle / 2 + radialReach }

    /// The arcs τ2 of this frame over the points of `part`, a part of this cell: the arc from θc to
    /// θ at radius ρ has the sign of θ − θc and length m(ρ)·|θ − θc| ≤ ρ1′·|θ − θc|, so it lies
    /// between 0 and ρ1′·(θ − θc) for θ in the part's range, ρ1′ the part's outer radius.
    func tau2(over part: PolarCell) -> ClosedRange<Double> {
        let low = part.rho.upperBound * (part.theta.lowerBound - referenceAzimuth)
        let high = part.rho.upperBound * (part.theta.upperBound - referenceAzimuth)
        return min(0, low)...max(0, high)
    }

    /// A bound on f(Q) = s(Q, X), the distance to the border point X, over the cell, on the
    /// ellipsoid or on `HingeWitness`'s comparison sphere (whose distance bounds the ellipsoid's;
    /// the argument holds on any surface of positive curvature, `circleCurvature` being κmin
    /// below for the surface in question):
    /// f(Q) ≤ s + a_r·τ1 + a_t·τ2 + E1 + E2 + E3, with s = f(C) and (a_r, a_t) = (cos ψ, sin ψ) the
    /// components of f's gradient at C (the unit vector continuing the geodesic X→C) along the
    /// radial and tangential directions there. The remainder, from Taylor along the two legs:
    /// f ≥ F = s − R1 − T2 on both, and f's Hessian is λ·e⊥e⊥ᵀ with 0 ≤ λ ≤ H = 1/F (e⊥ across
    /// the gradient; Hessian comparison on a surface of positive curvature), so the gradient turns
    /// by at most H per metre. Along the radial leg the angle between gradient and radial stays
    /// within σ = |sin ψ| + H·R1 in sine: E1 = R1²·H·σ²/2, and the tangential
    /// slope changes by at most |Hess(radial, tangential)| ≤ H·σ per metre: E2 = T2·R1·H·σ. Along
    /// the arc, (f∘γ)″ = Hess(γ′, γ′) − κ·(∇f · radial) with κ = m′/m the circle's geodesic
    /// curvature; the radial slope stays above A = cos ψ − H·(R1 + T2) − Δθ/2 (the radial field
    /// turns by κ ≤ 1/ρ per metre along the circle, at most Δθ/2 in all), so with
    /// κ ≥ κmin = k·cot(k·ρ1) (comparison with the largest curvature k²: 1/b² on the ellipsoid, at
    /// the equator; the sphere's own):
    /// E3 = T2²·max(0, H − κmin·A)/2 when A ≥ 0, else T2²·H/2 + |A|·ρ1·Δθ²/8 (κ·τ2² ≤ ρ·Δθ²/4).
    /// E3 vanishes on the far side of a disc, where the circle curves away from the level lines
    /// of f — the usual place of the maximum. Nil when X may lie within the cell's reach.
    func plane(distance s: Double, radial: Double, tangential: Double, circleCurvature: Double) -> WitnessPlane? {
        let (r1, t2) = (radialReach, arcHalf)
        guard s > r1 + t2 else { return nil }
        let h = 1 / (s - r1 - t2)
        let sigma = min(1, abs(tangential) + h * r1)
        let e1 = r1 * r1 * h * sigma * sigma / 2
        let e2 = t2 * r1 * h * sigma
        let radialSlope = radial - h * (r1 + t2) - angle / 2
        let e3 = radialSlope >= 0
            ? t2 * t2 * max(0, h - circleCurvature * radialSlope) / 2
            : t2 * t2 * h / 2 + abs(radialSlope) * rho.upperBound * angle * angle / 8
        return WitnessPlane(constant: s + e1 + e2 + e3, radial: radial, tangential: tangential)
    }

    /// A lower bound on the geodesic curvature m′/m of every geodesic circle of radius ≤ ρ on
    /// WGS84: k·cot(k·ρ), k² = 1/b² the largest Gaussian curvature 1/(MN), at the equator (where
    /// M = b²/a and N = a; at the poles it is the least, b²/a⁴). By Sturm comparison, a Jacobi
    /// field under curvature K ≤ k² has m′/m ≥ k·cot(k·ρ), which falls as k grows.
    static func leastCircleCurvature(radius rho: Double) -> Double {
        let a = Geodesic.wgs84.equatorialRadius, b = a * (1 - Geodesic.wgs84.flattening)
        let k = 1 / b
        return k / tan(k * rho)
    }

    /// The same on the comparison sphere of `HingeWitness`, exactly: its curvature is k².
    static func sphereCircleCurvature(radius rho: Double) -> Double {
        let k = HingeWitness.curvature
        return k / tan(k * rho)
    }
}

/// An upper bound, linear in a cell's local coordinates (τ1, τ2), on the distance to one border point.
struct WitnessPlane {
    var constant: Double
    var radial: Double
    var tangential: Double

    func value(_ tau1: Double, _ tau2: Double) -> Double { constant + radial * tau1 + tangential * tau2 }
}

enum CellWitnesses {
    /// The maximum over the cell's rectangle τ1 ∈ [ρ0 − ρref, ρ1 − ρref], |τ2| ≤ T2 of the lesser of
    /// the planes: a bound on the distance to the border over the cell, since d(Q) ≤ s(Q, X) for
    /// every border point X. The lesser of two linear functions is concave and piecewise linear, so
    /// its maximum over the rectangle lies at a corner or where the crease (the two planes equal)
    /// meets an edge; the function is evaluated at every such candidate, each a point of the
    /// rectangle, so the largest value is the maximum itself (returned with where it is).
    /// Infinity with no plane.
    static func maxOfMin(_ planes: UpToTwo<WitnessPlane>, _ cell: PolarCell) -> (value: Double, tau1: Double, tau2: Double) {
        maxOfMin(planes, tau1: cell.tau1, tau2: -cell.arcHalf...cell.arcHalf)
    }

    /// The same over any rectangle of the planes' frame.
    static func maxOfMin(_ planes: UpToTwo<WitnessPlane>, tau1 tau1Range: ClosedRange<Double>,
                         tau2 tau2Range: ClosedRange<Double>) -> (value: Double, tau1: Double, tau2: Double) {
        guard let p = planes.first else { return (.infinity, 0, 0) }
        let q = planes.count == 2 ? planes[1] : p
        let (low1, high1, low2, high2) = (tau1Range.lowerBound, tau1Range.upperBound, tau2Range.lowerBound, tau2Range.upperBound)
        let slack = 1e-9 * (high1 - low1 + high2 - low2)
        var best = (value: -Double.infinity, tau1: 0.0, tau2: 0.0)
        func consider(_ tau1: Double, _ tau2: Double) {
            guard tau1 >= low1 - slack, tau1 <= high1 + slack, tau2 >= low2 - slack, tau2 <= high2 + slack else { return }
            let value = min(p.value(tau1, tau2), q.value(tau1, tau2))
            if value > best.value { best = (value, tau1, tau2) }
        }
        consider(low1, low2); consider(low1, high2); consider(high1, low2); consider(high1, high2)
        // The crease c + a·τ1 + b·τ2 = 0 against the four edges (none with one plane: a = b = 0).
        let (c, a, b) = (p.constant - q.constant, p.radial - q.radial, p.tangential - q.tangential)
        if b != 0 { consider(low1, -(c + a * low1) / b); consider(high1, -(c + a * high1) / b) }
        if a != 0 { consider(-(c + b * low2) / a, low2); consider(-(c + b * high2) / a, high2) }
        // Rounding in the candidates' positions moves the value by far less than this.
        best.value += 1e-6
        return best
    }
}

/// A cell of the disc waiting in the branch and bound.
struct Cell {
    var frame: PolarCell
    /// No point of the cell is farther from the border.
    var upper: Double
    /// Border points near the cell, the latest measured first: its probe's nearest and its parent's.
    var witnesses: UpToTwo<HingeWitness>
    /// The planes of its bound, in its frame; they hold over its parts too.
    var planes: UpToTwo<WitnessPlane>
    /// Where its planes put its maximum, (τ1, τ2) in its frame (its reference point when it has none).
    var peak: (tau1: Double, tau2: Double)
    /// Where in it the distance has been measured exactly, (ρ, θ), if anywhere.
    var probe: (rho: Double, theta: Double)?
}

/// A binary max-heap of cells by `upper`. The cells stay where they were pushed and the heap
/// orders their bounds and places, so a sift moves two words instead of a cell.
struct CellHeap {
    private var cells: [Cell] = []
    private var order: [(upper: Double, index: Int)] = []

    /// Room for a typical search's cells at once (about 25; growing from empty copied them five times).
    init() {
        cells.reserveCapacity(32)
        order.reserveCapacity(32)
    }

    mutating func push(_ cell: Cell) {
        cells.append(cell)
        order.append((cell.upper, cells.count - 1))
        var child = order.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard order[parent].upper < order[child].upper else { break }
            order.swapAt(parent, child)
            child = parent
        }
    }

    mutating func pop() -> Cell? {
        guard let top = order.first else { return nil }
        let last = order.removeLast()
        if !order.isEmpty {
            order[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var largest = parent
                if left < order.count && order[left].upper > order[largest].upper { largest = left }
                if right < order.count && order[right].upper > order[largest].upper { largest = right }
                guard largest != parent else { break }
                order.swapAt(parent, largest)
                parent = largest
            }
        }
        return cells[top.index]
    }
}
