import BorderAnalysis
import Foundation
import Testing

/// Day numbers against Foundation's Gregorian calendar (an independent implementation).
@Suite struct CivilDayTests {
    @Test func dayNumbersAgreeWithFoundation() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let epoch = try #require(calendar.date(from: DateComponents(year: 1970, month: 1, day: 1)))
        for (year, month, day) in [(1970, 1, 1), (1969, 12, 31), (2000, 2, 29), (2020, 12, 19), (2024, 2, 29), (2024, 3, 1),
                                   (1900, 3, 1), (2100, 12, 31), (1601, 1, 1), (2013, 1, 1), (2025, 1, 1)] {
            let date = try #require(calendar.date(from: DateComponents(year: year, month: month, day: day)))
            let expected = try #require(calendar.dateComponents([.day], from: epoch, to: date).day)
            #expect(CivilDay(yyyymmdd: year * 10000 + month * 100 + day).number == expected, "\(year)-\(month)-\(day)")
        }
    }
}
