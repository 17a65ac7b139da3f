import Foundation

/// A calendar date that may be known only to the month or year: the first and last day it can
/// be, as yyyymmdd numbers (GTD's month or day 0 = unknown; `--from 2019`).
public struct EventDate: Sendable, Equatable {
    public var earliest: Int
    public var latest: Int

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// `yyyy-mm-dd`, `dd-mm-yyyy`, `dd/mm/yyyy`, `16 May 2025`, `16-May-2025`, `yyyy-mm`, `yyyy`.
    public static func parse(_ text: String) -> EventDate? {
        let trimmed = text.trimmingBlanks
        let parts = trimmed.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == " " || $0 == "." })
        guard (1...3).contains(parts.count), parts.allSatisfy({ $0.count <= 9 }) else { return nil }
        let numbers = parts.map { Int($0) }
        switch parts.count {
        case 1: return numbers[0].flatMap { $0 >= 1000 ? known(year: $0, month: 0, day: 0) : nil }
        case 2: guard let year = numbers[0], let month = numbers[1], parts[0].count == 4, month >= 1 else { return nil }
            return known(year: year, month: month, day: 0)
        default:
            let month: Int?
            if numbers[1] == nil {
                let name = parts[1].lowercased()
                month = name.count == 3 || fullName(name) ? months.firstIndex(of: String(name.prefix(3))).map { $0 + 1 } : nil
            } else {
                month = numbers[1]
            }
            guard let month, month >= 1 else { return nil }
            if parts[0].count == 4, let year = numbers[0], let day = numbers[2], day >= 1 { return known(year: year, month: month, day: day) }
            if parts[2].count == 4, let year = numbers[2], let day = numbers[0], day >= 1 { return known(year: year, month: month, day: day) }
            return nil
        }
    }

    static func fullName(_ name: String) -> Bool {
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
         "november", "december", "sept"].contains(name)
    }

    /// A date from year, month and day where 0 means unknown; nil when impossible.
    public static func known(year: Int, month: Int, day: Int) -> EventDate? {
        guard (1...9999).contains(year), (0...12).contains(month), day >= 0 else { return nil }
        if month == 0 { return day == 0 ? EventDate(earliest: year * 10000 + 101, latest: year * 10000 + 1231) : nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let length = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard day <= length else { return nil }
        let base = year * 10000 + month * 100
        return day == 0 ? EventDate(earliest: base + 1, latest: base + length) : EventDate(earliest: base + day, latest: base + day)
    }
}
