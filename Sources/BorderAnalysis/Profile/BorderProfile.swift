import Foundation

/// One measured incident as the profile counts it.
public struct ProfileIncident: Sendable {
    /// Chainage of its nearest border point, metres.
    public var chainageMetres: Double
    public var distanceMetres: Double
    /// The first day its date can be (yyyymmdd); nil: no date.
    public var day: Int?
    public var killed: Int
    public var injured: Int
    /// Its location uncertainty, km (nil when the input gives none).
    public var radiusKilometres: Double?

    public init(chainageMetres: Double, distanceMetres: Double, day: Int?, killed: Int, injured: Int, radiusKilometres: Double?) {
        (self.chainageMetres, self.distanceMetres, self.day) = (chainageMetres, distanceMetres, day)
        (self.killed, self.injured, self.radiusKilometres) = (killed, injured, radiusKilometres)
    }
}

/// One stretch of the border in one year (or, `year` nil, its incidents without a date).
public struct ProfileRow: Sendable, Equatable {
    public var stretch: ChainageInterval
    public var year: Int?
    public var incidents = 0
    public var killed = 0
    public var injured = 0
    /// Sum and count of the incidents' radii, for the mean.
    var radiusSumKilometres = 0.0
    var radii = 0
    /// Covered metres of the stretch at the year's end (nil for the undated row).
    public var fencedMetres: Double?

    public var meanRadiusKilometres: Double? { radii > 0 ? radiusSumKilometres / Double(radii) : nil }
}

/// Incidents per 100 km-years of border, with Garwood's exact 95 % interval.
public struct IncidentRate: Sendable, Equatable {
    public var incidents: Int
    public var kilometreYears: Double
    public var perHundredKilometreYears: Double
    public var interval: ConfidenceInterval

    init?(incidents: Int, kilometreYears: Double) {
        guard kilometreYears > 0 else { return nil }
        let scale = 100 / kilometreYears, mean = ExactIntervals.poissonMean(count: incidents)
        (self.incidents, self.kilometreYears) = (incidents, kilometreYears)
        perHundredKilometreYears = Double(incidents) * scale
        interval = ConfidenceInterval(lower: mean.lower * scale, upper: mean.upper * scale)
    }
}

/// Fenced against unfenced border over the profile's years: each incident counts on the side of
/// the fence its nearest border point was on its day; exposure is the km-years the border spent
/// fenced or not (the coverage timeline integrated over the years).
public struct ProfileSummary: Sendable, Equatable {
    public var firstYear: Int
    public var lastYear: Int
    public var fenced: IncidentRate?
    public var unfenced: IncidentRate?
    /// Fenced rate over unfenced rate, with the exact conditional (Clopper–Pearson) interval.
    public var ratio: Double?
    public var ratioInterval: ConfidenceInterval?
    /// Within `--within` but without a date: in the stretch rows, not in the rates.
    public var undated: Int
}

/// `border profile`: the border cut into stretches of `binMetres` along the chainage, each with its
/// incidents (nearest border point in it, distance within `withinMetres`) per year, and the summary.
/// Folds incidents one at a time: memory grows with stretches × years, never with incidents.
public struct ProfileAccumulator: Sendable {
    public let binMetres: Double
    public let withinMetres: Double
    public let history: FenceHistory
    public let showsRadius: Bool
    private var rows: [Key: ProfileRow] = [:]
    private var fencedCount = 0, unfencedCount = 0, undatedCount = 0
    private var firstDay = Int.max, lastDay = Int.min

    private struct Key: Hashable { var stretch: Int, year: Int? }

    /// A mean year, for km-years.
    public static let daysPerYear = 365.2425

    public init(binMetres: Double, withinMetres: Double, history: FenceHistory, showsRadius: Bool) {
        (self.binMetres, self.withinMetres, self.history, self.showsRadius) = (binMetres, withinMetres, history, showsRadius)
    }

    var stretchCount: Int { max(1, Int((history.borderMetres / binMetres).rounded(.up))) }

    func stretch(_ index: Int) -> ChainageInterval {
        ChainageInterval(start: Double(index) * binMetres, end: min(Double(index + 1) * binMetres, history.borderMetres))
    }

    public mutating func add(_ incident: ProfileIncident) {
        guard incident.distanceMetres <= withinMetres else { return }
        let index = min(Int(incident.chainageMetres / binMetres), stretchCount - 1)
        let year = incident.day.map { $0 / 10000 }
        var row = rows[Key(stretch: index, year: year)] ?? ProfileRow(stretch: stretch(index), year: year)
        row.incidents += 1
        row.killed += incident.killed
        row.injured += incident.injured
        if showsRadius, let radius = incident.radiusKilometres {
            row.radiusSumKilometres += radius
            row.radii += 1
        }
        rows[Key(stretch: index, year: year)] = row
        guard let day = incident.day else { return undatedCount += 1 }
        (firstDay, lastDay) = (min(firstDay, day), max(lastDay, day))
        if history.status(atChainage: incident.chainageMetres, on: day).isFenced { fencedCount += 1 } else { unfencedCount += 1 }
    }

    /// Every stretch in every year from the first incident's to the last's (zeros included), then
    /// each stretch's undated incidents, if any.
    public func profileRows() -> [ProfileRow] {
        var all: [ProfileRow] = []
        for index in 0..<stretchCount {
            if firstDay <= lastDay {
                for year in (firstDay / 10000)...(lastDay / 10000) {
                    var row = rows[Key(stretch: index, year: year)] ?? ProfileRow(stretch: stretch(index), year: year)
                    row.fencedMetres = history.covered(on: year * 10000 + 1231).compactMap { $0.clipped(to: row.stretch) }.reduce(0) { $0 + $1.length }
                    all.append(row)
                }
            }
            if let undated = rows[Key(stretch: index, year: nil)] { all.append(undated) }
        }
        return all
    }

    /// The rates over whole years, from 1 January of the first incident's year to 31 December of the last's.
    public func summary() -> ProfileSummary? {
        guard firstDay <= lastDay else { return nil }
        let (first, last) = (firstDay / 10000, lastDay / 10000)
        let from = CivilDay(yyyymmdd: first * 10000 + 101), to = CivilDay(yyyymmdd: (last + 1) * 10000 + 101)
        let fencedKilometreYears = history.coveredMetreDays(from: from, to: to) / 1000 / Self.daysPerYear
        let allKilometreYears = history.borderMetres / 1000 * Double(to.number - from.number) / Self.daysPerYear
        let ratio = ExactIntervals.rateRatio(count1: fencedCount, exposure1: fencedKilometreYears,
                                             count2: unfencedCount, exposure2: allKilometreYears - fencedKilometreYears)
        return ProfileSummary(firstYear: first, lastYear: last,
                              fenced: IncidentRate(incidents: fencedCount, kilometreYears: fencedKilometreYears),
                              unfenced: IncidentRate(incidents: unfencedCount, kilometreYears: allKilometreYears - fencedKilometreYears),
                              ratio: ratio?.estimate, ratioInterval: ratio?.interval, undated: undatedCount)
    }
}
