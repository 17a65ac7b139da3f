import BorderModel
import Geodesy

extension DistanceAnalyzer {
    /// The distances from `point` to the bundled line (`result`'s) and to each of the atlas's
    /// alternative lines, each exact like the bundled one (the same nearest-point search); nil
    /// when the atlas has none loaded (`Atlas.withAlternatives()`).
    public func spread(at point: Coordinate, _ result: BorderDistance) -> DistanceSpread? {
        guard !atlas.alternatives.isEmpty else { return nil }
        var bySource = [(DistanceSpread.bundledSource, result.distanceMetres)]
        for n in alternativeSources.indices {
            bySource.append((alternativeSources[n], alternativeDistance(to: point, line: n)))
        }
        let distances = bySource.map(\.1)
        return DistanceSpread(spreadMetres: distances.max()! - distances.min()!, bySource: bySource)
    }
}
