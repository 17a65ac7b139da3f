import Foundation

/// A two-sided confidence interval [lower, upper]; upper may be +infinity (a rate ratio with no
/// events in the denominator).
public struct ConfidenceInterval: Sendable, Equatable {
    public var lower: Double
    public var upper: Double

    public init(lower: Double, upper: Double) {
        (self.lower, self.upper) = (lower, upper)
    }
}

/// Exact (coverage at least the confidence, by construction from the discrete distribution)
/// intervals for incident counts: for comparing incidents per 100 km-years on fenced and unfenced
/// border, where counts are small and normal approximations undercover.
///
/// Each limit is a quantile of a gamma or beta distribution (`IncompleteFunctions.swift`), solved
/// on the tail it is defined by. For counts up to 1000 the limits agree with scipy 1.17's chi2 and
/// beta quantiles to 1.1e-14 relative, and with its binomtest (scripts/reference/rate_intervals.py,
/// whose brentq stops at 2e-12 absolute) to 2.1e-11; ExactIntervalTests checks 1e-9.
///
/// All three take 0 < confidence < 1 and α = 1 − confidence, half of it in each tail.
public enum ExactIntervals {
    /// Garwood (1936)'s interval for the mean of a Poisson count k:
    /// lower = χ²_{α/2}(2k)/2 (0 when k = 0), upper = χ²_{1−α/2}(2k + 2)/2. These are the means at
    /// which P(X ≥ k) = α/2 and P(X ≤ k) = α/2, since P(X ≤ k | μ) = Q(k + 1, μ).
    /// - Precondition: count ≥ 0.
    public static func poissonMean(count: Int, confidence: Double = 0.95) -> ConfidenceInterval {
        precondition(count >= 0, "a count is never negative")
        let tail = tailProbability(confidence), k = Double(count)
        let lower = count == 0 ? 0 : chiSquareQuantile(degreesOfFreedom: 2 * k, lowerTail: tail) / 2
        let upper = chiSquareQuantile(degreesOfFreedom: 2 * k + 2, upperTail: tail) / 2
        return ConfidenceInterval(lower: lower, upper: upper)
    }

    /// Clopper & Pearson (1934)'s interval for a binomial proportion from k successes in n trials:
    /// lower = Beta quantile α/2 of (k, n − k + 1), exactly 0 when k = 0; upper = Beta quantile
    /// 1 − α/2 of (k + 1, n − k), exactly 1 when k = n. The p at which P(X ≥ k) = α/2 and
    /// P(X ≤ k) = α/2, since P(X ≥ k | p) = I_p(k, n − k + 1). Nil when trials == 0 (no information).
    /// - Precondition: 0 ≤ successes ≤ trials.
    public static func binomialProportion(successes: Int, trials: Int, confidence: Double = 0.95) -> ConfidenceInterval? {
        precondition(successes >= 0 && successes <= trials, "successes must be within 0...trials")
        guard trials > 0 else { return nil }
        let tail = tailProbability(confidence), k = Double(successes), n = Double(trials)
        let lower = successes == 0 ? 0 : BetaDistribution.quantile(k, n - k + 1, lowerTail: tail)
        let upper = successes == trials ? 1 : BetaDistribution.quantile(k + 1, n - k, upperTail: tail)
        return ConfidenceInterval(lower: lower, upper: upper)
    }

    /// The ratio of two Poisson rates, (count1/exposure1)/(count2/exposure2), with the exact
    /// conditional interval (as R's poisson.test): given n = count1 + count2, count1 is binomial
    /// with p = E1λ1/(E1λ1 + E2λ2), a function of the ratio alone, R = p/(1 − p) · E2/E1. The
    /// Clopper–Pearson interval of p maps through this increasing function to the interval of R:
    /// lower exactly 0 when count1 = 0, upper +infinity when count2 = 0.
    ///
    /// The estimate is 0 when count1 = 0 and +infinity when count2 = 0 (no events to divide by);
    /// the interval is then still informative on its finite side.
    /// Nil when there are no events at all (n = 0) or an exposure is not finite and > 0.
    /// - Precondition: counts ≥ 0.
    public static func rateRatio(count1: Int, exposure1: Double, count2: Int, exposure2: Double,
                                 confidence: Double = 0.95) -> (estimate: Double, interval: ConfidenceInterval)? {
        precondition(count1 >= 0 && count2 >= 0, "a count is never negative")
        guard exposure1 > 0, exposure2 > 0, exposure1.isFinite, exposure2.isFinite,
              let p = binomialProportion(successes: count1, trials: count1 + count2, confidence: confidence)
        else { return nil }
        let exposureRatio = exposure2 / exposure1
        let estimate = Double(count1) * exposure2 / (Double(count2) * exposure1)
        let interval = ConfidenceInterval(lower: odds(p.lower) * exposureRatio,
                                          upper: p.upper == 1 ? .infinity : odds(p.upper) * exposureRatio)
        return (estimate, interval)
    }

    /// χ² with ν degrees of freedom is 2 × Gamma(shape ν/2, scale 1).
    static func chiSquareQuantile(degreesOfFreedom nu: Double, lowerTail p: Double) -> Double {
        2 * GammaDistribution.quantile(shape: nu / 2, lowerTail: p)
    }

    /// The χ² quantile 1 − q, solved on the upper tail q (no rounding of 1 − q).
    static func chiSquareQuantile(degreesOfFreedom nu: Double, upperTail q: Double) -> Double {
        2 * GammaDistribution.quantile(shape: nu / 2, upperTail: q)
    }

    /// α/2, the probability left in each tail.
    static func tailProbability(_ confidence: Double) -> Double {
        precondition(confidence > 0 && confidence < 1, "confidence must be within (0, 1)")
        return (1 - confidence) / 2
    }

    static func odds(_ p: Double) -> Double { p / (1 - p) }
}
