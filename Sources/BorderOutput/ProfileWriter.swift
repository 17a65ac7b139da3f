import BorderAnalysis

/// What `border profile` prints, in one format: the stretch rows, the summary and always the caveat.
public struct BorderProfileOutput: Sendable {
    public var rows: [ProfileRow]
    public var summary: ProfileSummary?
    public var binKilometres: Double
    public var withinKilometres: Double
    public var showsRadius: Bool
    public var caveat: String

    public init(rows: [ProfileRow], summary: ProfileSummary?, binKilometres: Double, withinKilometres: Double,
                showsRadius: Bool, caveat: String) {
        (self.rows, self.summary, self.binKilometres, self.withinKilometres) = (rows, summary, binKilometres, withinKilometres)
        (self.showsRadius, self.caveat) = (showsRadius, caveat)
    }
}

/// CSV and JSON carry every stretch in every year; the table only those with incidents. The CSV's
/// summary and caveat go to `notes` (standard error), so standard output stays one table.
public enum ProfileWriter {
    public static func write(_ profile: BorderProfileOutput, format: OutputFormat, to output: Output, notes: (String) -> Void) {
        switch format {
        case .json: output.write(json(profile))
        case .csv:
            output.write(csv(profile))
            notes(summaryText(profile))
        default: output.write(table(profile) + "\n" + summaryText(profile))
        }
    }

    static let header = ["stretch_start_km", "stretch_end_km", "year", "incidents", "killed", "injured", "mean_uncertainty_km", "fenced_km"]

    static func columns(_ profile: BorderProfileOutput) -> [String] {
        profile.showsRadius ? header : header.filter { $0 != "mean_uncertainty_km" }
    }

    static func km(_ metres: Double) -> String { FixedPoint.format(metres / 1000, decimals: 3) }

    static func fields(_ row: ProfileRow, _ profile: BorderProfileOutput) -> [String] {
        [km(row.stretch.start), km(row.stretch.end), row.year.map(String.init) ?? "", String(row.incidents), String(row.killed),
         String(row.injured)]
            + (profile.showsRadius ? [row.meanRadiusKilometres.map { FixedPoint.format($0, decimals: 1) } ?? ""] : [])
            + [row.fencedMetres.map(km) ?? ""]
    }

    static func csv(_ profile: BorderProfileOutput) -> String {
        ([columns(profile)] + profile.rows.map { fields($0, profile) }).map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    static func table(_ profile: BorderProfileOutput) -> String {
        let titles = ["stretch km", "year", "incidents", "killed", "injured"] + (profile.showsRadius ? ["mean radius km"] : []) + ["fenced km"]
        let rows = profile.rows.filter { $0.incidents > 0 }.map { row -> [String] in
            let all = fields(row, profile)
            return ["\(FixedPoint.format(row.stretch.start / 1000, decimals: 0))–\(FixedPoint.format(row.stretch.end / 1000, decimals: 0))",
                    row.year.map(String.init) ?? "undated"] + all[3...].dropLast() + [row.fencedMetres.map { FixedPoint.format($0 / 1000, decimals: 1) } ?? ""]
        }
        var widths = titles.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in String(repeating: " ", count: widths[i] - cell.count) + cell }.joined(separator: "  ")
        }
        return ([line(titles), line(widths.map { String(repeating: "-", count: $0) })] + rows.map(line)).joined(separator: "\n") + "\n"
    }

    /// "fenced: 3 incidents in 1,234.5 km-years, 0.24 per 100 km-years (95 % 0.05–0.71)".
    static func summaryText(_ profile: BorderProfileOutput) -> String {
        var lines = ["Incidents within \(FixedPointText.plain(profile.withinKilometres)) km of the border, by the fence on their day:"]
        if let summary = profile.summary {
            lines.append("  years \(summary.firstYear)–\(summary.lastYear)")
            for (label, rate) in [("fenced", summary.fenced), ("unfenced", summary.unfenced)] {
                guard let rate else { lines.append("  \(label): no such border in these years"); continue }
                lines.append("  \(label): \(rate.incidents) incidents in \(FixedPoint.format(rate.kilometreYears, decimals: 1)) km-years, "
                    + "\(two(rate.perHundredKilometreYears)) per 100 km-years (95 % exact: \(two(rate.interval.lower))–\(two(rate.interval.upper)))")
            }
            if let ratio = summary.ratio, let interval = summary.ratioInterval {
                lines.append("  fenced / unfenced rate: \(two(ratio)) (95 % exact conditional: \(two(interval.lower))–\(two(interval.upper)))")
            } else {
                lines.append("  fenced / unfenced rate: undefined (no dated incidents, or no fenced or no unfenced border)")
            }
            if summary.undated > 0 { lines.append("  \(summary.undated) incidents without a date are in the stretches but not in the rates") }
        } else {
            lines.append("  no dated incidents: no rates")
        }
        lines.append("Caveat: \(profile.caveat)")
        return lines.joined(separator: "\n") + "\n"
    }

    static func two(_ value: Double) -> String { value.isFinite ? FixedPoint.format(value, decimals: 2) : "∞" }

    static func json(_ profile: BorderProfileOutput) -> String {
        let rows = profile.rows.map { row in
            "{" + zip(columns(profile), fields(row, profile)).map { name, value in
                "\(JSONText.string(name)):\(value.isEmpty ? "null" : value)"
            }.joined(separator: ",") + "}"
        }
        let members: [(String, String)] = [
            ("bin_km", FixedPointText.plain(profile.binKilometres)),
            ("within_km", FixedPointText.plain(profile.withinKilometres)),
            ("rows", "[\n" + rows.map { "  " + $0 }.joined(separator: ",\n") + "\n]"),
            ("summary", profile.summary.map(summaryJSON) ?? "null"),
            ("caveat", JSONText.string(profile.caveat)),
        ]
        return "{\n" + members.map { "\(JSONText.string($0.0)): \($0.1)" }.joined(separator: ",\n") + "\n}\n"
    }

    /// Full precision (shortest round-trip text), so a reference can recompute the intervals from the counts.
    static func number(_ value: Double) -> String { value.isFinite ? "\(value)" : "null" }

    static func rateJSON(_ rate: IncidentRate?) -> String {
        guard let rate else { return "null" }
        return "{\"incidents\":\(rate.incidents),\"km_years\":\(number(rate.kilometreYears)),"
            + "\"per_100_km_years\":\(number(rate.perHundredKilometreYears)),"
            + "\"ci95_lower\":\(number(rate.interval.lower)),\"ci95_upper\":\(number(rate.interval.upper))}"
    }

    static func summaryJSON(_ summary: ProfileSummary) -> String {
        "{\"first_year\":\(summary.firstYear),\"last_year\":\(summary.lastYear),\"fenced\":\(rateJSON(summary.fenced)),"
            + "\"unfenced\":\(rateJSON(summary.unfenced)),\"rate_ratio\":\(summary.ratio.map(number) ?? "null"),"
            + "\"rate_ratio_ci95_lower\":\(summary.ratioInterval.map { number($0.lower) } ?? "null"),"
            + "\"rate_ratio_ci95_upper\":\(summary.ratioInterval.map { number($0.upper) } ?? "null"),"
            + "\"undated_incidents\":\(summary.undated)}"
    }
}
