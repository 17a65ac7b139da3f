import Foundation

/// The regularized incomplete gamma function and its quantiles, for Garwood's Poisson interval.
///
/// P(a, x) = γ(a, x)/Γ(a), Q = 1 − P. Both tails are computed directly (the series gives P for
/// x < a + 1, the continued fraction gives Q otherwise; the other tail is 1 minus it), so the small
/// tail that a confidence limit solves for never comes from a cancellation. Formulas: Numerical
/// Recipes §6.2 (series and Lentz's continued fraction), the prefactor in the form of Loader (2000).
///
/// Accuracy: the prefactor xᵃe⁻ˣ/Γ(a) is exact to a few ε·√a relative, so both tails are to about
/// 1e-14 relative for shapes up to 10³ (measured against scipy: see ExactIntervalTests).
enum GammaDistribution {
    /// (P, Q) at x ≥ 0 for shape a > 0.
    static func tails(shape a: Double, x: Double) -> (lower: Double, upper: Double) {
        guard x > 0 else { return (0, 1) }
        let front = prefactor(shape: a, x: x)
        if x < a + 1 {
            let lower = front / a * lowerSeries(shape: a, x: x)
            return (lower, 1 - lower)
        }
        let upper = front * upperFraction(shape: a, x: x)
        return (1 - upper, upper)
    }

    /// The density x^(a−1) e⁻ˣ/Γ(a).
    static func density(shape a: Double, x: Double) -> Double {
        x > 0 ? prefactor(shape: a, x: x) / x : 0
    }

    /// The x with P(a, x) = p, 0 < p < 1.
    static func quantile(shape a: Double, lowerTail p: Double) -> Double {
        root(shape: a) { x in (tails(shape: a, x: x).lower - p, density(shape: a, x: x)) }
    }

    /// The x with Q(a, x) = q, 0 < q < 1: solved on Q itself, not on P = 1 − q.
    static func quantile(shape a: Double, upperTail q: Double) -> Double {
        root(shape: a) { x in (q - tails(shape: a, x: x).upper, density(shape: a, x: x)) }
    }

    /// The root of an increasing residual, bracketed by [0, h] where h doubles from max(a, 1)
    /// until the residual is ≥ 0; Newton starts from the mean a.
    static func root(shape a: Double, _ residual: (Double) -> (value: Double, slope: Double)) -> Double {
        var high = max(a, 1)
        while residual(high).value < 0 { high *= 2 }
        return Roots.increasing(in: 0...high, from: min(a, high), residual)
    }

    /// xᵃe⁻ˣ/Γ(a) as exp(a(log1p(d) − d) + ½ ln(a/2π) − s(a)), d = (x − a)/a, s the Stirling
    /// remainder: the terms a ln x, x and lgamma(a), each near a ln a, cancel analytically rather
    /// than in floating point, leaving an error of a few ε·√a near the bulk of the distribution.
    static func prefactor(shape a: Double, x: Double) -> Double {
        let d = (x - a) / a
        return exp(a * (log1p(d) - d) + 0.5 * log(a / (2 * .pi)) - Stirling.remainder(a))
    }

    /// Σₙ xⁿ/((a+1)…(a+n)), so that P = prefactor/a × this. Terms fall once n > x − a; converges
    /// in O(√a) terms for x < a + 1.
    static func lowerSeries(shape a: Double, x: Double) -> Double {
        var (term, sum, n) = (1.0, 1.0, 0.0)
        while n < 10_000 {
            n += 1
            term *= x / (a + n)
            sum += term
            if term < sum * 1e-17 { break }
        }
        return sum
    }

    /// 1/(x+1−a − 1(1−a)/(x+3−a − 2(2−a)/(x+5−a − …))), so that Q = prefactor × this; modified
    /// Lentz evaluation, converges in O(√a) terms for x ≥ a + 1.
    static func upperFraction(shape a: Double, x: Double) -> Double {
        var b = x + 1 - a
        var fraction = LentzFraction(c: 1 / LentzFraction.tiny, d: 1 / b)
        for i in 1..<10_000 {
            b += 2
            if abs(fraction.multiply(numerator: -Double(i) * (Double(i) - a), denominator: b) - 1) < 1e-16 { break }
        }
        return fraction.value
    }
}

/// The regularized incomplete beta function I_x(a, b) and its quantiles, for Clopper–Pearson.
///
/// Continued fraction (Numerical Recipes §6.4, modified Lentz) on the side where it converges fast:
/// I_x(a, b) directly for x < (a + 1)/(a + b + 2), else 1 − I_{1−x}(b, a); both tails returned so
/// the small one never comes from a cancellation. Prefactor in the form of Loader (2000).
///
/// Accuracy: a few ε·√(a + b) relative in the prefactor, about 1e-14 for a + b up to 10³.
enum BetaDistribution {
    /// (I_x(a, b), 1 − I_x(a, b)) for 0 ≤ x ≤ 1, a, b > 0.
    static func tails(_ a: Double, _ b: Double, x: Double) -> (lower: Double, upper: Double) {
        guard x > 0 else { return (0, 1) }
        guard x < 1 else { return (1, 0) }
        let front = prefactor(a, b, x: x)
        if x < (a + 1) / (a + b + 2) {
            let lower = front / a * fraction(a, b, x: x)
            return (lower, 1 - lower)
        }
        let upper = front / b * fraction(b, a, x: 1 - x)
        return (1 - upper, upper)
    }

    /// The density x^(a−1)(1−x)^(b−1)/B(a, b).
    static func density(_ a: Double, _ b: Double, x: Double) -> Double {
        x > 0 && x < 1 ? prefactor(a, b, x: x) / (x * (1 - x)) : 0
    }

    /// The x with I_x(a, b) = p, 0 < p < 1.
    static func quantile(_ a: Double, _ b: Double, lowerTail p: Double) -> Double {
        Roots.increasing(in: 0...1, from: a / (a + b)) { x in (tails(a, b, x: x).lower - p, density(a, b, x: x)) }
    }

    /// The x with 1 − I_x(a, b) = q, 0 < q < 1: solved on the upper tail itself.
    static func quantile(_ a: Double, _ b: Double, upperTail q: Double) -> Double {
        Roots.increasing(in: 0...1, from: a / (a + b)) { x in (q - tails(a, b, x: x).upper, density(a, b, x: x)) }
    }

    /// xᵃ(1−x)ᵇ/B(a, b). With x₀ = a/(a+b), u = (x − x₀)/x₀ and v = (x₀ − x)/(1 − x₀), the linear
    /// parts of a ln(1+u) and b ln(1+v) cancel exactly (a·u = −b·v), so the log is
    /// a(log1p(u) − u) + b(log1p(v) − v) + ½ ln(ab/(2π(a+b))) − s(a) − s(b) + s(a+b), with no
    /// large terms: Stirling's formula for the three gammas, s its remainder. Computed from x, not
    /// 1 − x, so it is as accurate near either end.
    static func prefactor(_ a: Double, _ b: Double, x: Double) -> Double {
        let x0 = a / (a + b)
        let u = (x - x0) / x0, v = (x0 - x) / (1 - x0)
        let logFront = a * (log1p(u) - u) + b * (log1p(v) - v) + 0.5 * log(a * b / (2 * .pi * (a + b)))
            - Stirling.remainder(a) - Stirling.remainder(b) + Stirling.remainder(a + b)
        return exp(logFront)
    }

    /// 1/(1 + d₁/(1 + d₂/(1 + …))) with d₂ₘ₊₁ = −(a+m)(a+b+m)x/((a+2m)(a+2m+1)),
    /// d₂ₘ = m(b−m)x/((a+2m−1)(a+2m)), so that I_x(a, b) = prefactor/a × this. Converges in
    /// O(√max(a, b)) terms for x < (a + 1)/(a + b + 2).
    static func fraction(_ a: Double, _ b: Double, x: Double) -> Double {
        let first = 1 - (a + b) * x / (a + 1)
        var fraction = LentzFraction(c: 1, d: 1 / (abs(first) < LentzFraction.tiny ? LentzFraction.tiny : first))
        for step in 1..<10_000 {
            let m = Double(step), m2 = 2 * m
            _ = fraction.multiply(numerator: m * (b - m) * x / ((a + m2 - 1) * (a + m2)), denominator: 1)
            let odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1))
            if abs(fraction.multiply(numerator: odd, denominator: 1) - 1) < 1e-16 { break }
        }
        return fraction.value
    }
}

/// A continued fraction evaluated by the modified Lentz method (Numerical Recipes §5.2): the
/// value is its first convergent times one factor a term.
struct LentzFraction {
    /// Stands in for a zero denominator.
    static let tiny = 1e-300
    private var c: Double, d: Double
    private(set) var value: Double

    /// From C₀ and D₀ (the inverse of the first denominator), the value D₀.
    init(c: Double, d: Double) { (self.c, self.d, value) = (c, d, d) }

    /// Takes in the next term a/(b + …); returns the factor the value changed by.
    mutating func multiply(numerator a: Double, denominator b: Double) -> Double {
        d = b + a * d
        if abs(d) < Self.tiny { d = Self.tiny }
        c = b + a / c
        if abs(c) < Self.tiny { c = Self.tiny }
        d = 1 / d
        let factor = d * c
        value *= factor
        return factor
    }
}

/// Stirling's remainder s(a) = ln Γ(a) − ((a − ½) ln a − a + ½ ln 2π), Loader's "stirlerr".
enum Stirling {
    /// For a ≥ 10 the asymptotic series Σ B₂ₙ/(2n(2n−1)a²ⁿ⁻¹) to n = 7, whose next term is below
    /// 3e-17 there; below 10 directly from lgamma, where the terms are small (|error| < 1e-14).
    static func remainder(_ a: Double) -> Double {
        guard a >= 10 else { return lgamma(a) - (a - 0.5) * log(a) + a - 0.5 * log(2 * .pi) }
        let r = 1 / (a * a)
        let series = 1.0 / 12 - r * (1.0 / 360 - r * (1.0 / 1260 - r * (1.0 / 1680 - r * (1.0 / 1188
            - r * (691.0 / 360_360 - r / 156)))))
        return series / a
    }
}

/// Safeguarded Newton solves.
enum Roots {
    /// The root of an increasing residual on [low, high] (value ≤ 0 at low, ≥ 0 at high), with its
    /// slope: Newton's steps, kept inside a bracket that shrinks at every evaluation, bisecting when
    /// a step would leave it. Stops when a step or the bracket is within 1e-14 relative; Newton's
    /// quadratic convergence leaves the answer limited by the residual's own rounding, not the solve.
    static func increasing(in bracket: ClosedRange<Double>, from start: Double,
                           _ residual: (Double) -> (value: Double, slope: Double)) -> Double {
        let tolerance = 1e-14
        var (low, high, x) = (bracket.lowerBound, bracket.upperBound, start)
        for _ in 0..<500 {
            let (value, slope) = residual(x)
            if value == 0 { return x }
            if value < 0 { low = x } else { high = x }
            let step = value / slope
            if abs(step) <= tolerance * x { return x - step }
            var next = x - step
            if !(next > low && next < high) { next = low + (high - low) / 2 }
            if high - low <= tolerance * high { return next }
            x = next
        }
        return x
    }
}
