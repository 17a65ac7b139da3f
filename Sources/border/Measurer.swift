import BorderAnalysis
import BorderInput
import BorderModel
import BorderOutput
import Geodesy

/// What one worker thread measures for a row: the distance, and, when their columns are chosen
/// (none costs anything otherwise), the interval over its uncertainty disc, the spread over the
/// border lines, the fence on its day and the nearest crossing open that day.
final class Measurer {
    private let analyzer: DistanceAnalyzer
    private let selection: DistanceColumns.Selection
    private let onTheDay: OnTheDay

    init(atlas: Atlas, selection: DistanceColumns.Selection, findsNearestPlace: Bool? = nil, onTheDay: OnTheDay = OnTheDay()) throws {
        analyzer = try DistanceAnalyzer(atlas: atlas, findsNearestPlace: findsNearestPlace ?? selection.needsNearestPlace)
        self.selection = selection
        self.onTheDay = onTheDay
    }

    func measure(_ record: InputRecord, at point: Coordinate) throws -> MeasuredDistance {
        let result = try analyzer.analyze(point)
        let interval = selection.needsInterval
            ? analyzer.interval(around: point, result, radiusMetres: record.uncertainty.radiusKilometres * 1000) : nil
        let spread = selection.needsSpread ? analyzer.spread(at: point, result) : nil
        let (fence, crossing) = onTheDay.columns(date: record.date, point: point, result)
        return MeasuredDistance(result: result, uncertainty: record.uncertainty, interval: interval, spread: spread,
                                fence: fence, crossing: crossing)
    }
}

/// What the columns that depend on the row's day need, built once before the rows: the fence's
/// coverage on every day and the crossings (each nil when its columns are not written).
struct OnTheDay: Sendable {
    var fence: FenceHistory?
    var crossings: Crossings?

    /// The fence and the nearest open crossing of a row dated `date`, measured as `result`. A date
    /// known only to the month or year counts from its first day (coverage only grows).
    func columns(date: EventDate?, point: Coordinate, _ result: BorderDistance) -> (FenceStatus?, CrossingDistance?) {
        let day = date?.earliest, chainage = result.chainageKilometres * 1000
        return (day.flatMap { fence?.status(atChainage: chainage, on: $0) },
                crossings?.nearest(to: point, chainageMetres: chainage, on: day))
    }
}
