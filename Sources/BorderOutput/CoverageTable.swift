import BorderAnalysis
import BorderInput
import BorderModel

/// The coverage report for a terminal: summary, gaps, sectors, timeline, incidents, caveat.
enum CoverageTable {
    static func text(_ report: CoverageReport) -> String {
        let km = CoverageWriter.km, percent = CoverageWriter.percent
        let statuses = FenceSegment.Status.allCases.filter(report.filter.statuses.contains).map(\.rawValue).joined(separator: ",")
        var lines = [
            "fence      \(report.fenceFile): \(report.segmentsUsed) segments (status \(statuses), side \(report.filter.side?.rawValue ?? "any")"
                + (report.filter.asOf.map { ", completed by \($0)" } ?? "") + ")",
            "tolerance  \(km(report.toleranceMetres)) km (geodesic)",
            "border     \(km(report.borderMetres)) km",
            "covered    \(km(report.coveredMetres)) km (\(percent(report.coveragePercent)) %)",
        ]
        if let longest = report.longestGap {
            lines.append("gaps       \(report.gaps.count); longest \(km(longest.stretch.length)) km, km \(km(longest.stretch.start))–\(km(longest.stretch.end))")
        } else {
            lines.append("gaps       none")
        }

        lines += ["", "Gaps"] + render(
            ["#", "start km", "end km", "length km", "start", "end"],
            report.gaps.enumerated().map { index, gap in
                [String(index + 1), km(gap.stretch.start), km(gap.stretch.end), km(gap.stretch.length),
                 gap.nearestPlaceToStart?.description ?? "", gap.nearestPlaceToEnd?.description ?? ""]
            }, numeric: [0, 1, 2, 3])

        lines += ["", "Sectors"] + render(
            ["sector", "start km", "end km", "covered km", "%"],
            report.sectors.map { item in
                [item.sector.name, FixedPoint.format(item.sector.startKilometres, decimals: 3),
                 FixedPoint.format(item.sector.endKilometres, decimals: 3), km(item.coveredMetres), percent(item.coveragePercent)]
            }, numeric: [1, 2, 3, 4])

        lines += ["", "Timeline (segments completed by each date)"] + render(
            ["date", "segments", "covered km", "%"],
            report.timeline.map { [$0.date, String($0.segments), km($0.coveredMetres), percent($0.coveragePercent)] },
            numeric: [1, 2, 3])
        if report.undatedSegmentsUsed > 0 {
            lines.append("(\(report.undatedSegmentsUsed) segments without a completion date count only in the totals above)")
        }

        lines += ["", "Incidents within \(km(report.nearMetres)) km of a gap"]
        lines += report.incidentsNearGaps.isEmpty ? ["none"] : render(
            ["id", "date", "place", "gap", "km to gap"],
            report.incidentsNearGaps.map { item in
                [String(item.incident.id.prefix(40)), item.incident.date, item.incident.place, String(item.gapIndex + 1),
                 FixedPoint.format(item.distanceMetres / 1000, decimals: 2)]
            }, numeric: [3, 4])

        if let caveat = report.caveat { lines += ["", "CAVEAT: " + caveat] }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Aligned columns: numbers to the right, text to the left.
    static func render(_ titles: [String], _ rows: [[String]], numeric: Set<Int>) -> [String] {
        var widths = titles.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let padding = String(repeating: " ", count: widths[i] - cell.count)
                return numeric.contains(i) ? padding + cell : cell + padding
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        return [line(titles), line(widths.map { String(repeating: "-", count: $0) })] + rows.map(line)
    }
}
