import BorderAnalysis
import BorderInput
import BorderModel
import BorderOutput
import Geodesy

/// What one worker thread measures for a row: the distance, and the interval over its
/// uncertainty disc and the spread over the border lines when their columns are chosen (none
/// costs anything otherwise).
final class Measurer {
    private let analyzer: DistanceAnalyzer
    private let selection: DistanceColumns.Selection

    init(atlas: Atlas, selection: DistanceColumns.Selection, findsNearestPlace: Bool? = nil) throws {
        analyzer = try DistanceAnalyzer(atlas: atlas, findsNearestPlace: findsNearestPlace ?? selection.needsNearestPlace)
        self.selection = selection
    }

    func measure(_ record: InputRecord, at point: Coordinate) throws -> MeasuredDistance {
        let result = try analyzer.analyze(point)
        let interval = selection.needsInterval
            ? try analyzer.interval(around: point, result, radiusMetres: record.uncertainty.radiusKilometres * 1000) : nil
        let spread = selection.needsSpread ? analyzer.spread(at: point, result) : nil
        return MeasuredDistance(result: result, uncertainty: record.uncertainty, interval: interval, spread: spread)
    }
}
