import BorderModel
import Geodesy

extension DistanceAnalyzer {
    /// The distances from `point` to the bundled line (`result`'s) and to each of the atlas's
    /// alternative lines, each exact like the bundled one (the same nearest-point search); nil
    /// when the atlas has none loaded (`Atlas.withAlternatives()`).
    public func spread(at point: Coordinate, _ result: BorderDistance) -> DistanceSpread? {
        guard !atlas.alternatives.isEmpty else { return nil }
        var bySource: [(String, Double)] = []
        bySource.reserveCapacity(1 + alternativeSources.count)
        bySource.append((DistanceSpread.bundledSource, result.distanceMetres))
        var (least, most) = (result.distanceMetres, result.distanceMetres)
        for n in alternativeSources.indices {
            let distance = alternativeDistance(to: point, line: n)
            bySource.append((alternativeSources[n], distance))
            (least, most) = (min(least, distance), max(most, distance))
        }
        return DistanceSpread(spreadMetres: most - least, bySource: bySource)
    }
}
