import BorderModel
import Foundation
import Geodesy

/// One input row: its fields as read (passed through to the output) and what becomes of it.
public struct InputRecord: Sendable {
    /// Row number as a spreadsheet shows it (the header is row 1) or the feature number (from 1).
    public var row: Int
    public var fields: [String]
    public var outcome: RowOutcome
    /// The JSON form of each field, for inputs that have one (GeoJSON): JSON and GeoJSON output
    /// write these, so numbers keep their text and arrays and objects stay JSON; nil where the
    /// feature has no such property (absent, not null). Nil for tabular inputs.
    public var values: [JSONValue?]?
    /// How far from its position the row's incident may be (located rows).
    public var uncertainty: Uncertainty
    /// When the incident happened, when the input has a date column and the run reads dates
    /// (`ReadingOptions.readsDates`, or a date filter); nil for an empty date cell.
    public var date: EventDate?

    public init(row: Int, fields: [String], outcome: RowOutcome, values: [JSONValue?]? = nil, uncertainty: Uncertainty = .none,
                date: EventDate? = nil) {
        self.row = row
        self.date = date
        self.fields = fields
        self.outcome = outcome
        self.values = values
        self.uncertainty = uncertainty
    }

    /// The position, when the row is to be measured.
    public var position: Coordinate? { if case .located(let point) = outcome { point } else { nil } }
}

/// What becomes of a row: every row is exactly one of these, counted once in the `RunSummary`.
public enum RowOutcome: Sendable, Equatable {
    /// A position was found: the row is measured.
    case located(Coordinate)
    /// No usable position (or an invalid field): reported, and written to `--rejects`.
    case rejected(Rejection)
    /// Left out on purpose by a filter (`--max-geo-precision`, `--from`/`--to`, an older ACLED
    /// version): counted as filtered, neither measured nor rejected.
    case filtered(reason: String)
}

/// Why a row was not measured, naming the file, row, column and value.
public struct Rejection: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var row: Int
    public var column: String
    public var value: String
    public var reason: String

    public init(file: String, row: Int, column: String, value: String, reason: String) {
        self.file = file
        self.row = row
        self.column = column
        self.value = value
        self.reason = reason
    }

    public var description: String {
        // Shortened, and on one line even when the field held newlines.
        let short = value.count > 60 ? String(value.prefix(57)) + "..." : value
        let shown = short.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
        return "\(file): row \(row), column \(column), value \"\(shown)\": \(reason)"
    }
}

/// Input that cannot be used at all (missing file, no coordinate columns, unreadable JSON).
public struct UnusableInput: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var reason: String

    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }

    public var description: String { "\(file): \(reason)" }
}

/// A stream of input rows with a fixed header.
public protocol RecordSource {
    var header: [String] { get }
    var file: String { get }
    /// The next row, or nil at the end. Throws `UnusableInput` when reading itself fails.
    mutating func next() throws -> InputRecord?
}
