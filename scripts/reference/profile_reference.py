#!/usr/bin/env python3
"""Independent summary of `border profile`: the exposure, the counts and the exact intervals.

Reads (paths as arguments):
  1. `border coverage --format json` (no --as-of): its timeline, covered km from each completion date on;
  2. `border distances --format json --columns distance_m,fenced_then` of the same incidents;
and the profile's `--within` km. Prints one JSON object:

- first_year, last_year: of the dated incidents within `within` km;
- fenced / unfenced: incidents (by `fenced_then`), km_years (the timeline integrated day by day from
  1 January of the first year to 31 December of the last, a year being 365.2425 days), the rate per
  100 km-years and its 95 % interval from scipy.stats: Garwood's, chi2.ppf(0.025, 2k)/2 and
  chi2.ppf(0.975, 2k+2)/2, checked against poisson.cdf/poisson.sf;
- rate_ratio and its exact conditional interval: scipy.stats.binomtest(k1, k1+k2).proportion_ci(0.95,
  'exact') mapped by p/(1-p) * E2/E1.

Usage: python3 scripts/reference/profile_reference.py coverage.json distances.json WITHIN_KM
Needs: pip install scipy
"""
import datetime
import json
import math
import sys

from scipy import stats

DAYS_PER_YEAR = 365.2425


def garwood(k):
    lower = 0.0 if k == 0 else stats.chi2.ppf(0.025, 2 * k) / 2
    upper = stats.chi2.ppf(0.975, 2 * k + 2) / 2
    assert abs(stats.poisson.cdf(k, upper) - 0.025) < 1e-9
    assert k == 0 or abs(stats.poisson.sf(k - 1, lower) - 0.025) < 1e-9
    return lower, upper


def day(text):
    parts = [int(p) for p in text.split("-")]
    return datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def main():
    coverage = json.load(open(sys.argv[1]))
    rows = json.load(open(sys.argv[2]))
    within_m = float(sys.argv[3]) * 1000
    dated = [r for r in rows if r["distance_m"] <= within_m and r.get("date")]
    first = min(day(r["date"]).year for r in dated)
    last = max(day(r["date"]).year for r in dated)
    start, end = datetime.date(first, 1, 1), datetime.date(last + 1, 1, 1)
    border_km = coverage["border_km"]
    steps = sorted((day(t["date"]), t["covered_km"]) for t in coverage["timeline"])
    fenced_km_days = 0.0
    for n, (since, km) in enumerate(steps):
        until = steps[n + 1][0] if n + 1 < len(steps) else end
        a, b = max(since, start), min(until, end)
        if b > a:
            fenced_km_days += km * (b - a).days
    fenced_e = fenced_km_days / DAYS_PER_YEAR
    unfenced_e = border_km * (end - start).days / DAYS_PER_YEAR - fenced_e
    k1 = sum(1 for r in dated if r["fenced_then"])
    k2 = len(dated) - k1

    def rate(k, e):
        lower, upper = garwood(k)
        return {"incidents": k, "km_years": e, "per_100_km_years": 100 * k / e,
                "ci95_lower": 100 * lower / e, "ci95_upper": 100 * upper / e}

    ci = stats.binomtest(k1, k1 + k2).proportion_ci(confidence_level=0.95, method="exact")
    to_ratio = lambda p: math.inf if p >= 1 else p / (1 - p) * unfenced_e / fenced_e
    print(json.dumps({"first_year": first, "last_year": last, "fenced": rate(k1, fenced_e), "unfenced": rate(k2, unfenced_e),
                      "rate_ratio": (k1 / fenced_e) / (k2 / unfenced_e) if k2 else None,
                      "rate_ratio_ci95_lower": to_ratio(ci.low), "rate_ratio_ci95_upper": to_ratio(ci.high)}))


if __name__ == "__main__":
    main()
