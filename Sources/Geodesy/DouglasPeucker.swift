/// Douglas–Peucker line simplification on planar (projected) coordinates, as GEOS's
/// `DouglasPeuckerLineSimplifier` does it: distances to the segment, not to its infinite line.
public enum DouglasPeucker {
    /// Indices of the vertices kept at `tolerance` (same unit as the coordinates), ends included.
    public static func keptIndices(_ points: [PlanarPoint], tolerance: Double) -> [Int] {
        guard points.count > 2 else { return Array(points.indices) }
        guard tolerance > 0 else { return Array(points.indices) }
        var keep = [Bool](repeating: false, count: points.count)
        keep[0] = true
        keep[points.count - 1] = true
        var stack = [(0, points.count - 1)]
        while let (first, last) = stack.popLast() {
            guard last > first + 1 else { continue }
            var farthest = first, largest = -1.0
            for index in (first + 1)..<last {
                let d = distance(points[index], points[first], points[last])
                if d > largest { (farthest, largest) = (index, d) }
            }
            if largest > tolerance {
                keep[farthest] = true
                stack.append((first, farthest))
                stack.append((farthest, last))
            }
        }
        return keep.indices.filter { keep[$0] }
    }

    /// Planar distance from `p` to the segment `a`–`b`.
    static func distance(_ p: PlanarPoint, _ a: PlanarPoint, _ b: PlanarPoint) -> Double {
        let (dx, dy) = (b.x - a.x, b.y - a.y)
        let lengthSquared = dx * dx + dy * dy
        var t = lengthSquared == 0 ? 0 : ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared
        t = min(1, max(0, t))
        let (ex, ey) = (a.x + t * dx - p.x, a.y + t * dy - p.y)
        return (ex * ex + ey * ey).squareRoot()
    }
}
