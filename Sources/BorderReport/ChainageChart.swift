import BorderAnalysis
import BorderInput
import BorderModel
import BorderOutput

/// Incidents along the border and the fence's coverage over time, as static SVG (no scripts,
/// generic fonts, every text escaped): across, km along the border from the Koh-i-Malik Siah
/// tripoint (0) to Gwatar Bay; up, time in years. Drawing only: the fence's covered stretches on
/// each day come from a `FenceHistory`, the incidents' chainages from their measurement.
public struct ChainageChart: Sendable {
    public var borderKilometres: Double
    /// nil without a fence file: only incidents are drawn.
    public var history: FenceHistory?
    /// The last day (yyyymmdd) the fence is drawn on (`--as-of`); nil: to the end of the time axis.
    public var historyEndDay: Int?
    /// The report's fence caveat; not empty when the placement of segments used is assumed.
    public var placementCaveat: String
    public var incidents: [MeasuredIncident]
    public var width = 880.0
    public var height = 560.0

    public init(borderKilometres: Double, history: FenceHistory?, historyEndDay: Int? = nil, placementCaveat: String,
                incidents: [MeasuredIncident]) {
        (self.borderKilometres, self.history, self.historyEndDay, self.placementCaveat, self.incidents)
            = (borderKilometres, history, historyEndDay, placementCaveat, incidents)
    }

    /// The chart's accessible name, also the report section that shows it.
    public static let title = "Incidents along the border and the fence over time"
    static let fencedFill = "#c3d9bf"

    /// An incident that has a date, drawn on its first possible day (one known only to the month
    /// or the year on its first day, the rule of the `fenced_then` column).
    struct Mark { var incident: MeasuredIncident; var day: Int }

    var marks: [Mark] {
        incidents.compactMap { incident in
            (incident.record.date ?? EventDate.parse(incident.date)).map { Mark(incident: incident, day: $0.earliest) }
        }
    }

    /// Completion dates (yyyymmdd) drawn: those up to `historyEndDay`.
    var fenceDates: [Int] { (history?.dates ?? []).filter { $0 <= historyEndDay ?? .max } }

    /// From the first year of the incidents or of the completion dates to the end of the year after
    /// the last of either (so the latest coverage has room to show); nil when nothing is dated.
    var years: ClosedRange<Int>? {
        let days = marks.map(\.day) + fenceDates
        guard let first = days.min(), let last = days.max() else { return nil }
        return first / 10000...last / 10000 + 2
    }

    /// The SVG; empty when nothing is dated.
    public func svg() -> String {
        guard let years, borderKilometres > 0 else { return "" }
        let scale = ChartScale(left: 62, right: width - 18, top: 46, bottom: height - 58, kilometres: borderKilometres, years: years)
        let n = ChartScale.number
        var svg = ##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \##(n(width)) \##(n(height))" width="\##(n(width))" height="\##(n(height))" font-family="sans-serif" font-size="11" role="img" aria-label="\##(XML.escape(Self.title))" class="chainage-chart" data-km-per-unit="\##(FixedPoint.format(scale.kilometresPerUnit, decimals: 9))" data-km0-x="\##(n(scale.left))">"##
        svg += axes(scale)
        if let history { svg += fence(history, scale) }
        svg += ##"<rect x="\##(n(scale.left))" y="\##(n(scale.top))" width="\##(n(scale.right - scale.left))" height="\##(n(scale.bottom - scale.top))" fill="none" stroke="#888"/>"##
        svg += marks.map { circle($0, scale) }.joined()
        return svg + legend() + "</svg>"
    }

    /// Grid lines, ticks and labels every 100 km and every year (labels every 2 or more years
    /// when a year is too short for one), and the axis titles.
    func axes(_ scale: ChartScale) -> String {
        let n = ChartScale.number
        var svg = ""
        for km in stride(from: 0.0, through: borderKilometres, by: 100) {
            let x = scale.x(km)
            svg += ##"<path d="M\##(n(x)) \##(n(scale.top))V\##(n(scale.bottom + 5))" stroke="#e6e6e6"/><text x="\##(n(x))" y="\##(n(scale.bottom + 18))" text-anchor="middle">\##(Int(km))</text>"##
        }
        let step = [1, 2, 5, 10, 20, 50, 100].first { Double($0) * scale.unitsPerYear >= 16 } ?? 200
        for year in scale.years {
            let y = scale.y(year: Double(year))
            svg += ##"<path d="M\##(n(scale.left - 5)) \##(n(y))H\##(n(scale.right))" stroke="#e6e6e6"/>"##
            if (year - scale.years.lowerBound) % step == 0 { svg += ##"<text x="\##(n(scale.left - 8))" y="\##(n(y + 4))" text-anchor="end">\##(year)</text>"## }
        }
        let title = "km along the border, from the Koh-i-Malik Siah tripoint (0) to Gwatar Bay (\(FixedPoint.format(borderKilometres, decimals: 1)))"
        svg += ##"<text x="\##(n((scale.left + scale.right) / 2))" y="\##(n(scale.bottom + 40))" text-anchor="middle">\##(XML.escape(title))</text>"##
        return svg + ##"<text transform="translate(16 \##(n((scale.top + scale.bottom) / 2))) rotate(-90)" text-anchor="middle">year (ticks on 1 January)</text>"##
    }

    /// One group per interval between successive completion dates (the last up to the end of the
    /// axis, or of `historyEndDay`), holding the stretches covered in it as rectangles; each
    /// rectangle's km are its data-start-km and data-end-km.
    func fence(_ history: FenceHistory, _ scale: ChartScale) -> String {
        let dates = fenceDates
        let end = min(scale.endYear, historyEndDay.map { ChartScale.year($0) + 1 / 365.25 } ?? .infinity)
        var svg = ""
        for (index, from) in dates.enumerated() {
            let to = index + 1 < dates.count ? ChartScale.year(dates[index + 1]) : end
            let stretches = history.coverage[index + 1]
            let (top, bottom) = (scale.y(year: to), scale.y(year: ChartScale.year(from)))
            let km = FixedPoint.format(stretches.reduce(0) { $0 + $1.length } / 1000, decimals: 1)
            svg += ##"<g class="fence-band" data-from="\##(ChartScale.iso(from))"><title>fenced from \##(ChartScale.iso(from)): \##(km) km</title>"##
            for stretch in stretches {
                let (x0, x1) = (scale.roundedX(stretch.start / 1000), scale.roundedX(stretch.end / 1000))
                svg += ##"<rect class="fenced" x="\##(ChartScale.number(x0))" y="\##(ChartScale.number(top))" width="\##(ChartScale.number(x1 - x0))" height="\##(ChartScale.number(bottom - top))" fill="\##(Self.fencedFill)" data-start-km="\##(FixedPoint.format(stretch.start / 1000, decimals: 3))" data-end-km="\##(FixedPoint.format(stretch.end / 1000, decimals: 3))"/>"##
            }
            svg += "</g>"
        }
        return svg
    }

    /// An incident at the chainage of its nearest border point, on its day, coloured by side.
    func circle(_ mark: Mark, _ scale: ChartScale) -> String {
        let incident = mark.incident
        let title = "\(incident.id): \(incident.date), \(FixedPoint.format(incident.result.distanceMetres / 1000, decimals: 1)) km from the border, "
            + "km \(FixedPoint.format(incident.result.chainageKilometres, decimals: 1)) along it"
        let n = ChartScale.number
        return ##"<circle class="incident" cx="\##(n(scale.x(incident.result.chainageKilometres)))" cy="\##(n(scale.y(year: ChartScale.year(mark.day))))" r="4" fill="\##(MapStyle.incident(side: incident.result.side.rawValue))" fill-opacity="0.8" stroke="#000" stroke-width="0.6"><title>\##(XML.escape(title))</title></circle>"##
    }

    /// Above the plot, in one row.
    func legend() -> String {
        var items: [(String, String)] = []
        if history != nil {
            items.append((##"<rect x="0" y="-9" width="14" height="10" fill="\##(Self.fencedFill)"/>"##,
                          placementCaveat.isEmpty ? "fenced" : "fenced (placement assumed)"))
        }
        items += [("PK", "incident, Pakistani side"), ("IR", "incident, Iranian side")].map {
            (##"<circle cx="7" cy="-4" r="4" fill="\##(MapStyle.incident(side: $0.0))" fill-opacity="0.8" stroke="#000" stroke-width="0.6"/>"##, $0.1)
        }
        return items.enumerated().map { index, item in
            ##"<g transform="translate(\##(62 + index * 200) 24)">\##(item.0)<text x="20" y="0">\##(XML.escape(item.1))</text></g>"##
        }.joined()
    }

    /// One line under the chart: what is drawn, the placement caveat, and the incidents left out.
    public var caption: String {
        guard years != nil else { return "Nothing to draw: no incident has a date and no fence segment that counts a completion date." }
        var text = "Across: km along the border from the Koh-i-Malik Siah tripoint (0) to Gwatar Bay; up: time. "
        if history == nil {
            text += "No fence data, so no fence is drawn. "
        } else {
            text += "Shaded: the border the fence covers (as \"coverage counts\" above says) from each completion date to the next"
                + (historyEndDay.map { ", up to \(ChartScale.iso($0))" } ?? "") + "; a segment with no completion date is not drawn. "
        }
        text += "Circles: incidents, at the border point nearest each, on their date (one known only to the month or year on its first day)."
        if history != nil, !placementCaveat.isEmpty { text += " The fence's placement is assumed: see the caveat above." }
        let undated = incidents.count - marks.count
        if undated > 0 { text += undated == 1 ? " 1 incident without a date is not shown." : " \(undated) incidents without a date are not shown." }
        return text
    }
}

/// Chart units of the plot: km across from `left`, years up from `bottom`.
struct ChartScale {
    var left: Double, right: Double, top: Double, bottom: Double
    var kilometres: Double
    /// The first year to the end of the axis (1 January of its last year).
    var years: ClosedRange<Int>

    var kilometresPerUnit: Double { kilometres / (right - left) }
    var unitsPerYear: Double { (bottom - top) / Double(years.upperBound - years.lowerBound) }
    var endYear: Double { Double(years.upperBound) }

    func x(_ km: Double) -> Double { left + km / kilometresPerUnit }
    /// `x` to the 0.01 unit the SVG writes, so a rectangle's width is the difference of its written ends.
    func roundedX(_ km: Double) -> Double { (x(km) * 100).rounded() / 100 }
    func y(year: Double) -> Double { bottom - (year - Double(years.lowerBound)) * unitsPerYear }

    /// A day (yyyymmdd) as a year and the fraction of it gone by at its start.
    static func year(_ day: Int) -> Double {
        let (year, month, date) = (day / 10000, day / 100 % 100, day % 100)
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        let before = lengths.prefix(max(0, month - 1)).reduce(0, +) + date - 1
        return Double(year) + Double(before) / Double(leap ? 366 : 365)
    }

    /// yyyymmdd as yyyy-mm-dd.
    static func iso(_ day: Int) -> String {
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }
        return "\(day / 10000)-\(two(day / 100 % 100))-\(two(day % 100))"
    }

    static func number(_ v: Double) -> String { FixedPoint.format(v, decimals: 2) }
}
