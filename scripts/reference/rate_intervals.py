#!/usr/bin/env python3
"""Independent reference answers for the exact interval tests (ExactIntervalTests.swift).

Writes Tests/BorderAnalysisTests/Resources/rate-intervals.csv: exact confidence intervals
computed with scipy alone, nothing from the Swift program.

- poisson: Garwood (1936) for a Poisson mean from a count k, by scipy.stats.chi2.ppf:
  lower = chi2.ppf(alpha/2, 2k)/2 (0 when k = 0), upper = chi2.ppf(1 - alpha/2, 2k + 2)/2;
  checked against scipy.stats.poisson: P(X >= k | lower) = alpha/2 and P(X <= k | upper) = alpha/2.
- binomial: Clopper & Pearson (1934), by scipy.stats.binomtest(k, n).proportion_ci(method='exact');
  checked against scipy.stats.binom tails and scipy.stats.beta quantiles.
- ratio: two Poisson rates (count1/exposure1)/(count2/exposure2), the conditional interval
  (as in R's poisson.test): count1 given count1 + count2 is binomial with p = E1 l1/(E1 l1 + E2 l2),
  so the Clopper-Pearson interval of p maps to R = p/(1 - p) * E2/E1.

Columns: kind, confidence, count (poisson count, binomial successes, ratio count1), trials
(binomial), count2, exposure1, exposure2 (ratio), estimate (ratio), lower, upper; empty when not
used. Numbers are repr() (shortest round-trip, up to 17 significant digits); infinity is `inf`.

Usage: python3 scripts/reference/rate_intervals.py
Needs: scipy (pip install scipy; written with scipy 1.17)
"""
import csv
import math
import os

from scipy import stats

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUTPUT = os.path.join(ROOT, "Tests", "BorderAnalysisTests", "Resources", "rate-intervals.csv")
COLUMNS = ["kind", "confidence", "count", "trials", "count2", "exposure1", "exposure2", "estimate", "lower", "upper"]

POISSON = [(k, 0.95) for k in (0, 1, 2, 5, 10, 37, 100, 1000)] + [(k, 0.9) for k in (0, 3, 100)]
BINOMIAL = [(k, n, 0.95) for k, n in ((0, 1), (0, 10), (1, 1), (3, 10), (10, 10), (5, 40), (50, 120), (400, 1000))] \
    + [(k, n, 0.9) for k, n in ((0, 10), (3, 10), (400, 1000))]
# (count1, exposure1, count2, exposure2, confidence): exposures in 100 km-years, fenced against unfenced.
RATIO = [
    (0, 4.2, 7, 9.8, 0.95),      # no incidents on the fenced part: lower 0, estimate 0
    (6, 2.5, 0, 7.1, 0.95),      # none on the unfenced part: upper and estimate infinite
    (1, 1.0, 1, 1.0, 0.95),
    (3, 1.25, 9, 4.8, 0.95),
    (17, 25.0, 4, 18.0, 0.95),
    (40, 10.23, 55, 9.0, 0.95),
    (250, 56.03, 310, 46.37, 0.95),
    (12, 0.6, 30, 14.5, 0.95),
    (3, 1.25, 9, 4.8, 0.9),
    (0, 4.2, 7, 9.8, 0.9),
    (6, 2.5, 0, 7.1, 0.9),
]


def close(a, b, rel=1e-9):
    return math.isclose(a, b, rel_tol=rel, abs_tol=1e-15)


def garwood(k, confidence):
    alpha = 1 - confidence
    lower = 0.0 if k == 0 else stats.chi2.ppf(alpha / 2, 2 * k) / 2
    upper = stats.chi2.ppf(1 - alpha / 2, 2 * k + 2) / 2
    assert close(stats.poisson.cdf(k, upper), alpha / 2), (k, upper)
    if k > 0:
        assert close(stats.poisson.sf(k - 1, lower), alpha / 2), (k, lower)
    return float(lower), float(upper)


def clopper_pearson(k, n, confidence):
    alpha = 1 - confidence
    ci = stats.binomtest(k, n).proportion_ci(confidence_level=confidence, method="exact")
    lower, upper = float(ci.low), float(ci.high)
    if k > 0:
        assert close(stats.binom.sf(k - 1, n, lower), alpha / 2), (k, n, lower)
        assert close(lower, stats.beta.ppf(alpha / 2, k, n - k + 1)), (k, n, lower)
    else:
        assert lower == 0
    if k < n:
        assert close(stats.binom.cdf(k, n, upper), alpha / 2), (k, n, upper)
        assert close(upper, stats.beta.isf(alpha / 2, k + 1, n - k)), (k, n, upper)
    else:
        assert upper == 1
    return lower, upper


def odds(p, exposure1, exposure2):
    """p/(1 - p) * E2/E1, infinite at p = 1."""
    return math.inf if p == 1 else p / (1 - p) * exposure2 / exposure1


def rate_ratio(count1, exposure1, count2, exposure2, confidence):
    estimate = math.inf if count2 == 0 else (count1 / exposure1) / (count2 / exposure2)
    low, high = clopper_pearson(count1, count1 + count2, confidence)
    return estimate, odds(low, exposure1, exposure2), odds(high, exposure1, exposure2)


def text(x):
    return "" if x is None else ("inf" if x == math.inf else repr(x))


def rows():
    for k, confidence in POISSON:
        lower, upper = garwood(k, confidence)
        yield dict(kind="poisson", confidence=confidence, count=k, lower=lower, upper=upper)
    for k, n, confidence in BINOMIAL:
        lower, upper = clopper_pearson(k, n, confidence)
        yield dict(kind="binomial", confidence=confidence, count=k, trials=n, lower=lower, upper=upper)
    for count1, exposure1, count2, exposure2, confidence in RATIO:
        estimate, lower, upper = rate_ratio(count1, exposure1, count2, exposure2, confidence)
        yield dict(kind="ratio", confidence=confidence, count=count1, count2=count2, exposure1=exposure1,
                   exposure2=exposure2, estimate=estimate, lower=lower, upper=upper)


def main():
    with open(OUTPUT, "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(COLUMNS)
        count = 0
        for row in rows():
            writer.writerow([row["kind"]] + [text(row.get(column)) for column in COLUMNS[1:]])
            count += 1
    print(f"wrote {count} cases to {os.path.relpath(OUTPUT, ROOT)}")


if __name__ == "__main__":
    main()
