/// A day of the proleptic Gregorian calendar as a count of days, so spans of days subtract.
public struct CivilDay: Sendable, Comparable {
    /// Days since 1970-01-01.
    public let number: Int

    /// From yyyymmdd (a valid date). Howard Hinnant's days_from_civil: exact for every Gregorian date.
    public init(yyyymmdd: Int) {
        let (y0, m, d) = (yyyymmdd / 10000, yyyymmdd / 100 % 100, yyyymmdd % 100)
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        number = era * 146097 + dayOfEra - 719468
    }

    public static func < (a: CivilDay, b: CivilDay) -> Bool { a.number < b.number }
}
