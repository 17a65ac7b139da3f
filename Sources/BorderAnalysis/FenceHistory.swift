import BorderModel
import Geodesy

/// The fence's coverage on any day: the covered stretches computed once for each completion
/// date of the segments the filter admits, never per row. On a day D the segments standing are
/// those completed on or before D, exactly as `border coverage --as-of D` counts them (a segment
/// with no completion date never stands).
public struct FenceHistory: Sendable {
    /// Completion dates as yyyymmdd numbers, ascending.
    public let dates: [Int]
    /// `coverage[0]`: before the first date (nothing stands); `coverage[i + 1]`: from `dates[i]` on.
    public let coverage: [[ChainageInterval]]
    public let borderMetres: Double

    public init(dates: [Int], coverage: [[ChainageInterval]], borderMetres: Double) {
        precondition(coverage.count == dates.count + 1)
        (self.dates, self.coverage, self.borderMetres) = (dates, coverage, borderMetres)
    }

    /// The covered stretches on a day (yyyymmdd).
    public func covered(on day: Int) -> [ChainageInterval] {
        coverage[dates.partitioningIndex { $0 > day }]
    }

    /// The covered length integrated over the days `from` up to (not including) `to`, metre-days:
    /// coverage is constant between completion dates, each one counting from its own day on.
    public func coveredMetreDays(from: CivilDay, to: CivilDay) -> Double {
        var total = 0.0, start = from
        var state = dates.partitioningIndex { CivilDay(yyyymmdd: $0) > from }
        while start < to {
            let end = state < dates.count ? min(CivilDay(yyyymmdd: dates[state]), to) : to
            total += coverage[state].reduce(0) { $0 + $1.length } * Double(end.number - start.number)
            (start, state) = (end, state + 1)
        }
        return total
    }

    /// Whether the border point at `chainageMetres` was covered on `day`, and how far along the
    /// border the nearest uncovered point lay.
    public func status(atChainage chainageMetres: Double, on day: Int) -> FenceStatus {
        FenceStatus(chainageMetres: chainageMetres, covered: covered(on: day), borderMetres: borderMetres)
    }
}

/// One border point against the covered stretches of one day.
public struct FenceStatus: Sendable, Equatable {
    public var isFenced: Bool
    /// Metres along the border to the nearest uncovered point: 0 inside a gap; nil when nothing is
    /// uncovered. The border's two ends are not gaps: beyond them there is no border to fence.
    public var gapAlongMetres: Double?

    /// `covered`: ordered, disjoint and maximal (as `CoverageCalculator` gives them), so a stretch's
    /// end that is not an end of the border has uncovered border right beside it.
    public init(chainageMetres s: Double, covered: [ChainageInterval], borderMetres: Double) {
        guard let stretch = covered.first(where: { $0.start <= s && s <= $0.end }) else {
            (isFenced, gapAlongMetres) = (false, 0)
            return
        }
        isFenced = true
        let before = stretch.start > 0 ? s - stretch.start : nil
        let after = stretch.end < borderMetres ? stretch.end - s : nil
        gapAlongMetres = [before, after].compactMap { $0 }.min()
    }
}

extension Array {
    /// The first index whose element satisfies `belongs`, which must hold for a suffix.
    func partitioningIndex(where belongs: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if belongs(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

extension CoverageAnalyzer {
    /// The coverage of the segments `filter` admits (its `asOf` ignored: each day is its own) on every day.
    public func history(of fence: Fence, filter: CoverageFilter, tolerance: Double) throws -> FenceHistory {
        var everyDay = filter
        everyDay.asOf = nil
        let used = fence.segments.filter(everyDay.admits)
        let dates = Array(Set(used.compactMap(\.completed))).sorted()
        let coverage = try [[]] + dates.map { date in try coveredStretches(of: used.filter { $0.completed! <= date }, tolerance: tolerance) }
        return FenceHistory(dates: dates.map(ISODate.day), coverage: coverage, borderMetres: atlas.border.line.length)
    }
}
