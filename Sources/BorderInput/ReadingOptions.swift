/// The input formats `border` reads; detected from the header unless chosen.
public enum InputFormat: String, CaseIterable, Sendable {
    case csv, acled, gtd, geojson, wkt
}

/// How to read one input: its format, which columns hold the position, its CRS, and the filters.
public struct ReadingOptions: Sendable {
    public var format: InputFormat?
    public var latitudeColumn: String?
    public var longitudeColumn: String?
    public var wktColumn: String?
    /// The CRS of the coordinates (anything PROJ accepts); nil = WGS84 longitude/latitude degrees.
    public var crs: String?
    public var filters = RowFilters()
    /// How each row's uncertainty radius is found.
    public var uncertainty = UncertaintyOptions()

    public init(format: InputFormat? = nil, latitudeColumn: String? = nil, longitudeColumn: String? = nil,
                wktColumn: String? = nil, crs: String? = nil, filters: RowFilters = RowFilters(),
                uncertainty: UncertaintyOptions = UncertaintyOptions()) {
        self.uncertainty = uncertainty
        self.format = format
        self.latitudeColumn = latitudeColumn
        self.longitudeColumn = longitudeColumn
        self.wktColumn = wktColumn
        self.crs = crs
        self.filters = filters
    }
}

/// Rows to leave out on purpose: they are counted as `filtered`, never as rejected.
public struct RowFilters: Sendable {
    /// Keep rows whose location precision (ACLED geo_precision, GTD specificity) is at most this.
    public var maxPrecision: Int?
    /// Keep rows whose date can fall on or after / on or before these dates.
    public var from: EventDate?
    public var to: EventDate?
    /// Read each row's date even without a date filter (for the columns that depend on the day:
    /// `InputRecord.date`); a date that cannot be read is no date (those columns stay empty).
    public var readsDates = false

    public init(maxPrecision: Int? = nil, from: EventDate? = nil, to: EventDate? = nil, readsDates: Bool = false) {
        self.maxPrecision = maxPrecision
        self.from = from
        self.to = to
        self.readsDates = readsDates
    }

    var filtersDates: Bool { from != nil || to != nil }

    /// Why a row with this date is left out, or nil to keep it. A partly known date (GTD month 0)
    /// is kept when any day it could be lies in the range.
    func excludes(_ date: EventDate) -> String? {
        if let from, date.latest < from.earliest { return "before --from" }
        if let to, date.earliest > to.latest { return "after --to" }
        return nil
    }
}
