import BorderAnalysis
import Foundation
import Testing
import TestSupport

/// The exact intervals against scipy (scripts/reference/rate_intervals.py): Garwood by chi2.ppf,
/// Clopper–Pearson by binomtest, the conditional rate ratio mapped from it.
@Suite struct ExactIntervalTests {
    static let references = Fixtures.repository.appendingPathComponent("Tests/BorderAnalysisTests/Resources/rate-intervals.csv")

    /// Every case to 1e-9 relative (1e-12 absolute near 0); infinities exactly. scipy's binomtest
    /// solves by brentq to 2e-12 absolute, so its own limits are only good to about 1e-11 relative.
    @Test func everyCaseMatchesScipy() throws {
        let cases = try Fixtures.csv(Self.references)
        #expect(cases.count >= 30)
        for row in cases {
            let confidence = Double(row["confidence"]!)!, count = Int(row["count"]!)!
            let label = "\(row["kind"]!) \(count) \(row["trials"]!)\(row["count2"]!) at \(confidence)"
            let interval: ConfidenceInterval
            switch row["kind"]! {
            case "poisson":
                interval = ExactIntervals.poissonMean(count: count, confidence: confidence)
            case "binomial":
                interval = try #require(ExactIntervals.binomialProportion(successes: count, trials: Int(row["trials"]!)!,
                                                                          confidence: confidence))
            case "ratio":
                let ratio = try #require(ExactIntervals.rateRatio(count1: count, exposure1: Double(row["exposure1"]!)!,
                                                                  count2: Int(row["count2"]!)!, exposure2: Double(row["exposure2"]!)!,
                                                                  confidence: confidence))
                #expect(Self.agrees(ratio.estimate, Double(row["estimate"]!)!), "\(label) estimate \(ratio.estimate)")
                interval = ratio.interval
            default:
                Issue.record("unknown kind in \(row)"); continue
            }
            #expect(Self.agrees(interval.lower, Double(row["lower"]!)!), "\(label) lower \(interval.lower) vs \(row["lower"]!)")
            #expect(Self.agrees(interval.upper, Double(row["upper"]!)!), "\(label) upper \(interval.upper) vs \(row["upper"]!)")
        }
    }

    @Test func limitsAtTheEdgesAreExact() throws {
        #expect(ExactIntervals.poissonMean(count: 0).lower == 0)
        #expect(ExactIntervals.poissonMean(count: 0, confidence: 0.9).lower == 0)
        // k = 0: P(X = 0 | μ) = e^(−μ) = α/2 has the closed form μ = −ln(α/2).
        #expect(Self.agrees(ExactIntervals.poissonMean(count: 0).upper, -log(0.025)))
        for trials in [1, 7, 1000] {
            #expect(try #require(ExactIntervals.binomialProportion(successes: 0, trials: trials)).lower == 0)
            #expect(try #require(ExactIntervals.binomialProportion(successes: trials, trials: trials)).upper == 1)
        }
        #expect(ExactIntervals.binomialProportion(successes: 0, trials: 0) == nil)
    }

    @Test func rateRatioRejectsNoEventsAndBadExposures() throws {
        #expect(ExactIntervals.rateRatio(count1: 0, exposure1: 1, count2: 0, exposure2: 1) == nil)
        for bad in [0, -1, -.infinity, .infinity, .nan] as [Double] {
            #expect(ExactIntervals.rateRatio(count1: 3, exposure1: bad, count2: 4, exposure2: 1) == nil, "\(bad)")
            #expect(ExactIntervals.rateRatio(count1: 3, exposure1: 1, count2: 4, exposure2: bad) == nil, "\(bad)")
        }
        let none1 = try #require(ExactIntervals.rateRatio(count1: 0, exposure1: 2, count2: 5, exposure2: 3))
        #expect(none1.estimate == 0 && none1.interval.lower == 0 && none1.interval.upper.isFinite)
        let none2 = try #require(ExactIntervals.rateRatio(count1: 5, exposure1: 2, count2: 0, exposure2: 3))
        #expect(none2.estimate == .infinity && none2.interval.upper == .infinity && none2.interval.lower > 0)
    }

    /// Swapping the two sides inverts the ratio and its interval; a lower confidence gives a
    /// narrower interval inside the wider one.
    @Test func rateRatioIsSymmetricAndNested() throws {
        let forward = try #require(ExactIntervals.rateRatio(count1: 17, exposure1: 25, count2: 4, exposure2: 18))
        let backward = try #require(ExactIntervals.rateRatio(count1: 4, exposure1: 18, count2: 17, exposure2: 25))
        #expect(Self.agrees(forward.estimate, 1 / backward.estimate))
        #expect(Self.agrees(forward.interval.lower, 1 / backward.interval.upper))
        #expect(Self.agrees(forward.interval.upper, 1 / backward.interval.lower))
        let narrow = try #require(ExactIntervals.rateRatio(count1: 17, exposure1: 25, count2: 4, exposure2: 18, confidence: 0.8))
        #expect(forward.interval.lower < narrow.interval.lower && narrow.interval.upper < forward.interval.upper)
        #expect(narrow.interval.lower < narrow.estimate && narrow.estimate < narrow.interval.upper)
    }

    /// Equal to 1e-9 relative, or 1e-12 absolute near 0; infinities only to themselves.
    static func agrees(_ value: Double, _ reference: Double) -> Bool {
        guard reference.isFinite else { return value == reference }
        return abs(value - reference) <= max(1e-9 * abs(reference), 1e-12)
    }
}
