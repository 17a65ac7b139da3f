import Foundation
import Geodesy

/// What every tabular reader does with a row once its fields are known: reject invalid bytes,
/// apply the filters, then find the position: the row's one `RowOutcome`.
struct RowRules {
    enum DateField {
        case text(Int)                                   // event_date, date
        case parts(year: Int, month: Int, day: Int)      // GTD iyear, imonth, iday
    }

    let file: String
    let header: [String]
    let filters: RowFilters
    let uncertainty: UncertaintyRule
    private let precision: Int?
    private let date: DateField?
    private let precisionScale: String
    /// With a filter every row needs a date; otherwise a date that cannot be read is no date.
    private let filtersDates: Bool

    /// Looks up the filter columns; a filter without its column makes the input unusable.
    init(file: String, header: [String], filters: RowFilters, uncertainty: UncertaintyOptions = UncertaintyOptions(),
         precisionNames: [String], dateField: (([String]) -> DateField?), precisionScale: String = "1–3") throws {
        self.file = file
        self.header = header
        self.filters = filters
        self.uncertainty = try UncertaintyRule(header: header, file: file, options: uncertainty)
        self.precisionScale = precisionScale
        let lowered = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if filters.maxPrecision != nil {
            guard let column = precisionNames.lazy.compactMap({ lowered.firstIndex(of: $0) }).first else {
                throw UnusableInput(file: file, reason: "--max-geo-precision needs a \(precisionNames.joined(separator: " or ")) column")
            }
            precision = column
        } else {
            precision = nil
        }
        if filters.filtersDates {
            guard let field = dateField(lowered) else { throw UnusableInput(file: file, reason: "--from/--to need a date column (event_date, date, or iyear/imonth/iday)") }
            date = field
        } else {
            date = filters.readsDates ? dateField(lowered) : nil
        }
        filtersDates = filters.filtersDates
    }


    static func textDate(_ names: [String]) -> ([String]) -> DateField? {
        { lowered in names.lazy.compactMap { lowered.firstIndex(of: $0) }.first.map { .text($0) } }
    }

    /// GTD's `iyear`, `imonth`, `iday` (0 = unknown).
    static func gtdDate(_ lowered: [String]) -> DateField? {
        guard let y = lowered.firstIndex(of: "iyear"), let m = lowered.firstIndex(of: "imonth"),
              let d = lowered.firstIndex(of: "iday") else { return nil }
        return .parts(year: y, month: m, day: d)
    }

    /// Whether a header has a date column any reader would read.
    static func hasDate(_ header: [String]) -> Bool {
        let lowered = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        return textDate(["event_date", "date"])(lowered) != nil || gtdDate(lowered) != nil
    }

    func name(_ column: Int) -> String { column < header.count ? header[column] : "\(column + 1)" }

    func record(row: Int, fields: [String], invalidByte: (column: Int, byte: UInt8)? = nil, superseded: String? = nil,
                position: () -> Result<Coordinate, Rejection>) -> InputRecord {
        func rejected(_ column: Int, _ reason: String) -> InputRecord {
            InputRecord(row: row, fields: fields, outcome: .rejected(Rejection(
                file: file, row: row, column: name(column), value: column < fields.count ? fields[column] : "", reason: reason)))
        }
        func filtered(_ reason: String) -> InputRecord {
            InputRecord(row: row, fields: fields, outcome: .filtered(reason: reason))
        }
        if let (column, byte) = invalidByte {
            return rejected(column, "invalid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)), shown as \u{FFFD}); save the file as UTF-8")
        }
        if let superseded { return filtered(superseded) }
        if let maxPrecision = filters.maxPrecision, let column = precision {
            let text = column < fields.count ? fields[column].trimmingBlanks : ""
            guard let level = Int(text) else { return rejected(column, "not a precision level (\(precisionScale))") }
            if level > maxPrecision { return filtered("\(name(column)) \(level) > \(maxPrecision)") }
        }
        var eventDate: EventDate? = nil
        if let date {
            let parsed: EventDate?
            let column: Int
            switch date {
            case .text(let index):
                column = index
                parsed = index < fields.count ? EventDate.parse(fields[index]) : nil
            case .parts(let year, let month, let day):
                func number(_ index: Int) -> Int? { index < fields.count ? Int(fields[index].trimmingBlanks) : nil }
                column = number(year) == nil ? year : number(month) == nil ? month : day
                parsed = number(year).flatMap { y in number(month).flatMap { m in number(day).flatMap { EventDate.known(year: y, month: m, day: $0) } } }
            }
            if let parsed {
                if let reason = filters.excludes(parsed) { return filtered(reason) }
                eventDate = parsed
            } else if filtersDates {
                return rejected(column, "not a date")
            }
            // Without a date filter a row whose date cannot be read is still measured: only the
            // columns of its day stay empty (its distance does not depend on the date).
        }
        switch (position(), uncertainty.uncertainty(fields)) {
        case (.failure(let rejection), _): return InputRecord(row: row, fields: fields, outcome: .rejected(rejection))
        case (.success, .failure(let problem)): return rejected(problem.column, problem.reason)
        case (.success(let point), .success(let radius)):
            return InputRecord(row: row, fields: fields, outcome: .located(point), uncertainty: radius, date: eventDate)
        }
    }
}
