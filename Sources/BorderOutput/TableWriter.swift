import BorderAnalysis
import BorderInput
import Foundation

/// A readable, aligned table for a terminal. Column widths come from the first rows; the rest stream.
public final class TableWriter {
    private let output: Output
    private var header: [String] = []
    private var pending: [[String]] = []
    private var widths: [Int]? = nil
    private var titles: [String] = []
    static let bufferedRows = 200

    public init(output: Output) { self.output = output }

    /// Input columns worth showing, when present.
    private static let contextColumns = ["id", "date", "event_date", "place", "name", "location"]
    private var shown: [Int] = []
    private var reported: Int? = nil
    private var showsSpread = false
    private var showsFence = false
    private var showsCrossing = false

    /// Columns for the spread over the border lines, the fence on the day and the nearest open
    /// crossing, when they are computed.
    public func begin(header: [String], showsSpread: Bool = false, showsFence: Bool = false, showsCrossing: Bool = false) {
        (self.showsSpread, self.showsFence, self.showsCrossing) = (showsSpread, showsFence, showsCrossing)
        self.header = header
        let lowered = header.map { $0.lowercased() }
        shown = Self.contextColumns.compactMap { lowered.firstIndex(of: $0) }
        if shown.isEmpty { shown = [] }
        reported = lowered.firstIndex(of: "reported_distance_km")
        titles = (shown.isEmpty ? ["row"] : shown.map { header[$0] })
            + ["km to border", "chainage km", "side", "nearest place"] + (reported == nil ? [] : ["reported km"])
            + (showsSpread ? ["line spread km"] : []) + (showsFence ? ["fenced then"] : [])
            + (showsCrossing ? ["nearest open crossing"] : [])
    }

    /// A row whose radius is 1 km or more shows its interval (`20.6–70.7`, rounded outwards so it holds the exact one), never a bare
    /// two-decimal distance the coding cannot support.
    public func write(_ record: InputRecord, _ measured: MeasuredDistance) {
        let result = measured.result
        func field(_ index: Int) -> String { index < record.fields.count ? record.fields[index] : "" }
        let context = shown.isEmpty ? [String(record.row)] : shown.map { String(field($0).prefix(40)) }
        let distance = IntervalText.kmToBorder(distanceMetres: result.distanceMetres, interval: measured.interval,
                                               radiusKilometres: measured.uncertainty.radiusKilometres)
        let row = context + [distance,
                             FixedPoint.format(result.chainageKilometres, decimals: 1) + (result.isBeyondEnd ? "*" : ""),
                             result.side.rawValue, result.nearestPlace?.description ?? ""]
            + (reported.map { [field($0)] } ?? [])
            + (showsSpread ? [measured.spread.map { FixedPoint.format($0.spreadMetres / 1000, decimals: 2) } ?? ""] : [])
            + (showsFence ? [measured.fence.map { $0.isFenced ? "yes" : "no" } ?? ""] : [])
            + (showsCrossing ? [measured.crossing.map(Self.crossingCell) ?? ""] : [])
        if widths == nil {
            pending.append(row)
            if pending.count >= Self.bufferedRows { flushPending() }
        } else {
            emit(row)
        }
    }

    /// "Taftan-Mirjaveh, 12.3 km": the distance to the tenth of a km (the position is known to ±2 km at best).
    static func crossingCell(_ crossing: CrossingDistance) -> String {
        let name = crossing.crossing.place.name
        let short = name.hasSuffix(" crossing") ? String(name.dropLast(" crossing".count)) : name
        return "\(short), \(FixedPoint.format(crossing.distanceMetres / 1000, decimals: 1)) km"
    }

    public func finish() {
        flushPending()
    }

    private func flushPending() {
        guard widths == nil else { return }
        var widths = titles.map(\.count)
        for row in pending { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        self.widths = widths
        emit(titles)
        emit(widths.map { String(repeating: "-", count: $0) })
        pending.forEach(emit)
        pending = []
    }

    private static let numericTitles: Set<String> = ["km to border", "chainage km", "reported km", "row", "line spread km"]

    private func emit(_ row: [String]) {
        guard let widths else { return }
        let cells = row.enumerated().map { i, cell -> String in
            let padding = String(repeating: " ", count: max(0, widths[i] - cell.count))
            return Self.numericTitles.contains(titles[i]) ? padding + cell : cell + padding
        }
        output.write(cells.joined(separator: "  ").trimmingCharacters(in: .whitespaces) + "\n")
    }
}
